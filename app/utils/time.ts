/**
 * Wall-clock times in named zones. A consultation is stored as a UTC instant plus the IANA zone it
 * was entered in. Showing it (IST and JST side by side) is `meetingTimes` in `~/utils/format`.
 */

/** Zones offered when recording a meeting time, the two of the negotiation first. */
export const TIME_ZONES = [
  { value: "Asia/Kolkata", label: "India (IST, Asia/Kolkata)" },
  { value: "Asia/Tokyo", label: "Japan (JST, Asia/Tokyo)" },
  { value: "UTC", label: "UTC" },
  { value: "Europe/London", label: "London (Europe/London)" },
  { value: "Europe/Brussels", label: "Brussels (Europe/Brussels)" },
  { value: "America/New_York", label: "New York (America/New_York)" },
] as const;

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instantMs: number, zone: string) {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, f);
  }
  const get = (type: string) => Number(f.formatToParts(new Date(instantMs)).find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (IST: +5h30m). */
function offsetAt(instantMs: number, zone: string): number {
  const w = wallClock(instantMs, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The UTC instant of a local date-time (`2026-03-14T10:30`, as an `<input type=datetime-local>`
 * posts it) in `zone`, or null if it does not parse or does not exist there. In a daylight-saving
 * gap the time does not exist and is refused; in an overlap the earlier instant is taken.
 */
export function zonedLocalToUtc(local: string, zone: string): string | null {
  const m = LOCAL_PATTERN.exec(local.trim());
  if (!m || !isKnownTimeZone(zone)) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(naive);
  // Date.UTC rolls 31 February over into March: refuse instead.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  if (year < 1900 || year > 2200) return null;
  // Try the offsets in force just before and after: the one that maps back to the same wall clock wins.
  const candidates = [
    naive - offsetAt(naive - 86_400_000, zone),
    naive - offsetAt(naive + 86_400_000, zone),
    naive - offsetAt(naive, zone),
  ];
  const valid = candidates.filter((t) => {
    const w = wallClock(t, zone);
    return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
  });
  if (valid.length === 0) return null;
  return new Date(Math.min(...valid)).toISOString();
}

/** The local date-time of an instant in a zone, as `<input type=datetime-local>` wants it. */
export function utcToZonedLocal(iso: string, zone: string): string {
  const w = wallClock(Date.parse(iso), zone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
