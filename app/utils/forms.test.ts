import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";

import { checkbox, formDataToObject, manyOf, optionalText, parseForm, requiredText, textProblem } from "./forms";

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
    const result = parseForm(
      schema,
      fd([
        ["title", " Hi "],
        ["orgs", "a"],
        ["flag", "on"],
        ["password", "x"],
      ]),
    );
    expect(result).toEqual({ ok: true, data: { title: "Hi", note: undefined, orgs: ["a"], flag: true, password: "x" } });
  });

  it("keys errors by field and echoes values without passwords", () => {
    const result = parseForm(
      schema,
      fd([
        ["title", "too long title"],
        ["note", "long"],
        ["password", "secret"],
      ]),
    );
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

describe("parseForm bounded by the schema (issue 10)", () => {
  const schema = z.object({
    title: requiredText(200, "Title"),
    notes: optionalText(2000, "Notes", "multiLine"),
    rows: z
      .array(z.object({ description: requiredText(50, "Description") }))
      .max(3)
      .default([]),
    orgs: manyOf(z.string(), 5),
  });

  it("drops array indexes past the array's max instead of building a huge array", () => {
    const started = performance.now();
    const result = parseForm(
      schema,
      fd([
        ["title", "T"],
        ["x.99999999", "1"],
        ["rows.99999999.description", "d"],
        ["rows.3.description", "d"],
      ]),
    );
    expect(performance.now() - started).toBeLessThan(100);
    expect(result).toEqual({ ok: true, data: { title: "T", notes: undefined, rows: [], orgs: [] } });
  });

  it("never echoes fields the schema does not know", () => {
    const result = parseForm(
      schema,
      fd([
        ["title", ""],
        ["secretField", "x"],
        ["a.b.c.d.e.f.g.h", "1"],
        ["rows.0.other", "y"],
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values).toEqual({ title: "" });
  });

  it("keeps repeated choices only up to the list's bound", () => {
    const out = formDataToObject(fd(Array.from({ length: 50 }, (_, i) => ["orgs", `o${i}`] as [string, string])), schema);
    expect((out.orgs as string[]).length).toBe(5);
  });

  it("bounds a form read without a schema too", () => {
    const out = formDataToObject(
      fd([
        ["x.99999999", "1"],
        ["a.b.c.d.e.f.g.h", "1"],
        ["ok", "1"],
      ]),
    );
    expect(out).toEqual({ ok: "1" });
  });
});

describe("one text normalisation step (issue 10)", () => {
  const schema = z.object({
    title: requiredText(200, "Title"),
    notes: optionalText(2000, "Notes", "multiLine"),
    raw: z.string().optional(),
  });
  const errorsOf = (entries: [string, string][]) => {
    const base: [string, string][] = entries.some(([k]) => k === "title") ? [] : [["title", "T"]];
    const result = parseForm(schema, fd([...base, ...entries]));
    return result.ok ? {} : result.fieldErrors;
  };

  it("stores text in Unicode NFC and multi-line text with LF", () => {
    const result = parseForm(
      schema,
      fd([
        ["title", "Cafe\u0301"],
        ["notes", "a\r\nb\tc"],
      ]),
    );
    expect(result).toEqual({ ok: true, data: { title: "Café", notes: "a\nb\tc", raw: undefined } });
  });

  it("refuses NUL and control characters next to the field, in every kind of field", () => {
    expect(errorsOf([["title", "a\u0000b"]]).title).toMatch(/control character/);
    expect(errorsOf([["notes", "a\u0007b"]]).notes).toMatch(/control character/);
    expect(errorsOf([["raw", "a\u0000b"]]).raw).toMatch(/control character/);
  });

  it("refuses line breaks, tabs and text-direction overrides in one-line fields only", () => {
    expect(errorsOf([["title", "a\r\nb"]]).title).toMatch(/one line/);
    expect(errorsOf([["title", "a\tb"]]).title).toMatch(/one line/);
    expect(errorsOf([["title", "gnp\u202Eexe"]]).title).toMatch(/text-direction/);
    expect(errorsOf([["title", "x\u2066y"]]).title).toMatch(/text-direction/);
    expect(errorsOf([["notes", "line one\nline two"]])).toEqual({});
  });

  it("refuses lone surrogates and the broken-text marker", () => {
    // FormData itself turns a lone surrogate into U+FFFD; readFormData marks broken UTF-8 with U+FFFF.
    expect(textProblem("a\uD800b", "Title")).toMatch(/not valid Unicode/);
    expect(errorsOf([["title", "a\uFFFFb"]]).title).toMatch(/not valid Unicode/);
    expect(errorsOf([["notes", "a\uFFFFb"]]).notes).toMatch(/not valid Unicode/);
  });
});

describe("parseForm with random names and values (property)", () => {
  const schema = z.object({
    title: requiredText(200, "Title"),
    notes: optionalText(2000, "Notes", "multiLine"),
    rows: z.array(z.object({ description: requiredText(50, "Description"), due: z.iso.date().optional() })).max(10),
    orgs: manyOf(z.string()),
    flag: checkbox,
    exports: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  });
  const part = fc.oneof(
    fc.constantFrom(
      "title",
      "notes",
      "rows",
      "orgs",
      "flag",
      "exports",
      "description",
      "due",
      "__proto__",
      "constructor",
      "prototype",
      "",
    ),
    fc.nat({ max: 20 }).map(String),
    fc.constantFrom("99999999", "3000000", "4294967295", "-1", "1e9"),
    fc.string({ maxLength: 8 }),
  );
  const name = fc.array(part, { minLength: 1, maxLength: 9 }).map((parts) => parts.join("."));
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom("\u0000", "\u202E", "\uD800", "on", "2026-02-31"),
  );

  it("never throws, stays small and fast, never pollutes prototypes, and never echoes unknown names", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 40 }), (entries) => {
        const started = performance.now();
        const result = parseForm(schema, fd(entries));
        expect(performance.now() - started).toBeLessThan(200);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        const values = result.ok ? result.data : result.values;
        expect(JSON.stringify(values).length).toBeLessThan(20_000);
        for (const key of Object.keys(values)) expect(["title", "notes", "rows", "orgs", "flag", "exports"]).toContain(key);
        if (!result.ok) {
          const rows = result.values.rows;
          if (Array.isArray(rows)) expect(rows.length).toBeLessThanOrEqual(10);
        }
      }),
      { numRuns: 500 },
    );
  });
});
