/**
 * The one clock. Every read of "now" or "today" goes through here so tests can pin the date:
 * `ACCORD_TODAY=2026-12-01` makes today that date (noon in India) for every rule that reads it:
 * fiscal years a request may name, late milestones, future-dated positions, the dashboard.
 * Instants used as timestamps (audit events, sessions) stay the real time: pinning them would
 * give every write the same instant.
 *
 * Shared with the browser (zod schemas refuse future dates there too), where nothing is pinned.
 */

/** The zone in which the negotiation's calendar dates are read. */
export const INDIA_TIME_ZONE = "Asia/Kolkata";

function pinnedDate(): string | null {
  const pinned = typeof process !== "undefined" ? process.env?.ACCORD_TODAY : undefined;
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : null;
}

/** The current instant, for timestamps. */
export function now(): Date {
  return new Date();
}

/** The current instant as stored: ISO-8601 UTC. */
export function nowIso(date: Date = now()): string {
  return date.toISOString();
}

/** Today, as an instant: noon in India on the pinned date, or now. */
export function today(): Date {
  const pinned = pinnedDate();
  return pinned ? new Date(`${pinned}T12:00:00+05:30`) : now();
}

const isoDateInIndia = new Intl.DateTimeFormat("en-CA", {
  timeZone: INDIA_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** A calendar date (YYYY-MM-DD) as India sees it: "today" is the date in IST. */
export function todayInIndia(at: Date = today()): string {
  return isoDateInIndia.format(at);
}

const isoDateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in a zone: a due date is overdue once the reader's own day has passed it. */
export function todayInZone(zone: string, at: Date = today()): string {
  let f = isoDateFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    isoDateFormats.set(zone, f);
  }
  return f.format(at);
}
