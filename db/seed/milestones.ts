/**
 * Demonstration milestones: the transition steps of DESIGN.md, with dependencies between them.
 * As of 2026-12-01 the 450 t target (due 2026-03-31) and the mine clearances (due 2026-06-30)
 * are late, and what waits on them is threatened. Idempotent: looked up by title.
 */
import type { SessionUser } from "~/models/access.server";
import { createMilestone, type MilestoneInput } from "~/models/milestones.server";
import type { DemoOrgKey } from "./organizations";
import type { DemoContext } from "./demo";

interface DemoMilestone extends Omit<MilestoneInput, "ownerOrganizationId" | "partyOrganizationIds" | "dependsOn"> {
  key: string;
  owner: DemoOrgKey;
  parties: DemoOrgKey[];
  after: string[];
}

export const DEMO_MILESTONES: DemoMilestone[] = [
  {
    key: "clearances",
    title: "Clearances for four new mines",
    description: "Environmental and mining clearances for the four new mining leases IREL has applied for, so that its feedstock can grow.",
    category: "mining_clearance",
    owner: "mines",
    dueDate: "2026-06-30",
    status: "in_progress",
    progressNote: "Applications are under appraisal; the clearances have not yet been granted.",
    visibility: "internal",
    parties: ["irel"],
    after: [],
  },
  {
    key: "output450",
    title: "IREL produces 450 t of neodymium",
    description: "IREL's target for the year to March 2026, from its separation plant in Odisha and its refining facility in Kerala.",
    category: "production",
    owner: "irel",
    dueDate: "2026-03-31",
    status: "planned",
    visibility: "shared",
    parties: ["toyotsu"],
    after: ["clearances"],
  },
  {
    key: "incentives",
    title: "Incentive schemes for rare-earth processing and magnet manufacturing finalised",
    description: "The government's incentive schemes for rare-earth processing and for magnet manufacturing in India.",
    category: "policy",
    owner: "moci",
    dueDate: "2026-09-30",
    status: "done",
    completedOn: "2026-11-06",
    progressNote: "Both schemes finalised.",
    visibility: "shared",
    parties: ["siam", "elcina", "acma"],
    after: [],
  },
  {
    key: "partner",
    title: "Partner chosen for India's first magnet plant",
    description: "IREL selects a partner for India's first domestic rare-earth magnet plant, serving the automotive, electronics and pharmaceutical sectors.",
    category: "industry",
    owner: "irel",
    dueDate: "2027-06-30",
    status: "in_progress",
    progressNote: "Expressions of interest under evaluation.",
    visibility: "shared",
    parties: ["siam", "elcina"],
    after: ["incentives"],
  },
  {
    key: "phaseDown",
    title: "Export phase-down schedule agreed with Toyotsu",
    description: "A schedule that steps down exports under the 2012 arrangement as domestic demand is met, agreed with Toyotsu Rare Earths India.",
    category: "negotiation",
    owner: "moci",
    dueDate: "2027-03-31",
    status: "in_progress",
    visibility: "shared",
    parties: ["toyotsu", "toyotaTsusho", "irel"],
    after: ["output450"],
  },
  {
    key: "amended",
    title: "Amended supply arrangement signed",
    description: "The 2012 IREL–Toyotsu arrangement amended by agreement, replacing a suspension with a negotiated transition.",
    category: "legal",
    owner: "moci",
    dueDate: "2027-09-30",
    status: "planned",
    visibility: "shared",
    parties: ["toyotsu", "toyotaTsusho", "meti", "irel"],
    after: ["phaseDown"],
  },
  {
    key: "fallback",
    title: "Fallback position on the binding terms approved",
    description: "The position India takes if the negotiated transition stalls, given that the 2012 agreement is legally binding.",
    category: "legal",
    owner: "moci",
    dueDate: "2027-01-31",
    status: "planned",
    visibility: "restricted",
    parties: [],
    after: [],
  },
  {
    key: "doubled",
    title: "Neodymium output doubled by 2030",
    description: "IREL doubles its neodymium output to 900 t a year by March 2030.",
    category: "production",
    owner: "irel",
    dueDate: "2030-03-31",
    status: "planned",
    visibility: "internal",
    parties: [],
    after: ["output450", "clearances", "partner"],
  },
];

async function sessionUser(ctx: DemoContext, email: string): Promise<SessionUser> {
  const row = await ctx.db
    .selectFrom("users as u")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select(["u.id", "u.email", "u.display_name", "u.role", "u.organization_id", "o.name", "o.short_name"])
    .where("u.email", "=", email)
    .executeTakeFirstOrThrow();
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role, organizationId: row.organization_id, organizationName: row.name, organizationShortName: row.short_name };
}

export async function seedMilestones(ctx: DemoContext): Promise<void> {
  const official = await sessionUser(ctx, "official@accord.test");
  const ids: Record<string, string> = {};
  for (const m of DEMO_MILESTONES) {
    const existing = await ctx.db.selectFrom("milestones").select("id").where("title", "=", m.title).executeTakeFirst();
    if (existing) {
      ids[m.key] = existing.id;
      continue;
    }
    const { key, owner, parties, after, ...fields } = m;
    const result = await createMilestone(ctx.db, official, {
      ...fields,
      ownerOrganizationId: ctx.org[owner],
      partyOrganizationIds: parties.map((p) => ctx.org[p]),
      dependsOn: after.map((k) => {
        const id = ids[k];
        if (!id) throw new Error(`demo milestone ${key} depends on ${k}, which is seeded later`);
        return id;
      }),
    });
    if (!result.ok) throw new Error(`demo milestone ${key}: ${JSON.stringify(result)}`);
    ids[key] = result.record.id;
    ctx.log(`milestone ${m.title}`);
  }
}
