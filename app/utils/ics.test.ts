import { describe, expect, it } from "vitest";

import { escapeText, foldLine, parseCalendar, serializeCalendar } from "./ics";

const encoder = new TextEncoder();

describe("ics", () => {
  it("escapes TEXT values", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const line = `SUMMARY:${"IREL–Toyotsu ".repeat(20)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(3);
    for (const p of physical) expect(encoder.encode(p).length).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(" ")).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });

  it("leaves a short line alone", () => {
    expect(foldLine("VERSION:2.0")).toBe("VERSION:2.0");
  });

  it("writes all-day and timed events that parse back", () => {
    const text = serializeCalendar({
      prodId: "-//Accord//Milestones//EN",
      name: "Accord",
      events: [
        {
          uid: "milestone-1@accord",
          stamp: "2026-12-01T08:30:00.000Z",
          start: { date: "2026-03-31" },
          summary: "Due: IREL produces 450 t of neodymium, on track?",
          description: "Line one\nLine two; with a semicolon",
          url: "https://accord.example/milestones/1",
        },
        {
          uid: "consultation-2@accord",
          stamp: "2026-12-01T08:30:00.000Z",
          start: { dateTime: "2026-12-10T04:30:00.000Z" },
          durationMinutes: 60,
          summary: "Talks",
        },
      ],
    });
    expect(text.split("\r\n").every((l) => encoder.encode(l).length <= 75)).toBe(true);
    expect(text).toContain("DTSTART;VALUE=DATE:20260331\r\n");
    expect(text).toContain("DTEND;VALUE=DATE:20260401\r\n");
    expect(text).toContain("DTSTAMP:20261201T083000Z\r\n");
    expect(text).toContain("DTSTART:20261210T043000Z\r\n");
    const { calendar, events } = parseCalendar(text);
    expect(calendar.VERSION).toBe("2.0");
    expect(events).toHaveLength(2);
    expect(events[0]!.SUMMARY).toBe("Due: IREL produces 450 t of neodymium, on track?");
    expect(events[0]!.DESCRIPTION).toBe("Line one\nLine two; with a semicolon");
    expect(events[1]!.DURATION).toBe("PT60M");
  });

  it("refuses a malformed date rather than writing a broken feed", () => {
    expect(() =>
      serializeCalendar({
        prodId: "x",
        name: "x",
        events: [{ uid: "u", stamp: "2026-12-01T00:00:00Z", start: { date: "31/03/2026" }, summary: "s" }],
      }),
    ).toThrow();
  });
});
