/**
 * Demonstration issues and positions: six negotiation topics from DESIGN.md and the stances of
 * the Indian and Japanese parties from early 2025 to late 2026. Read at different dates, the
 * matrix shows the export phase-down and the transition volumes converging and the binding terms
 * of the 2012 agreement deadlocked. Idempotent: issues are looked up by title, and positions are
 * only written when their issue is created. Links to consultations are made by title keywords on
 * every run, so they appear once the consultations' own demo data is there.
 */
import { createAssessment } from "~/models/assessments.server";
import { createIssue, linkConsultation } from "~/models/issues.server";
import { insertPosition } from "~/models/positions.server";

import type { Flexibility, IssuePriority, IssueStatus, RiskLevel, Stance, Visibility } from "../schema";
import type { DemoContext } from "./demo";
import { seededId } from "./lookup";
import type { DemoOrgKey } from "./organizations";

type Party = Extract<DemoOrgKey, "moci" | "mines" | "dae" | "irel" | "toyotsu" | "toyotaTsusho" | "meti" | "siam">;

interface DemoPosition {
  party: Party;
  on: string;
  stance: Stance;
  flexibility: Flexibility;
  statement: string;
  outcome?: string;
  visibility?: Visibility;
  redLine?: boolean;
  /** Who records it when not the party's usual recorder (an official noting SIAM's internal view). */
  recorder?: string;
}

interface DemoIssue {
  title: string;
  description: string;
  status: IssueStatus;
  priority: IssuePriority;
  visibility: Visibility;
  parties: Party[];
  /** Consultations whose title contains one of these are linked to the issue. */
  keywords: string[];
  positions: DemoPosition[];
}

const RECORDER: Record<Party, string> = {
  moci: "official@accord.test",
  mines: "mines@accord.test",
  dae: "official@accord.test",
  // SIAM records its own positions on the issues it is party to.
  siam: "industry@accord.test",
  irel: "irel@accord.test",
  toyotsu: "counterpart@accord.test",
  toyotaTsusho: "tsusho@accord.test",
  meti: "meti@accord.test",
};

