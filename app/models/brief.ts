import type { Visibility } from "~db/schema";

export const LEVEL_ORDER: readonly Visibility[] = ["shared", "internal", "restricted"];

/** The banner of a document is the highest level of anything it contains. */
export function classificationOf(levels: Iterable<Visibility>): Visibility {
  let highest: Visibility = "shared";
  for (const level of levels) if (LEVEL_ORDER.indexOf(level) > LEVEL_ORDER.indexOf(highest)) highest = level;
  return highest;
}

export const CLASSIFICATION_BANNER: Record<Visibility, string> = {
  shared: "SHARED — may be released to the parties named in it",
  internal: "INTERNAL — Government of India and IREL only",
  restricted: "RESTRICTED — officials, diplomats and administrators only",
};

/** Parses `levels=shared&levels=internal`; unknown words are an error, not ignored. */
export function parseLevels(values: string[]): { ok: true; levels: Visibility[] } | { ok: false; message: string } {
  const levels: Visibility[] = [];
  for (const v of values
    .flatMap((x) => x.split(","))
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (!(LEVEL_ORDER as readonly string[]).includes(v)) return { ok: false, message: `Unknown level "${v}".` };
    if (!levels.includes(v as Visibility)) levels.push(v as Visibility);
  }
  return { ok: true, levels: LEVEL_ORDER.filter((l) => levels.includes(l)) };
}
