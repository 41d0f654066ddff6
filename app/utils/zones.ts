/**
 * The reader's home time zone: every instant Accord shows is in it. A user's own preference
 * (`timeZone` on the session user, stored by the preferences page) wins; otherwise the zone of the
 * organization's country. Meeting times additionally keep IST and JST side by side (see time.ts).
 */
import { defaultTimeZoneForCountry } from "~/utils/preferences";

/** Used when nothing better is known: the Indian side's zone. */
export const DEFAULT_TIME_ZONE = "Asia/Kolkata";

// Building a DateTimeFormat to test a zone costs more than most of a page's formatting, and it
// ran on every request: the answer per zone name is kept for the process (a few hundred names).
const known = new Map<string, boolean>();

function isZone(zone: string): boolean {
  let answer = known.get(zone);
  if (answer === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      answer = true;
    } catch {
      answer = false;
    }
    if (known.size < 1000) known.set(zone, answer);
  }
  return answer;
}

/**
 * The one function that decides the zone a reader's times are shown in. The session user's
 * `timeZone` is already their stored choice or their organization's country's zone
 * (`homeTimeZone` in preferences.ts); a stored zone Intl does not know falls back to the country's.
 */
export function readerTimeZone(
  user: { timeZone?: string | null; organizationCountry?: string | null } | null | undefined,
): string {
  if (user?.timeZone && isZone(user.timeZone)) return user.timeZone;
  return user?.organizationCountry ? defaultTimeZoneForCountry(user.organizationCountry) : DEFAULT_TIME_ZONE;
}