export const DEMO_ISSUES: DemoIssue[] = [
  {
    title: "Phase-down of exports under the 2012 arrangement",
    description:
      "Whether and how fast IREL's rare-earth oxide supplies to Toyotsu Rare Earths India under the 2012 arrangement are reduced, so that the output serves domestic industry. More than 1,000 t were shipped to Japan in 2024 out of IREL's annual production of 2,900 t.",
    status: "converging",
    priority: "high",
    visibility: "shared",
    parties: ["moci", "mines", "dae", "irel", "toyotsu", "toyotaTsusho", "meti", "siam"],
    keywords: ["phase-down", "phase down", "2012 arrangement"],
    positions: [
      {
        party: "moci",
        on: "2025-03-12",
        stance: "supports",
        flexibility: "firm",
        statement:
          "India asks for a phased reduction of oxide exports to Toyotsu so that IREL's output serves domestic magnet and automotive makers.",
        outcome: "Exports reduced to zero over a negotiated transition.",
      },
      {
        party: "mines",
        on: "2025-03-20",
        stance: "supports",
        flexibility: "negotiable",
        statement: "Supports the phase-down; domestic supply is a priority while four new mines await clearance.",
      },
      {
        party: "dae",
        on: "2025-04-02",
        stance: "conditional",
        flexibility: "negotiable",
        visibility: "internal",
        statement:
          "Supports a phase-down provided IREL's commitments under the 2012 agreement are met until a transition is agreed.",
      },
      {
        party: "irel",
        on: "2025-04-15",
        stance: "conditional",
        flexibility: "negotiable",
        visibility: "internal",
        statement: "Can phase down only as domestic offtake is contracted; the Odisha separation plant runs near capacity.",
      },
      {
        party: "toyotsu",
        on: "2025-05-08",
        stance: "opposes",
        flexibility: "firm",
        statement: "The 2012 arrangement is binding; Toyotsu's processing in India and its Japanese customers depend on it.",
        outcome: "Volumes maintained at the 2024 level.",
      },
      {
        party: "toyotaTsusho",
        on: "2025-05-08",
        stance: "opposes",
        flexibility: "firm",
        statement: "Supports its affiliate: the arrangement must continue as agreed.",
      },
      {
        party: "meti",
        on: "2025-06-10",
        stance: "opposes",
        flexibility: "negotiable",
        statement: "Japan's supply security must not be reduced while China tightens rare-earth export controls.",
      },
      {
        party: "siam",
        on: "2025-07-01",
        stance: "supports",
        flexibility: "firm",
        statement:
          "Automotive makers need domestic oxide for a magnet supply chain; India imported over 53,000 t of magnets in FY2024-25, mostly from China.",
      },
      {
        party: "toyotsu",
        on: "2026-02-18",
        stance: "neutral",
        flexibility: "negotiable",
        statement: "Open to discussing a schedule if volumes for existing Japanese customers are protected.",
      },
      {
        party: "meti",
        on: "2026-04-22",
        stance: "neutral",
        flexibility: "negotiable",
        statement: "Will consider a schedule that gives Japanese industry time to secure other sources.",
      },
      {
        party: "toyotaTsusho",
        on: "2026-06-05",
        stance: "conditional",
        flexibility: "negotiable",
        statement: "Could accept a phase-down over three fiscal years with guaranteed minimum volumes.",
      },
      {
        party: "irel",
        on: "2026-09-01",
        stance: "supports",
        flexibility: "negotiable",
        visibility: "internal",
        statement: "Domestic offtake contracts now cover the volumes that a phase-down would free.",
      },
      {
        party: "toyotsu",
        on: "2026-10-14",
        stance: "conditional",
        flexibility: "negotiable",
        statement: "Accepts a phase-down over three fiscal years with guaranteed minimum volumes and a review clause.",
        outcome: "Exports falling to zero by FY2028-29.",
      },
      {
        party: "meti",
        on: "2026-11-05",
        stance: "conditional",
        flexibility: "open",
        statement: "Can support a three-year schedule agreed between the companies.",
      },
    ],
  },
  {
    title: "Transition-period volumes",
    description:
      "How many tonnes of oxide IREL supplies to Toyotsu in each fiscal year of the transition, alongside IREL's target of 450 t of neodymium by March 2026.",
    status: "converging",
    priority: "high",
    visibility: "shared",
    parties: ["moci", "irel", "toyotsu", "toyotaTsusho", "meti"],
    keywords: ["transition", "volume"],
    positions: [
      {
        party: "moci",
        on: "2025-06-20",
        stance: "conditional",
        flexibility: "negotiable",
        statement: "Transition exports capped at 700 t a year and falling each year.",
        outcome: "700 t in FY2026-27, 400 t in FY2027-28.",
      },
      {
        party: "irel",
        on: "2025-06-25",
        stance: "conditional",
        flexibility: "negotiable",
        statement: "IREL can supply up to 700 t in FY2026-27 while meeting its 450 t neodymium target.",
      },
      {
        party: "toyotsu",
        on: "2025-07-10",
        stance: "opposes",
        flexibility: "firm",
        statement: "Needs at least the 2024 level, over 1,000 t, through FY2027-28.",
      },
      {
        party: "toyotaTsusho",
        on: "2025-07-10",
        stance: "opposes",
        flexibility: "firm",
        statement: "Volumes below 1,000 t would disrupt customers in Japan.",
      },
      {
        party: "meti",
        on: "2025-08-04",
        stance: "opposes",
        flexibility: "negotiable",
        statement: "A sharp cut would harm Japanese manufacturers.",
      },
      {
        party: "meti",
        on: "2026-07-01",
        stance: "neutral",
        flexibility: "negotiable",
        statement: "Leaves volumes to the companies if the schedule is predictable.",
      },
      {
        party: "toyotsu",
        on: "2026-09-25",
        stance: "conditional",
        flexibility: "negotiable",
        statement: "Accepts 700 t in FY2026-27 falling to 400 t in FY2027-28, with a review clause.",
      },
      {
        party: "toyotaTsusho",
        on: "2026-10-02",
        stance: "conditional",
        flexibility: "negotiable",
        statement: "Agrees with Toyotsu's proposal of 700 t then 400 t.",
      },
      {
        party: "meti",
        on: "2026-10-20",
        stance: "conditional",
        flexibility: "open",
        statement: "Welcomes the companies' schedule if it is written into the transition agreement.",
      },
    ],
  },
  {
    title: "Binding terms of the 2012 agreement",
    description:
      "Whether the legally binding terms of the 2012 bilateral agreement are renegotiated by consent. India prefers a negotiated transition to suspension.",
    status: "deadlocked",
    priority: "high",
    visibility: "shared",
    parties: ["moci", "dae", "irel", "toyotsu", "toyotaTsusho", "meti"],
    keywords: ["2012 agreement", "binding", "legal"],
    positions: [
      {
        party: "moci",
        on: "2025-04-10",
        stance: "supports",
        flexibility: "negotiable",
        statement: "India seeks to renegotiate the supply commitment by agreement, not to break it.",
      },
      {
        party: "dae",
        on: "2025-04-18",
        stance: "supports",
        flexibility: "firm",
        visibility: "internal",
        statement: "The terms must allow the state to reserve strategic minerals.",
      },
      {
        party: "irel",
        on: "2025-05-02",
        stance: "supports",
        flexibility: "negotiable",
        statement: "IREL is ready to renegotiate delivery terms with Toyotsu.",
      },
      {
        party: "toyotsu",
        on: "2025-05-20",
        stance: "opposes",
        flexibility: "firm",
        statement: "The agreement is legally binding and must be performed as written.",
      },
      {
        party: "toyotaTsusho",
        on: "2025-05-20",
        stance: "opposes",
        flexibility: "firm",
        statement: "No change to the agreement's terms.",
      },
      {
        party: "meti",
        on: "2025-06-15",
        stance: "opposes",
        flexibility: "firm",
        statement: "Expects India to honour the agreement.",
      },
      {
        party: "meti",
        on: "2026-03-10",
        stance: "opposes",
        flexibility: "firm",
        statement: "Declines to comment on the bilateral discussions; the agreement stands.",
      },
      {
        party: "toyotsu",
        on: "2026-08-19",
        stance: "opposes",
        flexibility: "firm",
        statement: "Will not accept changes to the binding terms without compensation.",
      },
      {
        party: "moci",
        on: "2026-09-15",
        stance: "supports",
        flexibility: "firm",
        redLine: true,
        statement: "India's red line: no extension of the export commitment beyond FY2027-28 under any renegotiated terms.",
        outcome: "Commitment ends by 31 March 2028.",
      },
    ],
  },
  {
    title: "Domestic priority allocation",
    description:
      "How IREL's output is allocated among Indian magnet, automotive, electronics and pharmaceutical users once exports fall. Internal to the Government of India.",
    status: "open",
    priority: "high",
    visibility: "internal",
    parties: ["moci", "mines", "dae", "irel", "siam", "toyotsu"],
    keywords: ["domestic", "allocation", "priority"],
    positions: [
      {
        party: "moci",
        on: "2025-05-15",
        stance: "supports",
        flexibility: "firm",
        visibility: "internal",
        statement: "Domestic magnet makers get first call on NdPr oxide from FY2026-27.",
      },
      {
        party: "mines",
        on: "2025-05-22",
        stance: "supports",
        flexibility: "negotiable",
        visibility: "internal",
        statement: "Priority allocation, reviewed yearly against production.",
      },
      {
        party: "dae",
        on: "2025-06-05",
        stance: "conditional",
        flexibility: "negotiable",
        visibility: "internal",
        statement: "Priority allocation subject to atomic-energy requirements.",
      },
      {
        party: "irel",
        on: "2025-06-10",
        stance: "neutral",
        flexibility: "open",
        visibility: "internal",
        statement: "IREL will allocate as directed; needs offtake contracts first.",
      },
      {
        party: "siam",
        on: "2025-07-01",
        stance: "supports",
        flexibility: "firm",
        visibility: "internal",
        recorder: "official@accord.test",
        statement: "Automotive makers ask for a guaranteed share for EV motors.",
      },
      {
        party: "irel",
        on: "2026-03-02",
        stance: "conditional",
        flexibility: "negotiable",
        visibility: "internal",
        statement: "Supports priority allocation once the incentive schemes for processing and magnets are final.",
      },
      {
        party: "mines",
        on: "2026-06-01",
        stance: "supports",
        flexibility: "firm",
        visibility: "restricted",
        statement: "Fallback: reserve at least half of NdPr oxide output for domestic users whatever the transition schedule.",
      },
    ],
  },
  {
    title: "Joint magnet-manufacturing partnership in India",
    description:
      "A partnership for India's first domestic rare-earth magnet plant, serving the automotive, electronics and pharmaceutical sectors, with IREL as oxide supplier.",
    status: "open",
    priority: "medium",
    visibility: "shared",
    parties: ["moci", "irel", "toyotsu", "toyotaTsusho", "meti", "siam"],
    keywords: ["magnet"],
    positions: [
      {
        party: "moci",
        on: "2025-08-20",
        stance: "supports",
        flexibility: "open",
        statement: "Invites partners for a magnet plant under the incentive scheme being finalised.",
      },
      {
        party: "irel",
        on: "2025-09-01",
        stance: "supports",
        flexibility: "open",
        statement: "Looking for partners for India's first domestic magnet plant.",
      },
      { party: "toyotsu", on: "2025-09-15", stance: "undecided", flexibility: "open", statement: "Studying the proposal." },
      {
        party: "toyotaTsusho",
        on: "2025-09-15",
        stance: "undecided",
        flexibility: "open",
        statement: "Studying the proposal with its affiliate.",
      },
      {
        party: "siam",
        on: "2025-09-25",
        stance: "supports",
        flexibility: "open",
        statement: "Members would buy magnets made in India.",
      },
      {
        party: "meti",
        on: "2025-10-10",
        stance: "neutral",
        flexibility: "open",
        statement: "A commercial matter for the companies.",
      },
      {
        party: "toyotsu",
        on: "2026-06-30",
        stance: "conditional",
        flexibility: "negotiable",
        statement: "Interested if the partnership secures oxide supply for its Indian processing.",
      },
      {
        party: "toyotaTsusho",
        on: "2026-07-20",
        stance: "conditional",
        flexibility: "negotiable",
        statement: "Would take an equity share if offtake to Japan is part of the plan.",
      },
    ],
  },
  {
    title: "Alternative supply for Japan",
    description:
      "Helping Japanese industry secure rare-earth supply from other sources as Indian exports fall, so the transition does not recall China's 2010 halt of shipments to Japan.",
    status: "open",
    priority: "medium",
    visibility: "shared",
    parties: ["moci", "irel", "toyotsu", "toyotaTsusho", "meti"],
    keywords: ["alternative supply", "alternative source"],
    positions: [
      {
        party: "moci",
        on: "2025-10-01",
        stance: "supports",
        flexibility: "open",
        statement: "India will help identify alternative sources for Japan during the transition.",
      },
      {
        party: "irel",
        on: "2025-10-05",
        stance: "supports",
        flexibility: "open",
        visibility: "internal",
        statement: "Can share technical data on other deposits in the region.",
      },
      { party: "meti", on: "2025-11-12", stance: "undecided", flexibility: "open", statement: "Evaluating options." },
      {
        party: "toyotsu",
        on: "2025-11-20",
        stance: "opposes",
        flexibility: "negotiable",
        statement: "Alternative sources cannot match the cost and quality of Indian oxides.",
      },
      {
        party: "toyotaTsusho",
        on: "2026-01-15",
        stance: "neutral",
        flexibility: "open",
        statement: "Already diversifying; India's help is welcome but not a substitute.",
      },
      {
        party: "meti",
        on: "2026-05-08",
        stance: "neutral",
        flexibility: "open",
        statement: "Evaluating supply from Australia and Vietnam.",
      },
      {
        party: "toyotsu",
        on: "2026-06-18",
        stance: "neutral",
        flexibility: "negotiable",
        statement: "Will consider alternative sources for part of its needs.",
      },
    ],
  },
];

