import { describe, expect, it } from "vitest";

import { meetingTimes } from "~/utils/format";

import { isKnownTimeZone, utcToZonedLocal, zonedLocalToUtc } from "./time";

describe("zonedLocalToUtc", () => {
  it("reads a local time in India Standard Time (UTC+5:30)", () => {
    expect(zonedLocalToUtc("2026-03-14T10:30", "Asia/Kolkata")).toBe("2026-03-14T05:00:00.000Z");
  });

  it("reads a local time in Japan Standard Time (UTC+9), across midnight UTC", () => {
    expect(zonedLocalToUtc("2026-03-14T08:00", "Asia/Tokyo")).toBe("2026-03-13T23:00:00.000Z");
  });

  it("handles daylight saving: London in summer is UTC+1, a gap time is refused", () => {
    expect(zonedLocalToUtc("2025-07-01T09:00", "Europe/London")).toBe("2025-07-01T08:00:00.000Z");
    expect(zonedLocalToUtc("2025-01-15T09:00", "Europe/London")).toBe("2025-01-15T09:00:00.000Z");
    expect(zonedLocalToUtc("2025-03-30T01:30", "Europe/London")).toBeNull();
    // 01:30 on 26 October 2025 happens twice in London; the earlier (BST) one is taken.
    expect(zonedLocalToUtc("2025-10-26T01:30", "Europe/London")).toBe("2025-10-26T00:30:00.000Z");
  });

  it("refuses what does not parse or does not exist", () => {
    expect(zonedLocalToUtc("yesterday", "Asia/Kolkata")).toBeNull();
    expect(zonedLocalToUtc("2026-02-31T10:00", "Asia/Kolkata")).toBeNull();
    expect(zonedLocalToUtc("2026-02-10T24:10", "Asia/Kolkata")).toBeNull();
    expect(zonedLocalToUtc("2026-02-10T10:00", "Mars/Olympus")).toBeNull();
    expect(isKnownTimeZone("Asia/Tokyo")).toBe(true);
  });

  it("round-trips with utcToZonedLocal", () => {
    for (const zone of ["Asia/Kolkata", "Asia/Tokyo", "America/New_York"]) {
      const utc = zonedLocalToUtc("2025-11-03T17:45", zone)!;
      expect(utcToZonedLocal(utc, zone)).toBe("2025-11-03T17:45");
    }
  });
});

describe("meetingTimes", () => {
  it("shows IST and JST side by side, 3 h 30 min apart", () => {
    const t = meetingTimes("2026-03-13T23:00:00.000Z", "Asia/Tokyo");
    expect(t.ist).toMatch(/14 Mar 2026, 4:30\s?am IST/i);
    expect(t.jst).toMatch(/14 Mar 2026, 8:00\s?am JST/i);
    expect(t.entered).toBeNull();
    expect(meetingTimes("2026-03-13T23:00:00.000Z", "Europe/London").entered?.zone).toBe("Europe/London");
  });
});
