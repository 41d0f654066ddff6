/**
 * Demonstration milestones: the transition steps of DESIGN.md, with dependencies between them.
 * As of 2026-12-01 the 450 t target (due 2026-03-31) and the mine clearances (due 2026-06-30)
 * are late, and what waits on them is threatened. Idempotent: looked up by title.
 */
import type { SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { createMilestone, type MilestoneInput } from "~/models/milestones.server";
import { sessionUserByEmail } from "~/models/users.server";

import type { DemoContext } from "./demo";
import { seededId } from "./lookup";
import type { DemoOrgKey } from "./organizations";

interface DemoMilestone extends Omit<MilestoneInput, "ownerOrganizationId" | "partyOrganizationIds" | "dependsOn" | "issueIds"> {
  key: string;
  owner: DemoOrgKey;
  parties: DemoOrgKey[];
  after: string[];
  /** Titles of the demo negotiation issues (db/seed/positions.ts) the milestone advances. */
  issues: string[];
}

export const DEMO_MILESTONES: DemoMilestone[] = [
  {
    key: "clearances",
    title: "Clearances for four new mines",
    description:
      "Environmental and mining clearances for the four new mining leases IREL has applied for, so that its feedstock can grow.",
    category: "mining_clearance",
    owner: "mines",
    dueDate: "2026-06-30",
    status: "in_progress",
    progressNote: "Applications are under appraisal; the clearances have not yet been granted.",
    visibility: "internal",
    parties: ["irel"],
    after: [],
    issues: [],
  },
  {
    key: "output450",
    title: "IREL produces 450 t of neodymium",
    description:
      "IREL's target for the year to March 2026, from its separation plant in Odisha and its refining facility in Kerala.",
    category: "production",
    owner: "irel",
    dueDate: "2026-03-31",
    // FY2025-26 closed at 410 t (the supply figures): the target was missed, so it stays open and late.
    status: "planned",
    visibility: "shared",
    parties: ["toyotsu"],
    after: ["clearances"],
    issues: ["Transition-period volumes"],
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
    issues: ["Domestic priority allocation"],
  },
  {
    key: "partner",
    title: "Partner chosen for India's first magnet plant",
    description:
      "IREL selects a partner for India's first domestic rare-earth magnet plant, serving the automotive, electronics and pharmaceutical sectors.",
    category: "industry",
    owner: "irel",
    dueDate: "2027-06-30",
    status: "in_progress",
    progressNote: "Expressions of interest under evaluation.",
    visibility: "shared",
    parties: ["siam", "elcina"],
    after: ["incentives"],
    issues: ["Joint magnet-manufacturing partnership in India"],
  },
  {
    key: "phaseDown",
    title: "Export phase-down schedule agreed with Toyotsu",
    description:
      "A schedule that steps down exports under the 2012 arrangement as domestic demand is met, agreed with Toyotsu Rare Earths India.",
    category: "negotiation",
    owner: "moci",
    dueDate: "2027-03-31",
    status: "in_progress",
    visibility: "shared",
    parties: ["toyotsu", "toyotaTsusho", "irel"],
    after: ["output450"],
    issues: ["Phase-down of exports under the 2012 arrangement", "Transition-period volumes"],
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
    issues: ["Binding terms of the 2012 agreement", "Alternative supply for Japan"],
  },
  {
    key: "fallback",
    title: "Fallback position on the binding terms approved",
    description:
      "The position India takes if the negotiated transition stalls, given that the 2012 agreement is legally binding.",
    category: "legal",
    owner: "moci",
    dueDate: "2027-01-31",
    status: "planned",
    visibility: "restricted",
    parties: [],
    after: [],
    issues: ["Binding terms of the 2012 agreement"],
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
    issues: ["Domestic priority allocation"],
  },
];

async function issueIdsByTitle(ctx: DemoContext, titles: readonly string[]): Promise<string[]> {
  if (titles.length === 0) return [];
  const rows = await ctx.db
    .selectFrom("issues")
    .select(["id", "title"])
    .where("title", "in", [...titles])
    .execute();
  const missing = titles.filter((t) => !rows.some((r) => r.title === t));
  if (missing.length) throw new Error(`demo milestones link unknown issues: ${missing.join(", ")}`);
  return rows.map((r) => r.id);
}

/** A demo database seeded before milestones had issues gets its links added once, audited. */
async function backfillIssueLinks(ctx: DemoContext, actorId: string, milestoneId: string, issueIds: readonly string[]) {
  const present = new Set(
    (await ctx.db.selectFrom("milestone_issues").select("issue_id").where("milestone_id", "=", milestoneId).execute()).map(
      (r) => r.issue_id,
    ),
  );
  const missing = issueIds.filter((id) => !present.has(id));
  if (missing.length === 0) return;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto("milestone_issues")
      .values(missing.map((issue_id) => ({ milestone_id: milestoneId, issue_id })))
      .execute();
    await recordAudit(tx, {
      actorId,
      action: "milestone.link_issues",
      entityType: "milestone",
      entityId: milestoneId,
      before: { issue_ids: [...present].sort() },
      after: { issue_ids: [...present, ...missing].sort() },
    });
  });
}

function sessionUser(ctx: DemoContext, email: string): Promise<SessionUser> {
  return sessionUserByEmail(ctx.db, email);
}

export async function seedMilestones(ctx: DemoContext): Promise<void> {
  const official = await sessionUser(ctx, "official@accord.test");
  const ids: Record<string, string> = {};
  for (const m of DEMO_MILESTONES) {
    const existing = await seededId(ctx.db, "milestones", { title: m.title });
    const issueIds = await issueIdsByTitle(ctx, m.issues);
    if (existing) {
      ids[m.key] = existing;
      await backfillIssueLinks(ctx, official.id, existing, issueIds);
      continue;
    }
    const { key, owner, parties, after, issues: _issues, ...fields } = m;
    const result = await createMilestone(ctx.db, official, {
      ...fields,
      issueIds,
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
