import type { OrganizationKind, OrganizationSide } from "../schema";

/** The real organizations of the negotiation (DESIGN.md), keyed by a stable handle for seeds. */
export const DEMO_ORGANIZATIONS = {
  moci: { name: "Ministry of Commerce and Industry", short: "MoCI", kind: "ministry", country: "India", sector: "Government" },
  mines: { name: "Ministry of Mines", short: "Mines", kind: "ministry", country: "India", sector: "Government" },
  dae: { name: "Department of Atomic Energy", short: "DAE", kind: "ministry", country: "India", sector: "Government" },
  mea: { name: "Ministry of External Affairs", short: "MEA", kind: "ministry", country: "India", sector: "Government" },
  irel: {
    name: "IREL (India) Limited",
    short: "IREL",
    kind: "public_sector_undertaking",
    country: "India",
    sector: "Rare-earth mining and refining",
  },
  // An Indian company (its plant is in Andhra Pradesh) on the Japanese side of the table.
  toyotsu: {
    name: "Toyotsu Rare Earths India",
    short: "TREI",
    kind: "company",
    country: "India",
    side: "japan",
    affiliation: "Toyota Tsusho group (Japan)",
    sector: "Rare-earth processing, Andhra Pradesh",
  },
  toyotaTsusho: {
    name: "Toyota Tsusho Corporation",
    short: "Toyota Tsusho",
    kind: "foreign_company",
    country: "Japan",
    sector: "Trading",
  },
  meti: {
    name: "Ministry of Economy, Trade and Industry (METI)",
    short: "METI",
    kind: "foreign_government",
    country: "Japan",
    sector: "Government",
  },
  siam: {
    name: "Society of Indian Automobile Manufacturers (SIAM)",
    short: "SIAM",
    kind: "industry_body",
    country: "India",
    sector: "Automotive",
  },
  elcina: {
    name: "Electronic Industries Association of India (ELCINA)",
    short: "ELCINA",
    kind: "industry_body",
    country: "India",
    sector: "Electronics",
  },
  acma: {
    name: "Automotive Component Manufacturers Association of India (ACMA)",
    short: "ACMA",
    kind: "industry_body",
    country: "India",
    sector: "Automotive components",
  },
  mhi: {
    name: "Ministry of Heavy Industries",
    short: "MHI",
    kind: "ministry",
    country: "India",
    sector: "Government (magnet incentive scheme)",
  },
  dgft: {
    name: "Directorate General of Foreign Trade",
    short: "DGFT",
    kind: "ministry",
    country: "India",
    sector: "Government (export policy)",
  },
  law: { name: "Ministry of Law and Justice", short: "Law", kind: "ministry", country: "India", sector: "Government" },
  embassyTokyo: {
    name: "Embassy of India, Tokyo",
    short: "EoI Tokyo",
    kind: "ministry",
    country: "India",
    sector: "Government (Ministry of External Affairs)",
  },
  jogmec: {
    name: "Japan Organization for Metals and Energy Security (JOGMEC)",
    short: "JOGMEC",
    kind: "foreign_government",
    country: "Japan",
    sector: "Government agency",
  },
  // Illustrative members of the negotiation's industry side: a pharmaceutical body and a magnet maker.
  pharma: {
    name: "Indian Pharmaceutical Alliance",
    short: "IPA",
    kind: "industry_body",
    country: "India",
    sector: "Pharmaceuticals",
  },
  magnetMaker: {
    name: "Bharat Magnetics (illustrative)",
    short: "Bharat Magnetics",
    kind: "company",
    country: "India",
    sector: "Rare-earth magnet manufacturing",
  },
} as const satisfies Record<
  string,
  {
    name: string;
    short: string;
    kind: OrganizationKind;
    country: string;
    sector: string;
    side?: OrganizationSide;
    affiliation?: string;
  }
>;

export type DemoOrgKey = keyof typeof DEMO_ORGANIZATIONS;
