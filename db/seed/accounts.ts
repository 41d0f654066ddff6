/**
 * The demo sign-ins: fictional people at the real organizations. Plain data with no imports that
 * run, so that the e2e specs can name the same accounts as the seed and the integration tests.
 */
import type { Role } from "../schema";
import type { DemoOrgKey } from "./organizations";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  org: DemoOrgKey;
}

const ACCOUNT_ROWS: [email: string, name: string, role: Role, org: DemoOrgKey][] = [
  ["admin@accord.test", "Asha Raman", "admin", "moci"],
  ["official@accord.test", "Vikram Sethi", "official", "moci"],
  ["mines@accord.test", "Meera Iyer", "official", "mines"],
  ["irel@accord.test", "Rahul Menon", "irel", "irel"],
  ["diplomat@accord.test", "Kavita Bose", "diplomat", "mea"],
  ["dae@accord.test", "Sunil Rao", "official", "dae"],
  ["law@accord.test", "Nandini Das", "official", "law"],
  ["counterpart@accord.test", "Kenji Sato", "counterpart", "toyotsu"],
  ["meti@accord.test", "Yuko Tanaka", "counterpart", "meti"],
  ["tsusho@accord.test", "Hiroshi Ito", "counterpart", "toyotaTsusho"],
  ["industry@accord.test", "Arjun Kapoor", "industry", "siam"],
  ["elcina@accord.test", "Priya Nair", "industry", "elcina"],
];

export const DEMO_ACCOUNTS: DemoAccount[] = ACCOUNT_ROWS.map(([email, name, role, org]) => ({ email, name, role, org }));

/** The first demo account of each role, in the order above: tests that run "for every role" use these. */
export const ONE_ACCOUNT_PER_ROLE: string[] = DEMO_ACCOUNTS.filter(
  (a, i) => DEMO_ACCOUNTS.findIndex((b) => b.role === a.role) === i,
).map((a) => a.email);
