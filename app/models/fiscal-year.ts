/**
 * Indian fiscal years, written `FY2025-26`: 1 April 2025 to 31 March 2026. Pure: "today" is
 * always passed in, so the offered range is deterministic in tests.
 */

const LABEL = /^FY(\d{4})-(\d{2})$/;

/** How many fiscal years the demand form offers: the current one and the next four. */
export const OFFERED_FISCAL_YEARS = 5;

export function fiscalYearLabel(startYear: number): string {
  return `FY${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The calendar year the fiscal year starts in, or null when the label is badly formed. */
export function parseFiscalYear(label: string): number | null {
  const match = LABEL.exec(label.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (start < 1900 || (start + 1) % 100 !== end) return null;
  return start;
}

/** The fiscal year a date falls in, reading the date in India Standard Time. */
export function fiscalYearOf(date: Date): string {
  const ist = new Date(date.getTime() + 330 * 60_000);
  const year = ist.getUTCFullYear();
  const month = ist.getUTCMonth(); // 0 = January; April is 3
  return fiscalYearLabel(month >= 3 ? year : year - 1);
}

/** The current fiscal year and the following ones, in order. */
export function offeredFiscalYears(today: Date, count = OFFERED_FISCAL_YEARS): string[] {
  const start = parseFiscalYear(fiscalYearOf(today))!;
  return Array.from({ length: count }, (_, i) => fiscalYearLabel(start + i));
}

/** First and last day, as YYYY-MM-DD. */
export function fiscalYearDates(label: string): { from: string; to: string } | null {
  const start = parseFiscalYear(label);
  if (start === null) return null;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** Sorts labels chronologically (they also sort as text, but do not rely on it). */
export function compareFiscalYears(a: string, b: string): number {
  return (parseFiscalYear(a) ?? 0) - (parseFiscalYear(b) ?? 0);
}
