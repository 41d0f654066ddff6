/** One row of the offer-ask gap per material and fiscal year: client-safe, for the model and the tables. */
import type { Material } from "~db/schema";

export interface GapRow {
  material: Material;
  fiscalYear: string;
  offerKg: number | null;
  offerBy: string | null;
  askKg: number | null;
  askBy: string | null;
  /** Ask minus offer, when both are known. */
  gapKg: number | null;
}
