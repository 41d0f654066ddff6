/**
 * The one place that turns dates, times, tonnes and numbers into text. Every function takes the
 * reader (locale and time zone) as an argument, so a second language or a reader in Tokyo changes
 * the words without touching the callers' data. Pages get their reader from the root loader
 * (`useFormat()`); server code that writes text (exports, calendar feeds) passes `readerFor(user)`.
 *
 * Calendar dates (YYYY-MM-DD) are dates, not instants: they are shown without any zone shift.
 * Meeting times are instants and are always shown in IST and JST side by side, whoever reads them.
 */
import { useRouteLoaderData } from "@remix-run/react";

import { now } from "~/utils/clock";
import type { Locale } from "~/utils/preferences";
import { KG_PER_TONNE } from "~/utils/tonnes";
import { readerTimeZone } from "~/utils/zones";

export interface Reader {
  /** BCP 47 locale of the words and numbers, e.g. `en-IN`. */
  locale: string;
  /** IANA zone in which instants are shown, e.g. `Asia/Kolkata`. */
  timeZone: string;
}

/** A reader nothing is known about reads Indian English in India Standard Time. */
export const DEFAULT_READER: Reader = { locale: "en-IN", timeZone: "Asia/Kolkata" };

/**
 * The reader of a signed-in user (or of a visitor): the page's language (chosen in
 * app/i18n.server.ts) as its Intl locale, and the zone `readerTimeZone` picks (their own choice,
 * else their organization's country's zone, else India's).
 */
export function readerFor(
  user?: { timeZone?: string | null; organizationCountry?: string | null } | null,
  locale?: Locale,
): Reader {
  return { locale: locale ? INTL_LOCALE[locale] : DEFAULT_READER.locale, timeZone: readerTimeZone(user) };
}

/** BCP 47 tags for each language; English is Indian English, the negotiation's working variety. */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-IN", ja: "ja-JP", hi: "hi-IN" };

const ZONE_ABBREVIATIONS: Record<string, string> = { "Asia/Kolkata": "IST", "Asia/Tokyo": "JST", UTC: "UTC" };

/** "IST", "JST", or what Intl calls the zone at that instant ("GMT+1") for the rest. */
export function zoneAbbreviation(zone: string, iso?: string): string {
  const known = ZONE_ABBREVIATIONS[zone];
  if (known) return known;
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" }).formatToParts(
    iso ? new Date(iso) : now(),
  );
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

const NONE = "—";

/** The day of an instant in the reader's zone: "14 Mar 2026". */
export function formatDate(iso: string | null | undefined, reader: Reader = DEFAULT_READER): string {
  return iso ? dateTimeFormat(reader.locale, { dateStyle: "medium", timeZone: reader.timeZone }).format(new Date(iso)) : NONE;
}

/** An instant in the reader's zone, with the zone named: "14 Mar 2026, 10:30 am IST". */
export function formatDateTime(iso: string | null | undefined, reader: Reader = DEFAULT_READER): string {
  if (!iso) return NONE;
  return `${formatInZone(iso, reader.timeZone, reader)} ${zoneAbbreviation(reader.timeZone, iso)}`;
}

/** A calendar date shown as "31 Mar 2026"; no time zone shift, it is a date, not an instant. */
export function formatPlainDate(date: string | null | undefined, reader: Reader = DEFAULT_READER): string {
  return date
    ? dateTimeFormat(reader.locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`))
    : NONE;
}

/** The month of a calendar date: "Mar 2026". */
export function formatMonth(date: string, reader: Reader = DEFAULT_READER): string {
  return dateTimeFormat(reader.locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "14 Mar 2026, 10:30 am", in the zone given. */
export function formatInZone(iso: string, zone: string, reader: Reader = DEFAULT_READER): string {
  return dateTimeFormat(reader.locale, { timeZone: zone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export interface ZonedTimes {
  ist: string;
  jst: string;
  /** The zone it was entered in, when that is neither IST nor JST. */
  entered: { zone: string; text: string } | null;
}

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A meeting's time for both delegations, IST and JST, plus the zone it was entered in. */
export function meetingTimes(iso: string, enteredZone: string, reader: Reader = DEFAULT_READER): ZonedTimes {
  const other = enteredZone !== "Asia/Kolkata" && enteredZone !== "Asia/Tokyo" && knownZone(enteredZone);
  return {
    ist: `${formatInZone(iso, "Asia/Kolkata", reader)} IST`,
    jst: `${formatInZone(iso, "Asia/Tokyo", reader)} JST`,
    entered: other ? { zone: enteredZone, text: formatInZone(iso, enteredZone, reader) } : null,
  };
}

/** A whole number with the reader's grouping: 12,500 (en-IN groups lakhs: 1,25,000). */
export function formatInteger(n: number, reader: Reader = DEFAULT_READER): string {
  return numberFormat(reader.locale, { maximumFractionDigits: 0 }).format(n);
}

/** Integer kilograms as tonnes, exactly: 1 250 500 → "1,250.5". Never rounds. */
export function tonnesNumber(kg: number, reader: Reader = DEFAULT_READER): string {
  const negative = kg < 0;
  const abs = Math.abs(kg);
  const whole = Math.floor(abs / KG_PER_TONNE);
  const fraction = String(abs % KG_PER_TONNE)
    .padStart(3, "0")
    .replace(/0+$/, "");
  const decimal =
    numberFormat(reader.locale, {})
      .formatToParts(1.5)
      .find((p) => p.type === "decimal")?.value ?? ".";
  return `${negative ? "−" : ""}${formatInteger(whole, reader)}${fraction ? `${decimal}${fraction}` : ""}`;
}

export function formatTonnes(kg: number, reader: Reader = DEFAULT_READER): string {
  return `${tonnesNumber(kg, reader)} t`;
}

/** A share as a percentage with one decimal, rounded down so "100%" means all of it. */
export function formatShare(metKg: number, demandKg: number, reader: Reader = DEFAULT_READER): string {
  if (demandKg <= 0) return NONE;
  const permille = Math.floor((Math.max(0, metKg) * 1000) / demandKg);
  return numberFormat(reader.locale, { style: "percent", maximumFractionDigits: 1 }).format(permille / 1000);
}

/** Every formatter bound to one reader: what `useFormat()` hands a page. */
export function formatterFor(reader: Reader) {
  return {
    reader,
    date: (iso: string | null | undefined) => formatDate(iso, reader),
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, reader),
    plainDate: (date: string | null | undefined) => formatPlainDate(date, reader),
    month: (date: string) => formatMonth(date, reader),
    inZone: (iso: string, zone: string) => formatInZone(iso, zone, reader),
    meetingTimes: (iso: string, enteredZone: string) => meetingTimes(iso, enteredZone, reader),
    integer: (n: number) => formatInteger(n, reader),
    tonnesNumber: (kg: number) => tonnesNumber(kg, reader),
    tonnes: (kg: number) => formatTonnes(kg, reader),
    share: (metKg: number, demandKg: number) => formatShare(metKg, demandKg, reader),
  };
}
export type Formatter = ReturnType<typeof formatterFor>;

/** The formatters for the reader the root loader chose (the default one outside a route, e.g. in an error page). */
export function useFormat(): Formatter {
  const root = useRouteLoaderData<{ reader?: Reader }>("root");
  return formatterFor(root?.reader ?? DEFAULT_READER);
}

/** Figures past this are counted no further (see `cappedCount`). */
export const COUNT_CAP = 100;

/** A capped count as a page shows it: "100+" past the cap. */
export function formatCount(n: number): string {
  return n > COUNT_CAP ? `${COUNT_CAP}+` : String(n);
}
