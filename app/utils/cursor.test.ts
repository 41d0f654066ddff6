import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor, isPlainDate, isTimestamp } from "./cursor";

describe("keyset cursors", () => {
  it("round-trip, with and without a run, whatever the key holds", () => {
    for (const c of [
      { key: "2026-11-30T06:00:00.000Z", id: "abc" },
      { key: 'Title ~ with "quotes" and, commas', id: "x1" },
      { key: "", id: "a", run: 1 },
    ]) {
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }
  });
  it("ignore what does not parse", () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const raw of [
      null,
      "",
      "not base64 {",
      "2026-11-30T06:00:00.000Z~abc",
      b64(["a"]),
      b64(["a", ""]),
      b64([1, "a"]),
      b64(["a", "b", -1]),
      b64(["a", "b", 1, 2]),
      b64({ key: "a" }),
    ]) {
      expect(decodeCursor(raw)).toBeNull();
    }
  });
  it("let a list refuse keys it cannot order by", () => {
    expect(decodeCursor(encodeCursor({ key: "yesterday", id: "a" }), isTimestamp)).toBeNull();
    expect(decodeCursor(encodeCursor({ key: "2026-11-30T06:00:00.000Z", id: "a" }), isTimestamp)).not.toBeNull();
    expect(decodeCursor(encodeCursor({ key: "2026-11-30T06:00", id: "a" }), isPlainDate)).toBeNull();
    expect(decodeCursor(encodeCursor({ key: "2026-11-30", id: "a" }), isPlainDate)).not.toBeNull();
  });
});
