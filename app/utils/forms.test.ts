import { describe, expect, it } from "vitest";
import * as z from "zod";

import { checkbox, formDataToObject, manyOf, optionalText, parseForm, requiredText } from "./forms";

function fd(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("formDataToObject", () => {
  it("nests dotted names and collects repeated ones", () => {
    const out = formDataToObject(
      fd([
        ["title", "T"],
        ["org", "a"],
        ["org", "b"],
        ["actions.0.description", "first"],
        ["actions.1.description", "second"],
      ]),
    );
    expect(out).toEqual({ title: "T", org: ["a", "b"], actions: [{ description: "first" }, { description: "second" }] });
  });
});

describe("formDataToObject and hostile names", () => {
  it("never writes to Object.prototype", () => {
    const out = formDataToObject(
      fd([
        ["__proto__.kind", "technical"],
        ["a.__proto__.polluted", "yes"],
        ["constructor.prototype.polluted", "yes"],
        ["title", "T"],
      ]),
    );
    expect(out).toEqual({ title: "T" });
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseForm", () => {
  const schema = z.object({
    title: requiredText(5, "Title"),
    note: optionalText(3, "Note"),
    orgs: manyOf(z.string()).pipe(z.array(z.string()).min(1, "Choose one.")),
    flag: checkbox,
    password: z.string().min(1),
  });

  it("returns data when valid", () => {
    const result = parseForm(schema, fd([["title", " Hi "], ["orgs", "a"], ["flag", "on"], ["password", "x"]]));
    expect(result).toEqual({ ok: true, data: { title: "Hi", note: undefined, orgs: ["a"], flag: true, password: "x" } });
  });

  it("keys errors by field and echoes values without passwords", () => {
    const result = parseForm(schema, fd([["title", "too long title"], ["note", "long"], ["password", "secret"]]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      title: "Title must be at most 5 characters.",
      note: "Note must be at most 3 characters.",
      orgs: "Choose one.",
    });
    expect(result.values).toEqual({ title: "too long title", note: "long" });
  });

  it("reports a missing required field in words", () => {
    const result = parseForm(z.object({ title: requiredText(10, "Title") }), fd([]));
    expect(result.ok ? null : result.fieldErrors.title).toBe("Title is required.");
  });
});
