import { describe, expect, it } from "vitest";

import { classificationOf, parseLevels } from "./brief";

describe("classificationOf", () => {
  it("takes the highest level present", () => {
    expect(classificationOf([])).toBe("shared");
    expect(classificationOf(["shared", "internal"])).toBe("internal");
    expect(classificationOf(["restricted", "shared"])).toBe("restricted");
  });
});

describe("parseLevels", () => {
  it("accepts known levels in any order and form, once each", () => {
    expect(parseLevels(["internal", "shared,internal"])).toEqual({ ok: true, levels: ["shared", "internal"] });
  });
  it("refuses an unknown level", () => {
    expect(parseLevels(["secret"])).toEqual({ ok: false, message: 'Unknown level "secret".' });
  });
});