const DEMO_ASSESSMENTS: {
  issue: string | null;
  on: string;
  risk: RiskLevel;
  visibility: Visibility;
  summary: string;
  recommendation: string;
}[] = [
  {
    issue: "Binding terms of the 2012 agreement",
    on: "2026-09-22",
    risk: "high",
    visibility: "restricted",
    summary:
      "Japan has not moved on the binding terms in eighteen months and METI declines to comment publicly. A unilateral suspension would be read in Tokyo against China's 2010 halt of shipments and would damage the wider partnership.",
    recommendation:
      "Keep the legal question off the table: trade it against the transition schedule and the magnet partnership. Do not disclose the red line before the next round.",
  },
  {
    issue: null,
    on: "2026-11-25",
    risk: "medium",
    visibility: "internal",
    summary:
      "Two of the six issues are converging: the phase-down schedule and the transition volumes, where Toyotsu now accepts 700 t then 400 t. The binding terms remain deadlocked, and Japan's alternative supply is not yet in place.",
    recommendation:
      "Propose a joint statement on the phase-down and volumes at the next bilateral round; keep the binding terms for ministers.",
  },
];

export async function seedPositions(ctx: DemoContext): Promise<void> {
  const { db } = ctx;
  const official = ctx.user["official@accord.test"]!;
  const issueIds = new Map<string, string>();
  for (const demo of DEMO_ISSUES) {
    const existing = await seededId(db, "issues", { title: demo.title });
    if (existing) {
      issueIds.set(demo.title, existing);
    } else {
      const issue = await createIssue(
        db,
        official,
        {
          title: demo.title,
          description: demo.description,
          status: demo.status,
          priority: demo.priority,
          visibility: demo.visibility,
          parties: demo.parties.map((p) => ctx.org[p]),
        },
        "2025-03-01T04:30:00.000Z",
      );
      issueIds.set(demo.title, issue.id);
      ctx.log(`issue ${demo.title}`);
      for (const p of demo.positions) {
        await insertPosition(
          db,
          ctx.user[p.recorder ?? RECORDER[p.party]]!,
          issue.id,
          {
            organizationId: ctx.org[p.party],
            stance: p.stance,
            statement: p.statement,
            desiredOutcome: p.outcome,
            flexibility: p.flexibility,
            statedOn: p.on,
            visibility: p.redLine ? "restricted" : (p.visibility ?? demo.visibility),
            redLine: p.redLine ?? false,
          },
          `${p.on}T06:30:00.000Z`,
        );
        ctx.log(`position ${p.party} ${p.on}`);
      }
    }
    // Consultations are seeded by their own step; link the ones whose title names this issue.
    const issueId = issueIds.get(demo.title)!;
    for (const keyword of demo.keywords) {
      const matches = await db.selectFrom("consultations").select("id").where("title", "like", `%${keyword}%`).execute();
      for (const c of matches) {
        if ((await linkConsultation(db, official, issueId, c.id)) === "linked") ctx.log(`link ${demo.title}`);
      }
    }
  }
  for (const a of DEMO_ASSESSMENTS) {
    const issueId = a.issue === null ? null : (issueIds.get(a.issue) ?? null);
    let query = db.selectFrom("assessments").select("id").where("assessed_on", "=", a.on);
    query = issueId === null ? query.where("issue_id", "is", null) : query.where("issue_id", "=", issueId);
    if (await query.executeTakeFirst()) continue;
    await createAssessment(
      db,
      ctx.user["diplomat@accord.test"]!,
      issueId,
      { assessedOn: a.on, risk: a.risk, summary: a.summary, recommendation: a.recommendation, visibility: a.visibility },
      `${a.on}T08:00:00.000Z`,
    );
    ctx.log(`assessment ${a.on}`);
  }
}
