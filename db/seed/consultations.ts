/**
 * Demonstration consultations, 2024 to 2026, drawn from the facts in DESIGN.md. Looked up by
 * title, so running the seed again adds nothing. Written through the model so that participants,
 * follow-up actions, the search index and the audit trail are exactly as the app would make them.
 */
import type { SessionUser } from "~/models/access.server";
import { addComment } from "~/models/comments.server";
import { createConsultation, setConsultationArchived, type ConsultationInput } from "~/models/consultations.server";
import { sessionUserByEmail } from "~/models/users.server";

import type { ActionStatus, ConsultationKind, ConsultationMode, Visibility } from "../schema";
import type { DemoContext } from "./demo";
import { seededId } from "./lookup";
import { MULTILINGUAL_CONSULTATIONS } from "./multilingual";
import type { DemoOrgKey } from "./organizations";

interface DemoAction {
  description: string;
  owner: DemoOrgKey;
  due: string;
  status: ActionStatus;
}

export interface DemoConsultation {
  title: string;
  /** Local time in `zone`. */
  local: string;
  zone: "Asia/Kolkata" | "Asia/Tokyo";
  mode: ConsultationMode;
  kind: ConsultationKind;
  location: string;
  participants: DemoOrgKey[];
  visibility: Visibility;
  by: string;
  agenda: string;
  notes: string;
  outcome: string;
  actions: DemoAction[];
  archived?: boolean;
  comments?: { by: string; body: string; visibility: Visibility }[];
}

