/**
 * A small iCalendar (RFC 5545) writer for read-only feeds: CRLF line endings, lines folded at 75
 * octets without splitting a UTF-8 character, TEXT values escaped, UID and DTSTAMP on every event,
 * all-day events as DTSTART;VALUE=DATE.
 */

export type IcsStart = { date: string } | { dateTime: string };

export interface IcsEvent {
  uid: string;
  /** When this copy of the event was made (ISO instant). */
  stamp: string;
  start: IcsStart;
  /** For timed events; all-day events last the one day. */
  durationMinutes?: number;
  summary: string;
  description?: string;
  location?: string | null;
  url?: string;
  categories?: readonly string[];
}

export interface IcsCalendar {
  prodId: string;
  name: string;
  events: readonly IcsEvent[];
}

const CRLF = "\r\n";
const encoder = new TextEncoder();

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line so no physical line exceeds 75 octets (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // Continuation lines begin with a space, which counts toward their 75 octets.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = " ";
      octets = 1;
      limit = 75;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** 2026-03-31 → 20260331 */
export function icsDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
  return date.replace(/-/g, "");
}

/** An instant as UTC date-time, 20261201T083000Z. */
export function icsDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not an instant: ${iso}`);
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function eventLines(event: IcsEvent): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${icsDateTime(event.stamp)}`];
  if ("date" in event.start) {
    lines.push(`DTSTART;VALUE=DATE:${icsDate(event.start.date)}`, `DTEND;VALUE=DATE:${icsDate(nextDay(event.start.date))}`);
    // An all-day deadline should not block the subscriber's day.
    lines.push("TRANSP:TRANSPARENT");
  } else {
    lines.push(`DTSTART:${icsDateTime(event.start.dateTime)}`);
    if (event.durationMinutes) lines.push(`DURATION:PT${Math.round(event.durationMinutes)}M`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
  lines.push("END:VEVENT");
  return lines;
}

export function serializeCalendar(calendar: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * Reads a feed back into events of name → value (first occurrence), unfolding and unescaping.
 * For tests and for checking our own output; not a general parser.
 */
export function parseCalendar(text: string): { calendar: Record<string, string>; events: Record<string, string>[] } {
  if (!text.endsWith(CRLF) || /(^|[^\r])\n/.test(text)) throw new Error("lines must end in CRLF");
  const unfolded = text
    .replace(/\r\n[ \t]/g, "")
    .split(CRLF)
    .filter(Boolean);
  const calendar: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  let depth = 0;
  for (const line of unfolded) {
    const colon = line.indexOf(":");
    if (colon < 0) throw new Error(`bad content line: ${line}`);
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === "BEGIN") {
      depth++;
      if (value === "VEVENT") current = {};
      continue;
    }
    if (name === "END") {
      depth--;
      if (value === "VEVENT" && current) events.push(current);
      current = null;
      continue;
    }
    const target = current ?? calendar;
    target[name] ??= value.replace(/\\n/gi, "\n").replace(/\\([,;\\])/g, "$1");
  }
  if (depth !== 0) throw new Error("unbalanced BEGIN/END");
  return { calendar, events };
}
