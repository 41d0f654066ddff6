/**
 * Demand, supply and scenario forms. Each schema is a factory where a rule depends on data
 * the loader knows (the fiscal years on offer, the tonnes requested), so the browser and the
 * action validate with exactly the same rules.
 */
import * as z from "zod";

import { parseFiscalYear } from "~/models/fiscal-year";
import { formatTonnes } from "~/utils/format";
import { checkbox, optionalText, requiredText, versionField } from "~/utils/forms";
import { parseTonnes } from "~/utils/tonnes";
import { DECISION_OUTCOMES, DEMAND_SECTORS, MATERIALS, PRODUCTION_BASES } from "~db/schema";

/** Decimal tonnes in, integer kilograms out. */
export function tonnesField(label: string, options: { allowZero?: boolean } = {}) {
  return z.unknown().transform((value, ctx) => {
    const parsed = parseTonnes(value, { label, allowZero: options.allowZero });
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.kg;
  });
}

const material = z.enum(MATERIALS, { error: "Choose a material from the list." });

function fiscalYearField(allowed?: readonly string[]) {
  return z
    .string({ error: "Choose a fiscal year." })
    .trim()
    .min(1, "Choose a fiscal year.")
    .refine((v) => parseFiscalYear(v) !== null, "Write the fiscal year like FY2026-27.")
    .refine((v) => !allowed || allowed.includes(v), {
      message: allowed ? `Choose a fiscal year from ${allowed[0]} to ${allowed[allowed.length - 1]}.` : "",
    });
}

export function demandRequestSchema(offeredYears: readonly string[]) {
  return z.object({
    material,
    quantity: tonnesField("Quantity"),
    fiscalYear: fiscalYearField(offeredYears),
    sector: z.enum(DEMAND_SECTORS, { error: "Choose a sector from the list." }),
    endUse: requiredText(300, "End use"),
    justification: requiredText(4000, "Justification", "multiLine"),
    forIndianMagnets: checkbox,
  });
}

export type DemandRequestInput = z.output<ReturnType<typeof demandRequestSchema>>;

/**
 * A decision on a request of `requestedKg`. Approving in full allocates everything asked,
 * in part strictly less (and more than nothing), rejecting nothing.
 */
export function decisionSchema(requestedKg: number) {
  return z
    .object({
      outcome: z.enum(DECISION_OUTCOMES, { error: "Choose a decision." }),
      allocated: z.string().optional(),
      reasons: requiredText(4000, "Reasons", "multiLine"),
      confirmOverBalance: checkbox,
    })
    .transform((value, ctx) => {
      let allocatedKg = 0;
      if (value.outcome === "approved") allocatedKg = requestedKg;
      if (value.outcome === "partially_approved") {
        const parsed = parseTonnes(value.allocated, { label: "Allocated tonnes" });
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", path: ["allocated"], message: parsed.error });
          return z.NEVER;
        }
        if (parsed.kg >= requestedKg) {
          ctx.addIssue({
            code: "custom",
            path: ["allocated"],
            message: `A partial approval allocates less than the ${formatTonnes(requestedKg)} requested; to allocate all of it, approve in full.`,
          });
          return z.NEVER;
        }
        allocatedKg = parsed.kg;
      }
      return { ...value, allocatedKg };
    });
}

/** The server also reads the version and the decision the official saw. */
export function decisionActionSchema(requestedKg: number) {
  return decisionSchema(requestedKg).and(
    z.object({
      version: versionField,
      replaces: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
    }),
  );
}

export const supplyFigureSchema = z.object({
  material,
  fiscalYear: fiscalYearField().refine((v) => {
    const start = parseFiscalYear(v);
    return start !== null && start >= 2010 && start <= 2045;
  }, "Choose a fiscal year between FY2010-11 and FY2045-46."),
  production: tonnesField("Production", { allowZero: true }),
  productionBasis: z.enum(PRODUCTION_BASES, { error: "Say whether production is a forecast or an actual." }),
  exports: tonnesField("Committed exports", { allowZero: true }),
  reserve: tonnesField("Reserve", { allowZero: true }),
  notes: optionalText(1000, "Notes", "multiLine"),
});

/** The material and year identify a figure and are not edited. */
export const supplyFigureNumbersSchema = supplyFigureSchema.omit({ material: true, fiscalYear: true });
export const supplyFigureEditSchema = supplyFigureNumbersSchema.extend({ version: versionField });

export type SupplyFigureInput = z.output<typeof supplyFigureSchema>;

/** One cell of the what-if grid, named `exports.<material>.<fiscal year>`. */
const scheduleField = z
  .record(z.string(), z.record(z.string(), tonnesField("Exports", { allowZero: true })))
  .superRefine((schedule, ctx) => {
    for (const [m, years] of Object.entries(schedule)) {
      if (!(MATERIALS as readonly string[]).includes(m))
        ctx.addIssue({ code: "custom", path: [m], message: "Unknown material." });
      for (const fy of Object.keys(years)) {
        if (parseFiscalYear(fy) === null) ctx.addIssue({ code: "custom", path: [m, fy], message: "Unknown fiscal year." });
      }
    }
  });

export const scheduleSchema = z.object({ exports: scheduleField.default({}) });

export const scenarioSchema = z.object({
  name: requiredText(120, "Name"),
  description: optionalText(2000, "Description", "multiLine"),
  visibility: z.enum(["internal", "restricted"], { error: "Scenarios are internal or restricted." }),
  exports: scheduleField.default({}),
});
