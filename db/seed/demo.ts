/**
 * Demonstration data: the real organizations and figures of DESIGN.md with fictional people.
 * Idempotent: every record is looked up by a natural key first, so a second run adds nothing.
 * Each feature adds its own seed function to `DEMO_STEPS`.
 */
import type { Kysely } from "kysely";

import { createOrganization } from "~/models/organizations.server";
import { createUser } from "~/models/users.server";

import type { Database } from "../schema";
import { DEMO_ACCOUNTS } from "./accounts";
import { seedAgreement } from "./agreement";
import { seedConsultations } from "./consultations";
import { seedDemand } from "./demand";
import { seedDocuments } from "./documents";
import { seededId } from "./lookup";
import { seedStakeholderMap } from "./map";
import { seedMilestones } from "./milestones";
import { seedMinutes } from "./minutes";
import { DEMO_ORGANIZATIONS, type DemoOrgKey } from "./organizations";
import { seedPeople } from "./people";
import { seedPositions } from "./positions";

export { DEMO_ACCOUNTS };

export interface DemoContext {
  db: Kysely<Database>;
  /** Organization id by seed handle. */
  org: Record<DemoOrgKey, string>;
  /** User id by demo email. */
  user: Record<string, string>;
  log: (line: string) => void;
}

async function seedOrganizations(ctx: Omit<DemoContext, "org" | "user">): Promise<Record<DemoOrgKey, string>> {
  const ids = {} as Record<DemoOrgKey, string>;
  for (const [key, o] of Object.entries(DEMO_ORGANIZATIONS) as [DemoOrgKey, (typeof DEMO_ORGANIZATIONS)[DemoOrgKey]][]) {
    const existing = await seededId(ctx.db, "organizations", { name: o.name });
    if (existing) {
      ids[key] = existing;
      continue;
    }
    const created = await createOrganization(ctx.db, null, {
      name: o.name,
      shortName: o.short,
      kind: o.kind,
      country: o.country,
      sector: o.sector,
      side: "side" in o ? o.side : undefined,
      affiliation: "affiliation" in o ? o.affiliation : undefined,
    });
    ids[key] = created.id;
    ctx.log(`organization ${o.short}`);
  }
  return ids;
}

async function seedUsers(ctx: Omit<DemoContext, "user">, password: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const existing = await seededId(ctx.db, "users", { email: account.email });
    if (existing) {
      ids[account.email] = existing;
      continue;
    }
    const created = await createUser(ctx.db, null, {
      email: account.email,
      displayName: account.name,
      role: account.role,
      organizationId: ctx.org[account.org],
      password,
    });
    ids[account.email] = created.id;
    ctx.log(`user ${account.email}`);
  }
  return ids;
}

/** Feature seeds, run in order after organizations and users. */
export const DEMO_STEPS: { name: string; run: (ctx: DemoContext) => Promise<void> }[] = [
  { name: "consultations", run: seedConsultations },
  // After consultations, so that issues can link the consultations that discussed them.
  { name: "issues and positions", run: seedPositions },
  { name: "demand and supply", run: seedDemand },
  { name: "milestones", run: seedMilestones },
  // After consultations: minutes belong to one.
  { name: "minutes", run: seedMinutes },
  // After consultations: documents are attached to them.
  { name: "documents", run: seedDocuments },
  // After issues: clauses belong to them.
  { name: "agreement clauses", run: seedAgreement },
  { name: "stakeholder map", run: seedStakeholderMap },
  // After consultations, issues and milestones: attendees and tags belong to them.
  { name: "contacts, attendees and tags", run: seedPeople },
];

export async function seedDemo(db: Kysely<Database>, options: { password: string; log?: (line: string) => void }) {
  const log = options.log ?? (() => {});
  const org = await seedOrganizations({ db, log });
  const user = await seedUsers({ db, org, log }, options.password);
  const ctx: DemoContext = { db, org, user, log };
  for (const step of DEMO_STEPS) await step.run(ctx);
  return ctx;
}
