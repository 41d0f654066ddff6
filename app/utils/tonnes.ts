/**
 * Exact tonnes. Quantities are kept as integer kilograms (a tonne has three decimals at most),
 * parsed from the decimal text digit by digit so no binary float ever touches them.
 */
import { formatTonnes } from "~/utils/format";

export const KG_PER_TONNE = 1000;
/** Anything above this is not a plausible request for one material in one year. */
export const MAX_TONNES = 100_000;
export const MAX_KG = MAX_TONNES * KG_PER_TONNE;

export type TonnesParse = { ok: true; kg: number } | { ok: false; error: string };

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/**
 * "1,250.5" → 1 250 500 kg. Thousands separators (commas, spaces, thin spaces) are accepted
 * because people type them; more than three decimals, signs and exponents are not.
 */
export function parseTonnes(raw: unknown, options: { allowZero?: boolean; label?: string } = {}): TonnesParse {
  const label = options.label ?? "Quantity";
  if (typeof raw !== "string" && typeof raw !== "number") return { ok: false, error: `${label} is required.` };
  const text = String(raw)
    .trim()
    .replace(/[,\s\u2009\u202f_]/g, "");
  if (text === "") return { ok: false, error: `${label} is required.` };
  if (text.startsWith("-")) return { ok: false, error: `${label} must be positive.` };
  const match = DECIMAL.exec(text.replace(/^\./, "0."));
  if (!match) return { ok: false, error: `${label} must be a number of tonnes, like 120 or 12.5.` };
  const whole = match[1]!.replace(/^0+(?=\d)/, "");
  const fraction = match[2] ?? "";
  if (fraction.length > 3) return { ok: false, error: `${label} can have at most three decimals (a kilogram).` };
  if (whole.length > String(MAX_TONNES).length) return { ok: false, error: `${label} must be at most ${formatTonnes(MAX_KG)}.` };
  const kg = Number(whole) * KG_PER_TONNE + Number(fraction.padEnd(3, "0"));
  if (kg > MAX_KG) return { ok: false, error: `${label} must be at most ${formatTonnes(MAX_KG)}.` };
  if (kg === 0 && !options.allowZero) return { ok: false, error: `${label} must be more than zero.` };
  return { ok: true, kg };
}

/** The plain decimal text of a quantity, for form inputs and CSV (no grouping, ASCII minus). */
export function tonnesInput(kg: number): string {
  const negative = kg < 0;
  const abs = Math.abs(kg);
  const fraction = String(abs % KG_PER_TONNE)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${negative ? "-" : ""}${Math.floor(abs / KG_PER_TONNE)}${fraction ? `.${fraction}` : ""}`;
}
