import { describe, expect, it } from "vitest";

import { decodeTimeCursor, encodeTimeCursor } from "./cursor";

describe("time cursors", () => {
  it("round-trip", () => {
    const c = { at: "2026-11-30T06:00:00.000Z", id: "abc" };
    expect(decodeTimeCursor(encodeTimeCursor(c))).toEqual(c);
  });
  it("ignore what does not parse", () => {
    for (const raw of [null, "", "yesterday~abc", "2026-11-30T06:00:00.000Z", "2026-11-30T06:00:00.000Z~a~b"]) {
      expect(decodeTimeCursor(raw)).toBeNull();
    }
  });
});
