import { stringify } from "csv-stringify/sync";

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or return) is
 * prefixed with an apostrophe. Plain numbers, negative ones included, stay numbers.
 */
export function neutraliseFormula(cell: unknown): unknown {
  if (typeof cell !== "string") return cell;
  if (/^-?\d+(\.\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The one way Accord writes CSV: every cell neutralised, RFC 4180 quoting by csv-stringify. */
export function toCsv(rows: readonly (readonly unknown[])[], header?: readonly string[]): string {
  return stringify([...(header ? [header] : []), ...rows].map((row) => row.map(neutraliseFormula)));
}

/** The one way an export answers: a private, uncached CSV download under `filename`. */
export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
