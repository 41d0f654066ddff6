/** Calendar dates (YYYY-MM-DD) as India sees them: "today" is the date in IST. */
const isoDateInIndia = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit" });

export function todayInIndia(now: Date = new Date()): string {
  return isoDateInIndia.format(now);
}

const isoDateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in a zone: a due date is overdue once the reader's own day has passed it. */
export function todayInZone(zone: string, now: Date = new Date()): string {
  let f = isoDateFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    isoDateFormats.set(zone, f);
  }
  return f.format(now);
}

const plainDate = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar date shown as "31 Mar 2026"; no time zone shift, it is a date, not an instant. */
export function formatPlainDate(date: string | null | undefined): string {
  return date ? plainDate.format(new Date(`${date}T00:00:00Z`)) : "—";
}
