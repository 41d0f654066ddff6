/**
 * The 2012 IREL–Toyotsu arrangement clause by clause. The real text is not public: every clause
 * text here is illustrative and marked so. Proposals: Toyotsu's 700 t then 400 t (on the table),
 * India's phase-down wording in concurrence with only the Ministry of Mines still to answer, and
 * a restricted fall-back on the review clause. Idempotent: clauses by reference, proposals once.
 */
import { createClause, proposeAmendment, respondToConcurrence } from "~/models/clauses.server";
import { respondOnPosition } from "~/models/position-concurrence.server";
import { insertPosition } from "~/models/positions.server";
import { sessionUserByEmail } from "~/models/users.server";
import { newId } from "~/utils/ids.server";

import type { ClauseStatus, ClauseTopic, Visibility } from "../schema";
import type { DemoContext } from "./demo";
import { seededId } from "./lookup";

const VOLUMES = "Transition-period volumes";
const PHASE_DOWN = "Phase-down of exports under the 2012 arrangement";
const BINDING = "Binding terms of the 2012 agreement";
const DOMESTIC = "Domestic priority allocation";

const CLAUSES: {
  reference: string;
  title: string;
  topic: ClauseTopic;
  status: ClauseStatus;
  visibility: Visibility;
  text: string;
  issues: string[];
}[] = [
  {
    reference: "Clause 3",
    title: "Annual volumes",
    topic: "volumes",
    status: "amendment_proposed",
    visibility: "shared",
    text: "IREL shall supply rare-earth oxides to TREI in the quantities set out in the Schedule for each year of the term.",
    issues: [VOLUMES, PHASE_DOWN],
  },
  {
    reference: "Clause 4",
    title: "Pricing",
    topic: "pricing",
    status: "unchanged",
    visibility: "shared",
    text: "Prices shall be agreed each year by reference to international market prices for each oxide.",
    issues: [BINDING],
  },
  {
    reference: "Clause 5",
    title: "Term and renewal",
    topic: "term_renewal",
    status: "under_discussion",
    visibility: "shared",
    text: "This arrangement shall remain in force for the agreed term and shall be renewed unless either party gives notice.",
    issues: [BINDING],
  },
  {
    reference: "Clause 6",
    title: "Notice and suspension",
    topic: "notice_suspension",
    status: "under_discussion",
    visibility: "shared",
    text: "Either party may suspend supply on written notice only in the circumstances set out in this arrangement.",
    issues: [BINDING, PHASE_DOWN],
  },
  {
    reference: "Clause 7",
    title: "Review",
    topic: "review",
    status: "under_discussion",
    visibility: "shared",
    text: "The parties shall review the operation of this arrangement at the request of either party.",
    issues: [BINDING],
  },
  {
    reference: "Clause 8",
    title: "Force majeure",
    topic: "force_majeure",
    status: "unchanged",
    visibility: "shared",
    text: "Neither party shall be liable for failure to perform caused by events beyond its reasonable control.",
    issues: [BINDING],
  },
  {
    reference: "Clause 9",
    title: "Dispute resolution",
    topic: "dispute_resolution",
    status: "unchanged",
    visibility: "shared",
    text: "Disputes shall be settled amicably by consultation between the parties, failing which by arbitration.",
    issues: [BINDING],
  },
  {
    reference: "Clause 10",
    title: "Confidentiality",
    topic: "confidentiality",
    status: "unchanged",
    visibility: "shared",
    text: "Neither party shall disclose the terms of this arrangement without the consent of the other.",
    issues: [BINDING],
  },
  {
    reference: "Annex (India)",
    title: "Domestic priority note",
    topic: "other",
    status: "under_discussion",
    visibility: "internal",
    text: "India's internal note on how a domestic priority allocation would sit beside the Schedule.",
    issues: [DOMESTIC],
  },
];

