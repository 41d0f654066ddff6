/**
 * Demand and supply demonstration data: IREL's output of about 2,900 t a year, more than
 * 1,000 t a year committed to Japan, neodymium targeted at 450 t by March 2026 (410 t reached
 * in FY2025-26) and 900 t in FY2029-30 (DESIGN.md), and requests from SIAM, ACMA and ELCINA in every status, with
 * dysprosium oxide short in FY2026-27. Idempotent: figures by material and year, requests by
 * organization and end use, scenarios by name.
 */
import type { SessionUser } from "~/models/access.server";
import { decideDemandRequest, insertDemandRequest, takeUnderReview, withdrawDemandRequest } from "~/models/demand.server";
import { createScenario, createSupplyFigure } from "~/models/supply.server";
import { sessionUserByEmail } from "~/models/users.server";

import { MATERIALS, type DecisionOutcome, type DemandSector, type Material } from "../schema";
import type { DemoContext } from "./demo";
import { seededId } from "./lookup";

const T = 1000; // kilograms per tonne

type Figures = Partial<Record<Material, [production: number, exports: number, reserve: number]>>;

// Production, committed exports to Toyotsu and reserve, in tonnes. FY2024-25 totals 2,900 t
// produced and 1,050 t exported; the arrangement's volumes continue until renegotiated.
const EXPORTS: Partial<Record<Material, number>> = {
  neodymium_oxide: 320,
  ndpr_oxide: 260,
  lanthanum_oxide: 230,
  cerium_oxide: 240,
};
// Reserve kept back in every forecast year.
const FORECAST_RESERVE = [40, 10, 30, 1, 0.5, 0, 0, 0];
// One row a fiscal year; production and reserve are listed in MATERIALS order: Nd, Pr, NdPr, Dy, Tb, Sm, La, Ce.
const SUPPLY_YEARS: [fiscalYear: string, basis: "actual" | "forecast", production: number[], reserve: number[]][] = [
  ["FY2024-25", "actual", [400, 110, 330, 6, 1.5, 60, 660, 1332.5], [0, 0, 0, 0, 0, 0, 0, 0]],
  // Neodymium short of the 450 t target for March 2026, which is why that milestone is late.
  ["FY2025-26", "actual", [410, 115, 340, 6, 1.5, 60, 660, 1307.5], [20, 5, 20, 1, 0.5, 0, 0, 0]],
  ["FY2026-27", "forecast", [520, 125, 360, 7, 2, 65, 680, 1300], FORECAST_RESERVE],
  ["FY2027-28", "forecast", [600, 140, 380, 8, 2, 70, 700, 1320], FORECAST_RESERVE],
  ["FY2028-29", "forecast", [750, 160, 400, 9, 2.5, 75, 720, 1350], FORECAST_RESERVE],
  ["FY2029-30", "forecast", [900, 180, 420, 10, 3, 80, 740, 1380], FORECAST_RESERVE],
  ["FY2030-31", "forecast", [950, 190, 440, 10, 3, 80, 760, 1400], FORECAST_RESERVE],
];
const SUPPLY: Record<string, { basis: "actual" | "forecast"; figures: Figures }> = Object.fromEntries(
  SUPPLY_YEARS.map(([fy, basis, production, reserve]) => [
    fy,
    { basis, figures: Object.fromEntries(MATERIALS.map((m, i) => [m, [production[i]!, EXPORTS[m] ?? 0, reserve[i]!]])) },
  ]),
);

interface DemoRequest {
  org: "siam" | "acma" | "elcina";
  by?: "industry@accord.test" | "elcina@accord.test";
  material: Material;
  fiscalYear: string;
  tonnes: number;
  sector: DemandSector;
  endUse: string;
  justification: string;
  magnets: boolean;
  submittedAt: string;
  review?: boolean;
  withdraw?: boolean;
  decisions?: { outcome: DecisionOutcome; tonnes?: number; reasons: string; at: string; confirm?: boolean }[];
}

