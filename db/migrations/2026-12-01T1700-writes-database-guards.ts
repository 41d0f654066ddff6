import type { Kysely } from "kysely";

import { addEnumGuards, dropAppendOnly, dropEnumGuards, makeAppendOnly, type EnumGuards } from "../guards";

// Frozen: never edit a migration once it has landed; add a new one.
// The value lists are copied here, not imported from db/schema.ts: a later change to the app's
// lists must come with its own migration, and this one must keep meaning what it meant.

const VISIBILITY = ["shared", "internal", "restricted"] as const;
const BOOL = [0, 1] as const;
const MATERIAL = [
  "neodymium_oxide",
  "praseodymium_oxide",
  "ndpr_oxide",
  "dysprosium_oxide",
  "terbium_oxide",
  "samarium",
  "lanthanum_oxide",
  "cerium_oxide",
] as const;

const GUARDS: EnumGuards = {
  organizations: {
    kind: ["ministry", "public_sector_undertaking", "foreign_company", "foreign_government", "industry_body", "company"],
  },
  users: {
    role: ["admin", "official", "irel", "diplomat", "counterpart", "industry"],
    disabled: BOOL,
  },
  login_attempts: { succeeded: BOOL },
  consultations: {
    mode: ["in_person", "video", "phone", "written"],
    kind: ["bilateral", "inter_ministerial", "industry_consultation", "technical"],
    visibility: VISIBILITY,
  },
  follow_up_actions: { status: ["open", "done", "dropped"] },
  comments: { visibility: VISIBILITY },
  issues: {
    status: ["open", "converging", "agreed", "deadlocked", "withdrawn"],
    priority: ["high", "medium", "low"],
    visibility: VISIBILITY,
  },
  positions: {
    stance: ["supports", "conditional", "neutral", "undecided", "opposes"],
    flexibility: ["firm", "negotiable", "open"],
    red_line: BOOL,
    visibility: VISIBILITY,
  },
  assessments: { risk: ["low", "medium", "high"], visibility: VISIBILITY },
  demand_requests: {
    material: MATERIAL,
    sector: ["automotive", "electronics", "renewable_energy", "defence", "pharmaceuticals", "other"],
    status: ["submitted", "under_review", "approved", "partially_approved", "rejected", "withdrawn"],
    for_indian_magnets: BOOL,
  },
  demand_decisions: {
    outcome: ["approved", "partially_approved", "rejected"],
    over_balance_confirmed: BOOL,
  },
  supply_figures: {
    material: MATERIAL,
    production_basis: ["forecast", "actual"],
  },
  supply_scenarios: { visibility: VISIBILITY },
  supply_scenario_exports: { material: MATERIAL },
  milestones: {
    category: ["production", "mining_clearance", "negotiation", "legal", "industry", "policy"],
    status: ["planned", "in_progress", "done", "at_risk", "blocked"],
    visibility: VISIBILITY,
  },
};

/** History is added to, never rewritten: audit events, positions, decisions, assessments, comments. */
const APPEND_ONLY = ["audit_events", "positions", "demand_decisions", "assessments", "comments"] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addEnumGuards(db, GUARDS);
  await makeAppendOnly(db, APPEND_ONLY);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, APPEND_ONLY);
  await dropEnumGuards(db, GUARDS);
}
