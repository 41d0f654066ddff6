import * as z from "zod";

import { parseFiscalYear } from "~/models/fiscal-year";
import { DEMAND_SECTORS, DEMAND_STATUSES, MATERIALS } from "~db/schema";

/** The query string of the request list and its CSV export; empty values mean "any". */
export const demandFilterSchema = z.object({
  material: z.enum(MATERIALS, { error: "Unknown material." }).optional(),
  year: z
    .string()
    .refine((v) => parseFiscalYear(v) !== null, "Write the fiscal year like FY2026-27.")
    .optional(),
  sector: z.enum(DEMAND_SECTORS, { error: "Unknown sector." }).optional(),
  organization: z.string().max(64).optional(),
  status: z.enum(DEMAND_STATUSES, { error: "Unknown status." }).optional(),
});

export type DemandFilterQuery = z.output<typeof demandFilterSchema>;