const REQUESTS: DemoRequest[] = [
  {
    org: "siam",
    by: "industry@accord.test",
    material: "neodymium_oxide",
    fiscalYear: "FY2026-27",
    tonnes: 100,
    sector: "automotive",
    endUse: "NdFeB traction-motor magnets for electric two- and four-wheelers",
    justification:
      "Members' EV programmes lost three months of magnet supply after China's April 2025 export controls; a domestic allocation lets the first Indian magnet line start on Indian oxide.",
    magnets: true,
    submittedAt: "2026-05-12T05:30:00.000Z",
    review: true,
    decisions: [
      {
        outcome: "approved",
        reasons: "Priority use: domestic magnet manufacturing for EV traction motors, within the FY2026-27 balance.",
        at: "2026-06-20T06:00:00.000Z",
      },
    ],
  },
  {
    org: "acma",
    material: "neodymium_oxide",
    fiscalYear: "FY2026-27",
    tonnes: 80,
    sector: "automotive",
    endUse: "Magnets for electric power-steering and starter motors (component makers)",
    justification:
      "Component makers import almost all of their magnets; a share of IREL's neodymium would qualify them for the magnet-manufacturing incentive scheme.",
    magnets: true,
    submittedAt: "2026-05-28T07:15:00.000Z",
    review: true,
    decisions: [
      {
        outcome: "partially_approved",
        tonnes: 40,
        reasons: "Half allocated: the FY2026-27 balance after SIAM's allocation and the strategic reserve leaves about 60 t.",
        at: "2026-07-02T09:00:00.000Z",
      },
    ],
  },
  {
    org: "elcina",
    by: "elcina@accord.test",
    material: "neodymium_oxide",
    fiscalYear: "FY2026-27",
    tonnes: 60,
    sector: "renewable_energy",
    endUse: "Permanent-magnet generators for small wind turbines",
    justification: "Three members are tooling up for PMG assembly in Tamil Nadu and need oxide for trial magnet batches.",
    magnets: true,
    submittedAt: "2026-08-04T04:45:00.000Z",
    review: true,
  },
  {
    org: "siam",
    by: "industry@accord.test",
    material: "neodymium_oxide",
    fiscalYear: "FY2026-27",
    tonnes: 50,
    sector: "automotive",
    endUse: "Additional EV motor magnets for the festive-season ramp-up",
    justification: "Demand for electric scooters rose faster than planned; this tops up the approved allocation.",
    magnets: true,
    submittedAt: "2026-10-09T06:20:00.000Z",
  },
  {
    org: "siam",
    by: "industry@accord.test",
    material: "dysprosium_oxide",
    fiscalYear: "FY2026-27",
    tonnes: 5,
    sector: "automotive",
    endUse: "Dysprosium for high-temperature grades of traction-motor magnets",
    justification: "Traction-motor magnets need dysprosium to keep their strength at operating temperature.",
    magnets: true,
    submittedAt: "2026-05-12T05:40:00.000Z",
    decisions: [
      {
        outcome: "approved",
        reasons: "Needed for the approved neodymium allocation to be usable in traction motors.",
        at: "2026-06-20T06:10:00.000Z",
      },
    ],
  },
  {
    org: "acma",
    material: "dysprosium_oxide",
    fiscalYear: "FY2026-27",
    tonnes: 3,
    sector: "automotive",
    endUse: "Dysprosium for heat-resistant magnets in power-steering motors",
    justification: "Without dysprosium the partial neodymium allocation cannot be used in under-bonnet motors.",
    magnets: true,
    submittedAt: "2026-05-28T07:20:00.000Z",
    review: true,
    decisions: [
      {
        outcome: "approved",
        reasons: "Approved beyond the balance on the Secretary's instruction; IREL to cover the 2 t gap from FY2025-26 stock.",
        at: "2026-07-02T09:10:00.000Z",
        confirm: true,
      },
    ],
  },
  {
    org: "elcina",
    by: "elcina@accord.test",
    material: "terbium_oxide",
    fiscalYear: "FY2027-28",
    tonnes: 2,
    sector: "electronics",
    endUse: "Terbium phosphors for display backlights",
    justification: "Members currently import all terbium phosphors.",
    magnets: false,
    submittedAt: "2026-06-15T10:00:00.000Z",
    review: true,
    decisions: [
      {
        outcome: "rejected",
        reasons: "Terbium is reserved for magnet-grade use; phosphor demand can be met from imports.",
        at: "2026-08-11T05:00:00.000Z",
      },
    ],
  },
  {
    org: "elcina",
    by: "elcina@accord.test",
    material: "ndpr_oxide",
    fiscalYear: "FY2027-28",
    tonnes: 120,
    sector: "electronics",
    endUse: "NdPr for speaker, hard-disk and vibration-motor magnets",
    justification: "Consumer-electronics assembly under the PLI scheme needs a domestic magnet source.",
    magnets: true,
    submittedAt: "2026-09-21T08:30:00.000Z",
  },
  {
    org: "elcina",
    by: "elcina@accord.test",
    material: "ndpr_oxide",
    fiscalYear: "FY2027-28",
    tonnes: 30,
    sector: "electronics",
    endUse: "NdPr for sensor magnets (superseded by the combined NdPr request)",
    justification: "Sensor magnets for smart meters and position sensors.",
    magnets: true,
    submittedAt: "2026-06-30T11:00:00.000Z",
    withdraw: true,
  },
  {
    org: "elcina",
    by: "elcina@accord.test",
    material: "samarium",
    fiscalYear: "FY2028-29",
    tonnes: 10,
    sector: "defence",
    endUse: "Samarium-cobalt magnets for avionics and guidance systems",
    justification: "SmCo magnets for defence electronics must come from a trusted domestic source.",
    magnets: true,
    submittedAt: "2026-07-19T06:00:00.000Z",
    review: true,
    decisions: [
      {
        outcome: "approved",
        reasons: "Strategic use; well within the FY2028-29 samarium balance.",
        at: "2026-09-02T07:30:00.000Z",
      },
    ],
  },
  {
    org: "siam",
    by: "industry@accord.test",
    material: "neodymium_oxide",
    fiscalYear: "FY2029-30",
    tonnes: 300,
    sector: "automotive",
    endUse: "Traction-motor magnets for the 2030 EV targets",
    justification: "Planning volume for members' EV platforms launching in 2029–30.",
    magnets: true,
    submittedAt: "2026-10-01T05:00:00.000Z",
    review: true,
  },
  {
    org: "acma",
    material: "neodymium_oxide",
    fiscalYear: "FY2029-30",
    tonnes: 150,
    sector: "automotive",
    endUse: "Magnets for the first domestic magnet plant's component customers",
    justification: "Long-term offtake for component makers once IREL doubles neodymium output.",
    magnets: true,
    submittedAt: "2026-07-07T09:00:00.000Z",
    review: true,
    decisions: [
      {
        outcome: "rejected",
        reasons: "Too early to commit FY2029-30 volumes before the new mines are cleared.",
        at: "2026-08-01T06:00:00.000Z",
      },
      {
        outcome: "approved",
        reasons: "Reconsidered after IREL confirmed the FY2029-30 production plan of 900 t; this replaces the earlier rejection.",
        at: "2026-10-15T06:00:00.000Z",
      },
    ],
  },
  {
    org: "siam",
    by: "industry@accord.test",
    material: "praseodymium_oxide",
    fiscalYear: "FY2029-30",
    tonnes: 20,
    sector: "automotive",
    endUse: "Praseodymium for didymium magnet alloys",
    justification: "Alloying stock for members' magnet suppliers.",
    magnets: true,
    submittedAt: "2026-11-03T07:00:00.000Z",
  },
  {
    org: "acma",
    material: "lanthanum_oxide",
    fiscalYear: "FY2026-27",
    tonnes: 25.5,
    sector: "automotive",
    endUse: "Lanthanum for catalytic converter washcoats",
    justification: "Replaces imported lanthanum in exhaust catalysts.",
    magnets: false,
    submittedAt: "2026-08-20T09:00:00.000Z",
  },
];