export async function seedAgreement(ctx: DemoContext): Promise<void> {
  const issues = await ctx.db.selectFrom("issues").select(["id", "title"]).execute();
  const issueId = (title: string) => {
    const found = issues.find((i) => i.title === title);
    if (!found) throw new Error(`demo clauses link an unknown issue: ${title}`);
    return found.id;
  };
  let position = 0;
  for (const c of CLAUSES) {
    position += 1;
    if (await seededId(ctx.db, "clauses", { reference: c.reference })) continue;
    await createClause(ctx.db, ctx.user["official@accord.test"] ?? null, {
      reference: c.reference,
      title: c.title,
      topic: c.topic,
      currentText: c.text,
      illustrative: true,
      status: c.status,
      visibility: c.visibility,
      position,
      issueIds: c.issues.map(issueId),
    });
    ctx.log(`clause ${c.reference}`);
  }

  await seedSchedules(ctx, issueId(VOLUMES));

  const volumes = await ctx.db.selectFrom("clauses").selectAll().where("reference", "=", "Clause 3").executeTakeFirstOrThrow();
  const review = await ctx.db.selectFrom("clauses").selectAll().where("reference", "=", "Clause 7").executeTakeFirstOrThrow();
  const already = await ctx.db
    .selectFrom("clause_amendments")
    .select("id")
    .where("clause_id", "in", [volumes.id, review.id])
    .executeTakeFirst();
  if (already) return;

  const counterpart = await sessionUserByEmail(ctx.db, "counterpart@accord.test");
  const official = await sessionUserByEmail(ctx.db, "official@accord.test");
  await proposeAmendment(ctx.db, counterpart, volumes, {
    organizationId: ctx.org.toyotsu,
    proposedText:
      "IREL shall supply rare-earth oxides to TREI of not less than 700 t in FY2026-27 and 400 t in FY2027-28, and thereafter in the quantities set out in the Schedule.",
    rationale: "A step-down over two years protects existing Japanese customers.",
    visibility: "shared",
  });
  const india = await proposeAmendment(ctx.db, official, volumes, {
    organizationId: ctx.org.moci,
    proposedText:
      "IREL shall supply rare-earth oxides to TREI in quantities that fall each year under the phase-down schedule in the Schedule, ending in FY2029-30.",
    rationale: "A negotiated phase-down keeps IREL's output for domestic industry without a unilateral suspension.",
    visibility: "internal",
  });
  if (india.ok) {
    // Every ministry but Mines has answered, so the demo shows Mines what awaits it.
    for (const [email, response, comment] of [
      ["official@accord.test", "concur", undefined],
      ["diplomat@accord.test", "concur_with_comments", "Brief the Japanese government before tabling."],
      ["dae@accord.test", "concur", undefined],
      ["law@accord.test", "concur_with_comments", "Keep the Schedule as the operative instrument."],
    ] as const) {
      const user = await sessionUserByEmail(ctx.db, email);
      await respondToConcurrence(ctx.db, user, volumes, {
        amendmentId: india.record.id,
        response,
        comment,
        visibility: "internal",
      });
    }
  }
  await proposeAmendment(ctx.db, official, review, {
    organizationId: ctx.org.moci,
    proposedText:
      "Either party may invoke a review of this arrangement, and supply may be reduced to the levels determined on review where domestic requirements so demand.",
    rationale: "Fall-back if the negotiated transition stalls.",
    visibility: "restricted",
  });
  ctx.log("clause proposals");
}

/**
 * Tonnes on the transition volumes: Toyotsu's latest position asks 700 t then 400 t of neodymium
 * oxide (its own statement), and India's new position for the table offers 600 t then 300 t. It is
 * in concurrence with only the Ministry of Mines still to answer, so the parties do not see it yet.
 */
async function seedSchedules(ctx: DemoContext, issueId: string): Promise<void> {
  const existing = await ctx.db
    .selectFrom("position_schedules as s")
    .innerJoin("positions as p", "p.id", "s.position_id")
    .select("s.id")
    .where("p.issue_id", "=", issueId)
    .executeTakeFirst();
  if (existing) return;
  const trei = await ctx.db
    .selectFrom("positions")
    .select("id")
    .where("issue_id", "=", issueId)
    .where("organization_id", "=", ctx.org.toyotsu)
    .orderBy("stated_on", "desc")
    .orderBy("recorded_at", "desc")
    .executeTakeFirst();
  if (trei)
    await ctx.db
      .insertInto("position_schedules")
      .values([
        { id: newId(), position_id: trei.id, material: "neodymium_oxide", fiscal_year: "FY2026-27", kind: "ask", kg: 700_000 },
        { id: newId(), position_id: trei.id, material: "neodymium_oxide", fiscal_year: "FY2027-28", kind: "ask", kg: 400_000 },
      ])
      .execute();
  const officialId = ctx.user["official@accord.test"]!;
  const india = await insertPosition(
    ctx.db,
    officialId,
    issueId,
    {
      organizationId: ctx.org.moci,
      stance: "conditional",
      statement: "Offers 600 t of neodymium oxide in FY2026-27 and 300 t in FY2027-28, with a review before FY2028-29.",
      flexibility: "negotiable",
      statedOn: "2026-11-20",
      visibility: "internal",
      redLine: false,
    },
    "2026-11-20T06:00:00.000Z",
    {
      needsConcurrence: true,
      kind: "offer",
      schedule: [
        { material: "neodymium_oxide", fiscalYear: "FY2026-27", kg: 600_000 },
        { material: "neodymium_oxide", fiscalYear: "FY2027-28", kg: 300_000 },
      ],
    },
  );
  for (const [email, response, comment] of [
    ["official@accord.test", "concur", undefined],
    ["diplomat@accord.test", "concur", undefined],
    ["dae@accord.test", "concur", undefined],
    ["law@accord.test", "concur_with_comments", "Record the review as a right of both parties."],
  ] as const) {
    const user = await sessionUserByEmail(ctx.db, email);
    await respondOnPosition(ctx.db, user, issueId, { positionId: india.id, response, comment, visibility: "internal" });
  }
  ctx.log("tonnage schedules");
}
