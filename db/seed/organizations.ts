import type { OrganizationKind } from "../schema";

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
  toyotsu: {
    name: "Toyotsu Rare Earths India",
    short: "TREI",
    kind: "foreign_company",
    country: "Japan",
    sector: "Rare-earth processing",
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
} as const satisfies Record<string, { name: string; short: string; kind: OrganizationKind; country: string; sector: string }>;

export type DemoOrgKey = keyof typeof DEMO_ORGANIZATIONS;