// Phase-down what-ifs: exports to Japan per material, in tonnes, for each of SCENARIO_YEARS.
const SCENARIO_YEARS = ["FY2026-27", "FY2027-28", "FY2028-29", "FY2029-30", "FY2030-31"];
const SCENARIOS: { name: string; description: string; exports: Partial<Record<Material, number[]>> }[] = [
  {
    name: "Phase-down 1,000 → 0 t by FY2029-30",
    description: "Exports fall from about 1,000 t to 600 t and 300 t, ending in FY2029-30.",
    exports: {
      neodymium_oxide: [300, 180, 90, 0, 0],
      ndpr_oxide: [250, 150, 75, 0, 0],
      lanthanum_oxide: [220, 130, 65, 0, 0],
      cerium_oxide: [230, 140, 70, 0, 0],
    },
  },
  {
    name: "Keep light rare earths flowing, end neodymium first",
    description: "Neodymium and NdPr exports end in FY2027-28; lanthanum and cerium continue as committed.",
    exports: {
      neodymium_oxide: [160, 0, 0, 0, 0],
      ndpr_oxide: [130, 0, 0, 0, 0],
      lanthanum_oxide: [230, 230, 230, 230, 230],
      cerium_oxide: [240, 240, 240, 240, 240],
    },
  },
];

