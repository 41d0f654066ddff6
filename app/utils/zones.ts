/**
 * The reader's home time zone: every instant Accord shows is in it. A user's own preference
 * (`timeZone` on the session user, stored by the preferences page) wins; otherwise the zone of the
 * organization's country. Meeting times additionally keep IST and JST side by side (see time.ts).
 */

/** Used when nothing better is known: the Indian side's zone. */
export const DEFAULT_TIME_ZONE = "Asia/Kolkata";

const ZONE_BY_COUNTRY: Record<string, string> = {
  India: "Asia/Kolkata",
  Japan: "Asia/Tokyo",
};

export function homeTimeZoneForCountry(country: string | null | undefined): string {
  return (country && ZONE_BY_COUNTRY[country]) || DEFAULT_TIME_ZONE;
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The one function that decides a reader's zone. */
export function readerTimeZone(user: { timeZone?: string | null; organizationCountry?: string | null } | null | undefined): string {
  if (user?.timeZone && isZone(user.timeZone)) return user.timeZone;
  return homeTimeZoneForCountry(user?.organizationCountry);
}

const KNOWN_ABBREVIATIONS: Record<string, string> = {
  "Asia/Kolkata": "IST",
  "Asia/Tokyo": "JST",
  UTC: "UTC",
};

/** "IST", "JST", or what Intl calls the zone ("GMT+1") for the rest. */
export function zoneAbbreviation(zone: string, iso?: string): string {
  const known = KNOWN_ABBREVIATIONS[zone];
  if (known) return known;
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" }).formatToParts(iso ? new Date(iso) : new Date());
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
}
