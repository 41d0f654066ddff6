/**
 * The reader's language and home time zone: the codes Accord accepts and the defaults that apply
 * when a user has chosen neither. Shared by the browser and the server.
 */

export const LOCALES = ["en", "ja", "hi"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

const COUNTRY_ZONES: Record<string, string> = {
  india: "Asia/Kolkata",
  japan: "Asia/Tokyo",
};

/** A user's home zone when none is stored: the organization's country's zone, else India's. */
export function defaultTimeZoneForCountry(country: string | null | undefined): string {
  return COUNTRY_ZONES[(country ?? "").trim().toLowerCase()] ?? "Asia/Kolkata";
}

/** The zone a user reads times in: their stored choice, else their organization's country's. */
export function homeTimeZone(stored: string | null | undefined, country: string | null | undefined): string {
  return stored || defaultTimeZoneForCountry(country);
}