export const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    title: "IREL–Toyotsu technical review of 2023 oxide shipments",
    local: "2024-02-12T11:00",
    zone: "Asia/Kolkata",
    mode: "video",
    kind: "technical",
    location: "Video conference (IREL, Mumbai and TREI, Visakhapatnam)",
    participants: ["irel", "toyotsu", "dae"],
    visibility: "shared",
    by: "irel@accord.test",
    agenda:
      "1. Reconciliation of 2023 neodymium oxide deliveries\n2. Assay results and moisture claims\n3. Shipment plan for 2024",
    notes:
      "## Reconciliation\n\nIREL and Toyotsu Rare Earths India (TREI) reconciled the 2023 deliveries under the **2012 arrangement**. Two lots had moisture readings above the contract band; TREI accepted IREL's re-test.\n\n## 2024 plan\n\n- Quarterly lots, as in 2023\n- Assay certificates to travel with each lot\n\nDAE confirmed no change to the regulatory position on monazite processing.",
    outcome: "2023 deliveries reconciled; 2024 shipment plan agreed in quarterly lots.",
    actions: [
      { description: "Send the signed 2023 reconciliation statement to TREI", owner: "irel", due: "2024-02-29", status: "done" },
      { description: "Share the revised assay certificate template", owner: "toyotsu", due: "2024-03-15", status: "done" },
    ],
  },
  {
    title: "IREL–Toyotsu technical review of first-half 2024 shipments",
    local: "2024-07-18T14:00",
    zone: "Asia/Tokyo",
    mode: "in_person",
    kind: "technical",
    location: "IREL Rare Earths Division, Aluva, Kerala",
    participants: ["irel", "toyotsu", "toyotaTsusho"],
    visibility: "shared",
    by: "irel@accord.test",
    agenda: "1. Deliveries January–June 2024\n2. Refining throughput at Aluva\n3. Logistics through Kochi port",
    notes:
      "Deliveries for the first half of 2024 were on schedule. Toyota Tsusho asked whether IREL could raise volumes in the second half; IREL said the Odisha separation plant was already near capacity.\n\nLogistics: the Kochi port slot issue of May is resolved.",
    outcome: "On schedule. No increase in second-half volumes; IREL to confirm the Q4 lot size by September.",
    actions: [
      { description: "Confirm the Q4 2024 lot size to Toyotsu", owner: "irel", due: "2024-09-15", status: "done" },
      {
        description: "Send Kochi port handling schedule for the second half",
        owner: "toyotsu",
        due: "2024-08-10",
        status: "done",
      },
    ],
  },
  {
    title: "IREL–Toyotsu technical review of 2024 shipments to Japan",
    local: "2025-01-22T10:30",
    zone: "Asia/Kolkata",
    mode: "video",
    kind: "technical",
    location: "Video conference",
    participants: ["irel", "toyotsu"],
    visibility: "shared",
    by: "irel@accord.test",
    agenda: "1. Full-year 2024 shipments\n2. IREL production outlook\n3. Documentation for 2025",
    notes:
      "More than **1,000 t** of rare-earth material was shipped to Japan in 2024, out of IREL's annual production of about **2,900 t**.\n\nIREL explained that it expects domestic demand to grow and that the government is reviewing the share of output committed to export. TREI asked for early notice of any change to volumes.",
    outcome: "2024 volumes confirmed at just over 1,000 t. TREI asked for six months' notice of any change.",
    actions: [
      { description: "Circulate the final 2024 shipment statement", owner: "irel", due: "2025-02-15", status: "done" },
      {
        description: "Write to IREL setting out TREI's notice-period request",
        owner: "toyotsu",
        due: "2025-02-28",
        status: "done",
      },
    ],
  },
  {
    title: "Inter-ministerial meeting on China's April 2025 export controls",
    local: "2025-04-21T15:00",
    zone: "Asia/Kolkata",
    mode: "in_person",
    kind: "inter_ministerial",
    location: "Vanijya Bhawan, New Delhi",
    participants: ["moci", "mines", "dae", "mea", "irel"],
    visibility: "internal",
    by: "official@accord.test",
    agenda:
      "1. China's tightened rare-earth export controls (April 2025)\n2. Exposure of Indian industry\n3. Options for IREL's output",
    notes:
      "China tightened rare-earth export controls this month. India has **no domestic magnet production** and imported over **53,000 t** of magnets in the fiscal year ending March 2025, mostly from China.\n\nMEA recalled that in 2010 China halted shipments to Japan during a diplomatic standoff: Japan will be sensitive to any change in IREL's exports.\n\nMines noted India holds the world's fifth-largest reserves, about 6.9 million t.",
    outcome:
      "Agreed to examine keeping IREL's output for domestic use and to seek a negotiated transition with Japan rather than a unilateral suspension.",
    actions: [
      { description: "Prepare a note on magnet import dependence by sector", owner: "moci", due: "2025-05-15", status: "done" },
      { description: "Assess the legal position under the 2012 agreement", owner: "dae", due: "2025-06-01", status: "done" },
    ],
  },
  {
    title: "Commerce Minister's meeting with automotive and electronics executives",
    local: "2025-06-10T11:00",
    zone: "Asia/Kolkata",
    mode: "in_person",
    kind: "industry_consultation",
    location: "Vanijya Bhawan, New Delhi",
    participants: ["moci", "siam", "acma", "elcina", "irel"],
    visibility: "shared",
    by: "official@accord.test",
    agenda:
      "1. Rare-earth magnet shortages since April\n2. Domestic demand for neodymium\n3. IREL's output and the Japan arrangement",
    notes:
      "The Commerce Minister met automotive and electronics executives. SIAM and ACMA described production lines at risk from magnet shortages; ELCINA raised the same for electronics.\n\nThe Minister **urged IREL to keep its output for domestic use** and said the government was finalising incentive schemes for rare-earth processing and magnet manufacturing.\n\nIREL said it aims to produce 450 t of neodymium by March 2026 and to double that by 2030.",
    outcome: "Industry to submit demand estimates; the ministry to brief the Minister on a transition with Japan.",
    actions: [
      {
        description: "Submit neodymium demand estimates for FY2026-27 (automotive)",
        owner: "siam",
        due: "2025-07-31",
        status: "done",
      },
      { description: "Submit magnet demand estimates for auto components", owner: "acma", due: "2025-07-31", status: "open" },
      {
        description: "Brief the Minister on options for a negotiated transition",
        owner: "moci",
        due: "2025-07-15",
        status: "done",
      },
    ],
  },
  {
    title: "Restricted note on India's fall-back options",
    local: "2025-07-03T18:00",
    zone: "Asia/Kolkata",
    mode: "written",
    kind: "inter_ministerial",
    location: "Written exchange",
    participants: ["moci", "mea", "dae"],
    visibility: "restricted",
    by: "official@accord.test",
    agenda: "Fall-back options if a negotiated transition cannot be agreed",
    notes:
      "## Red lines\n\n- Domestic allocation for FY2026-27 must not fall below the industry minimum.\n\n## Fall-back options\n\n1. Phase-down of exports over three years instead of suspension\n2. Joint magnet plant with Japanese participation in exchange for reduced volumes\n3. As a last resort, invoke the review clause of the 2012 agreement\n\nThe agreement is legally binding; India prefers a negotiated transition.",
    outcome: "Option 1 preferred; option 3 only with Cabinet approval.",
    actions: [
      { description: "Seek Cabinet Secretariat's view on option 3", owner: "moci", due: "2025-09-30", status: "open" },
      {
        description: "Assess Japan's likely reaction to a three-year phase-down",
        owner: "mea",
        due: "2025-08-31",
        status: "done",
      },
    ],
  },
  {
    title: "Meeting with METI on rare-earth supply cooperation",
    local: "2025-08-19T10:00",
    zone: "Asia/Tokyo",
    mode: "in_person",
    kind: "bilateral",
    location: "METI, Kasumigaseki, Tokyo",
    participants: ["moci", "mea", "meti"],
    visibility: "shared",
    by: "official@accord.test",
    agenda:
      "1. Supply security for both countries\n2. Alternative supply for Japan\n3. Joint processing and magnet manufacturing",
    notes:
      "Government-to-government meeting; Toyotsu did not attend. METI listened to India's account of domestic demand and asked about alternative supply for Japan during any transition.\n\nPublicly, Japan's government declined to comment on the bilateral discussions.",
    outcome: "METI open to discussing a transition if Japanese supply is secured; both sides to exchange papers.",
    actions: [
      { description: "Send India's paper on a phased transition", owner: "moci", due: "2025-09-30", status: "done" },
      { description: "Share Japan's assessment of alternative supply sources", owner: "meti", due: "2025-10-31", status: "open" },
    ],
    comments: [
      {
        by: "diplomat@accord.test",
        body: "Tone was constructive. METI will not be drawn on the commercial terms of the 2012 agreement.",
        visibility: "restricted",
      },
      {
        by: "meti@accord.test",
        body: "Thank you for the meeting. Our paper will follow through the Embassy.",
        visibility: "shared",
      },
    ],
  },
  {
    title: "Bilateral opening session with Toyotsu on the 2012 arrangement",
    local: "2025-09-15T14:00",
    zone: "Asia/Kolkata",
    mode: "in_person",
    kind: "bilateral",
    location: "Udyog Bhawan, New Delhi",
    participants: ["moci", "irel", "toyotsu", "toyotaTsusho"],
    visibility: "shared",
    by: "official@accord.test",
    agenda:
      "1. India's request to suspend the 2012 arrangement\n2. Toyotsu's commitments to Japanese customers\n3. Process and timetable",
    notes:
      "India explained its request that IREL suspend the 2012 arrangement and keep output for domestic industry, and its wish for an **amicable renegotiation**.\n\nToyotsu and Toyota Tsusho stressed that the agreement is binding and that Japanese magnet makers depend on the supply. They asked for a transition period.",
    outcome: "Both sides agreed to negotiate a transition; technical teams to work on transition-period volumes.",
    actions: [
      { description: "Propose transition-period volumes for 2026 and 2027", owner: "irel", due: "2025-11-15", status: "done" },
      { description: "Share Japanese customers' minimum requirements", owner: "toyotsu", due: "2025-11-15", status: "open" },
    ],
  },
  {
    title: "Inter-ministerial meeting of Commerce, Mines, Atomic Energy and External Affairs",
    local: "2025-10-28T16:00",
    zone: "Asia/Kolkata",
    mode: "in_person",
    kind: "inter_ministerial",
    location: "Vanijya Bhawan, New Delhi",
    participants: ["moci", "mines", "dae", "mea"],
    visibility: "internal",
    by: "official@accord.test",
    agenda: "1. Progress of the talks with Toyotsu\n2. Clearances for IREL's four new mines\n3. Incentive schemes",
    notes:
      "Commerce reported on the opening session with Toyotsu. Mines said clearances for **four new mines** are still awaited. DAE confirmed IREL's separation plant in Odisha and refining facility in Kerala can absorb higher domestic offtake.\n\nMEA advised keeping the Japanese government informed at each step.",
    outcome: "A single negotiating brief, owned by Commerce; Mines to chase clearances.",
    actions: [
      { description: "Consolidate the negotiating brief", owner: "moci", due: "2025-11-30", status: "done" },
      { description: "Report on the status of the four mine clearances", owner: "mines", due: "2026-01-31", status: "open" },
    ],
  },
  {
    title: "Industry consultation on the magnet-manufacturing incentive scheme",
    local: "2026-01-20T10:00",
    zone: "Asia/Kolkata",
    mode: "video",
    kind: "industry_consultation",
    location: "Video conference",
    participants: ["moci", "mines", "siam", "acma", "elcina"],
    visibility: "shared",
    by: "official@accord.test",
    agenda:
      "1. Draft incentive scheme for rare-earth processing and magnet manufacturing\n2. Demand from automotive, electronics and pharmaceutical sectors",
    notes:
      "The draft scheme was presented. Industry asked for offtake guarantees for India's first domestic magnet plant. ELCINA raised the need for smaller magnet grades for electronics.",
    outcome: "Comments on the draft scheme due within four weeks.",
    actions: [
      { description: "Send consolidated comments on the draft scheme", owner: "siam", due: "2026-02-20", status: "done" },
      { description: "Send electronics-sector comments on magnet grades", owner: "elcina", due: "2026-02-20", status: "open" },
    ],
  },
  {
    title: "IREL–Toyotsu technical review of transition-period volumes",
    local: "2026-03-10T09:30",
    zone: "Asia/Tokyo",
    mode: "video",
    kind: "technical",
    location: "Video conference",
    participants: ["irel", "toyotsu"],
    visibility: "shared",
    by: "irel@accord.test",
    agenda: "1. IREL's proposed volumes for FY2026-27\n2. Toyotsu customers' minimum requirements\n3. Shipment calendar",
    notes:
      "IREL proposed a reduced export volume for FY2026-27, consistent with its target of 450 t of neodymium by March 2026 and rising domestic demand. Toyotsu said the figure is below its customers' minimum and asked for a step-down over two years.",
    outcome: "No agreement yet on FY2026-27 volumes; both sides to model a two-year step-down.",
    actions: [
      { description: "Model a two-year step-down of export volumes", owner: "irel", due: "2026-04-30", status: "open" },
      { description: "Confirm customers' minimum volumes in writing", owner: "toyotsu", due: "2026-04-15", status: "open" },
    ],
  },
  {
    title: "Call with Toyota Tsusho on a joint magnet-manufacturing partnership",
    local: "2026-05-14T17:00",
    zone: "Asia/Tokyo",
    mode: "phone",
    kind: "bilateral",
    location: "Telephone",
    participants: ["moci", "irel", "toyotaTsusho"],
    visibility: "shared",
    by: "official@accord.test",
    agenda: "Interest in a joint magnet plant in India",
    notes:
      "Toyota Tsusho expressed interest in partnering on India's first domestic magnet plant, provided some supply to Japan continues during the transition.",
    outcome: "Toyota Tsusho to send an expression of interest.",
    actions: [
      {
        description: "Send an expression of interest in a joint magnet plant",
        owner: "toyotaTsusho",
        due: "2026-06-30",
        status: "done",
      },
    ],
  },
  {
    title: "Technical meeting on clearances for IREL's four new mines",
    local: "2026-09-08T11:00",
    zone: "Asia/Kolkata",
    mode: "in_person",
    kind: "technical",
    location: "Shastri Bhawan, New Delhi",
    participants: ["mines", "irel", "dae"],
    visibility: "internal",
    by: "mines@accord.test",
    agenda: "1. Status of environmental and atomic-minerals clearances\n2. Production ramp-up",
    notes:
      "Two of the four mine clearances are at the final stage. IREL's plan to double neodymium output by 2030 depends on all four.",
    outcome: "Mines to take up the two pending clearances with the states concerned.",
    actions: [
      {
        description: "Take up the two pending clearances with the state governments",
        owner: "mines",
        due: "2026-10-31",
        status: "open",
      },
      { description: "Update the production ramp-up plan", owner: "irel", due: "2026-12-15", status: "open" },
    ],
  },
  {
    title: "Bilateral review with METI and Toyotsu of the phase-down schedule",
    local: "2026-11-24T10:00",
    zone: "Asia/Tokyo",
    mode: "video",
    kind: "bilateral",
    location: "Video conference (New Delhi and Tokyo)",
    participants: ["moci", "mea", "irel", "meti", "toyotsu"],
    visibility: "shared",
    by: "official@accord.test",
    agenda: "1. Draft phase-down schedule of exports under the 2012 arrangement\n2. Alternative supply for Japan\n3. Next round",
    notes:
      "India presented a draft phase-down schedule over three fiscal years. METI and Toyotsu welcomed the negotiated approach and asked for the first step to be smaller.",
    outcome: "Converging on a three-year phase-down; the size of the first step is still open.",
    actions: [
      { description: "Circulate a revised first-year volume", owner: "irel", due: "2026-12-10", status: "open" },
      { description: "Confirm Japan's alternative supply arrangements", owner: "meti", due: "2026-12-20", status: "open" },
      { description: "Fix the date of the next round", owner: "moci", due: "2026-11-28", status: "open" },
    ],
  },
  {
    title: "Preparatory call on the 2024 shipment calendar (entered twice)",
    local: "2024-03-05T10:00",
    zone: "Asia/Kolkata",
    mode: "phone",
    kind: "technical",
    location: "Telephone",
    participants: ["irel", "toyotsu"],
    visibility: "shared",
    by: "irel@accord.test",
    agenda: "Shipment calendar for 2024",
    notes: "Duplicate of the February technical review; kept for the record and archived.",
    outcome: "See the February 2024 technical review.",
    actions: [],
    archived: true,
  },
];

