import { stringify } from "csv-stringify/sync";

import { utcToZonedLocal } from "~/utils/time";

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

/**
 * Excel on Windows reads a CSV without a byte-order mark in the system code page and garbles
 * Japanese and Hindi; with it, as UTF-8. Every export starts with one.
 */
export const UTF8_BOM = "\uFEFF";

/** The one way an export answers: a private, uncached UTF-8 CSV download (with BOM) under `filename`. */
export function csvResponse(filename: string, csv: string): Response {
  return new Response(UTF8_BOM + csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * An instant as two CSV cells: UTC (ISO 8601, for machines) and the reader's wall clock
 * ("2026-03-14 10:30", in `zone`), empty when there is none. Headers come from `instantHeaders`.
 */
export function instantCells(iso: string | null | undefined, zone: string): [string, string] {
  if (!iso) return ["", ""];
  return [iso, utcToZonedLocal(iso, zone).replace("T", " ")];
}

export function instantHeaders(name: string, zone: string): [string, string] {
  return [`${name}_utc`, `${name}_${zone}`];
}
