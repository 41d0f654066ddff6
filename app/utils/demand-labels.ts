import type { DecisionOutcome, DemandSector, DemandStatus, Material, ProductionBasis } from "~db/schema";

export const MATERIAL_LABELS: Record<Material, string> = {
  neodymium_oxide: "Neodymium oxide",
  praseodymium_oxide: "Praseodymium oxide",
  ndpr_oxide: "NdPr oxide",
  dysprosium_oxide: "Dysprosium oxide",
  terbium_oxide: "Terbium oxide",
  samarium: "Samarium",
  lanthanum_oxide: "Lanthanum oxide",
  cerium_oxide: "Cerium oxide",
};

export const SECTOR_LABELS: Record<DemandSector, string> = {
  automotive: "Automotive",
  electronics: "Electronics",
  renewable_energy: "Renewable energy",
  defence: "Defence",
  pharmaceuticals: "Pharmaceuticals",
  other: "Other",
};

export const DEMAND_STATUS_LABELS: Record<DemandStatus, string> = {
  submitted: "Submitted",
  under_review: "Under review",
  approved: "Approved",
  partially_approved: "Partially approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

/** The badge class of each status, from app.css. */
export const DEMAND_STATUS_BADGES: Record<DemandStatus, string> = {
  submitted: "badge",
  under_review: "badge badge--warn",
  approved: "badge badge--ok",
  partially_approved: "badge badge--ok",
  rejected: "badge badge--danger",
  withdrawn: "badge badge--muted",
};

export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  approved: "Approve in full",
  partially_approved: "Approve in part",
  rejected: "Reject",
};

export const BASIS_LABELS: Record<ProductionBasis, string> = {
  forecast: "Forecast",
  actual: "Actual",
};

export function materialLabel(material: string): string {
  return MATERIAL_LABELS[material as Material] ?? material;
}