function sessionUser(ctx: DemoContext, email: string): Promise<SessionUser> {
  return sessionUserByEmail(ctx.db, email);
}

export async function seedConsultations(ctx: DemoContext): Promise<void> {
  for (const demo of [...DEMO_CONSULTATIONS, ...MULTILINGUAL_CONSULTATIONS]) {
    if (await seededId(ctx.db, "consultations", { title: demo.title })) continue;
    const author = await sessionUser(ctx, demo.by);
    const input: ConsultationInput = {
      title: demo.title,
      startsLocal: demo.local,
      timeZone: demo.zone,
      mode: demo.mode,
      kind: demo.kind,
      location: demo.location,
      participants: demo.participants.map((k) => ctx.org[k]),
      agenda: demo.agenda,
      notes: demo.notes,
      outcome: demo.outcome,
      visibility: demo.visibility,
      actions: demo.actions.map((a) => ({
        description: a.description,
        ownerOrganizationId: ctx.org[a.owner],
        dueDate: a.due,
        status: a.status,
      })),
    };
    const created = await createConsultation(ctx.db, author, input, null);
    if (!created.ok) continue;
    if (demo.archived) await setConsultationArchived(ctx.db, author, created.record.id, 1, true);
    for (const c of demo.comments ?? []) {
      const commenter = await sessionUser(ctx, c.by);
      await addComment(
        ctx.db,
        commenter,
        { entityType: "consultation", entityId: created.record.id, visibility: demo.visibility },
        { body: c.body, visibility: c.visibility },
      );
    }
    ctx.log(`consultation ${demo.title}`);
  }
}
