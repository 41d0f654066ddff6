/**
 * Demonstration documents: the signed minutes of the opening session with Toyotsu, India's
 * non-paper from the METI meeting (both shared, PDFs generated here), and the Indian side's working
 * figures for the inter-ministerial meeting (internal, CSV). Written through the model, so their
 * text is extracted and searchable; skipped when the record already has a document of that title.
 */
import { attachDocument, documentRecord } from "~/models/documents.server";
import { sessionUserByEmail } from "~/models/users.server";

import type { DocumentKind, Visibility } from "../schema";
import type { DemoContext } from "./demo";
import { seededId } from "./lookup";
import { simplePdf } from "./pdf";

interface DemoDocument {
  consultation: string;
  title: string;
  kind: DocumentKind;
  visibility: Visibility;
  fileName: string;
  bytes: () => Uint8Array;
  at: string;
}

const DOCUMENTS: DemoDocument[] = [
  {
    consultation: "Bilateral opening session with Toyotsu on the 2012 arrangement",
    title: "Signed minutes of the opening session",
    kind: "signed_minutes",
    visibility: "shared",
    fileName: "Opening session - signed minutes.pdf",
    bytes: () =>
      simplePdf([
        "Minutes of the bilateral opening session on the 2012 arrangement",
        "1. India explained its request that IREL suspend the 2012 arrangement.",
        "2. Toyotsu Rare Earths India asked for a transition period.",
        "3. Technical teams will work on transition-period volumes for 2026 and 2027.",
        "Signed for the Ministry of Commerce and Industry and for Toyotsu Rare Earths India.",
      ]),
    at: "2025-09-27T05:00:00.000Z",
  },
  {
    consultation: "Meeting with METI on rare-earth supply cooperation",
    title: "Non-paper: a phased transition of neodymium exports",
    kind: "non_paper",
    visibility: "shared",
    fileName: "India non-paper - phased transition.pdf",
    bytes: () =>
      simplePdf([
        "Non-paper: a phased transition of neodymium exports",
        "India proposes to reduce exports under the 2012 arrangement in three annual steps.",
        "Lanthanum and cerium by-products would remain available to Japanese buyers.",
        "This paper does not state a negotiating position.",
      ]),
    at: "2025-11-05T06:00:00.000Z",
  },
  {
    consultation: "Inter-ministerial meeting of Commerce, Mines, Atomic Energy and External Affairs",
    title: "Working figures: domestic demand against IREL output",
    kind: "data",
    visibility: "internal",
    fileName: "working-figures.csv",
    bytes: () =>
      new TextEncoder().encode(
        [
          "material,fiscal_year,domestic_demand_t,irel_output_t",
          "NdPr oxide,FY2026-27,820,960",
          "NdPr oxide,FY2027-28,1040,1010",
          "Dysprosium oxide,FY2026-27,18,12",
          "",
        ].join("\n"),
      ),
    at: "2025-10-02T09:00:00.000Z",
  },
];

export async function seedDocuments(ctx: DemoContext): Promise<void> {
  const official = await sessionUserByEmail(ctx.db, "official@accord.test");
  for (const d of DOCUMENTS) {
    const consultationId = await seededId(ctx.db, "consultations", { title: d.consultation });
    if (!consultationId) continue;
    if (await seededId(ctx.db, "documents", { entity_type: "consultation", entity_id: consultationId, title: d.title })) continue;
    const record = await documentRecord(ctx.db, official, "consultation", consultationId);
    if (!record) continue;
    const result = await attachDocument(
      ctx.db,
      official,
      record,
      { title: d.title, kind: d.kind, visibility: d.visibility, file: { name: d.fileName, bytes: d.bytes() } },
      d.at,
    );
    if (!result.ok) throw new Error(`demo document ${d.title}: ${result.code}`);
    ctx.log(`document ${d.title}`);
  }
}