const kg = (tonnes: number) => Math.round(tonnes * T);

// Only the totals (about 2,900 t a year) and the 450 t neodymium target are public; the split by
// oxide is invented for the demonstration and says so. Each tonne sits in one line: "NdPr oxide"
// is mixed oxide sold as such, not the neodymium already counted as neodymium oxide.
const ILLUSTRATIVE_NOTE = {
  actual: "Illustrative split of IREL's reported total of about 2,900 t; NdPr is mixed oxide, not counted again as neodymium",
  forecast: "Illustrative forecast; NdPr is mixed oxide, not counted again as neodymium",
} as const;

function sessionUser(ctx: DemoContext, email: string): Promise<SessionUser> {
  return sessionUserByEmail(ctx.db, email);
}

export async function seedDemand(ctx: DemoContext): Promise<void> {
  const irel = ctx.user["irel@accord.test"]!;
  for (const [fiscalYear, { basis, figures }] of Object.entries(SUPPLY)) {
    for (const [material, [production, exports, reserve]] of Object.entries(figures) as [Material, [number, number, number]][]) {
      const result = await createSupplyFigure(ctx.db, irel, {
        material,
        fiscalYear,
        production: kg(production),
        productionBasis: basis,
        exports: kg(exports),
        reserve: kg(reserve),
        notes: ILLUSTRATIVE_NOTE[basis],
      });
      if (result.ok) ctx.log(`supply ${material} ${fiscalYear}`);
    }
  }

  const official = await sessionUser(ctx, "official@accord.test");
  const mines = await sessionUser(ctx, "mines@accord.test");
  for (const r of REQUESTS) {
    const organizationId = ctx.org[r.org];
    if (await seededId(ctx.db, "demand_requests", { organization_id: organizationId, end_use: r.endUse })) continue;
    const submitter = r.by ? ctx.user[r.by]! : null;
    let request = await insertDemandRequest(
      ctx.db,
      submitter,
      organizationId,
      {
        material: r.material,
        fiscalYear: r.fiscalYear,
        quantity: kg(r.tonnes),
        sector: r.sector,
        endUse: r.endUse,
        justification: r.justification,
        forIndianMagnets: r.magnets,
      },
      { submittedBy: submitter, at: r.submittedAt },
    );
    ctx.log(`demand ${r.org} ${r.material} ${r.fiscalYear}`);
    if (r.review) {
      const reviewed = await takeUnderReview(ctx.db, official, request.id, request.version);
      if (reviewed.ok) request = reviewed.record;
    }
    if (r.withdraw && r.by) {
      const withdrawn = await withdrawDemandRequest(ctx.db, await sessionUser(ctx, r.by), request.id, request.version);
      if (withdrawn.ok) request = withdrawn.record;
    }
    for (const [i, d] of (r.decisions ?? []).entries()) {
      const decided = await decideDemandRequest(ctx.db, i === 0 ? official : mines, request.id, {
        outcome: d.outcome,
        allocatedKg: d.outcome === "approved" ? request.quantity_kg : d.outcome === "rejected" ? 0 : kg(d.tonnes!),
        reasons: d.reasons,
        confirmOverBalance: d.confirm ?? false,
        version: request.version,
        replaces: request.current_decision_id ?? undefined,
        at: d.at,
      });
      if (!decided.ok) throw new Error(`demo decision on ${r.endUse} refused: ${decided.reason}`);
      request = decided.record;
    }
  }

  for (const s of SCENARIOS) {
    if (await seededId(ctx.db, "supply_scenarios", { name: s.name })) continue;
    const exports: Record<string, Record<string, number>> = {};
    for (const [material, tonnes] of Object.entries(s.exports)) {
      exports[material] = Object.fromEntries(SCENARIO_YEARS.map((fy, i) => [fy, kg(tonnes[i]!)]));
    }
    await createScenario(ctx.db, official.id, { name: s.name, description: s.description, visibility: "internal", exports });
    ctx.log(`scenario ${s.name}`);
  }
}
