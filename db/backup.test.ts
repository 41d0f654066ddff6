// A backup taken under write load restores into an empty database with every write acknowledged
// before it began, each with its audit event, and a sound database (SQLite: integrity_check).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";

import { createOrganization } from "~/models/organizations.server";
import { demoData } from "~/test/fixtures";
import { getDb } from "~/utils/db.server";

import { backupDatabase, restoreDatabase } from "./backup";
import { createDatabase } from "./connection";
import { integrityCheck } from "./sql";
import { createTestDatabase } from "./testing/pg-cluster";

const onPostgres = process.env.ACCORD_TEST_DIALECT === "postgres";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function emptyTarget(): Promise<string> {
  if (onPostgres) return createTestDatabase(inject("pgAdminUrl"), `accord_restore_${crypto.randomBytes(4).toString("hex")}`);
  return `file:${path.join(dir, "restored.sqlite")}`;
}

async function counts(db: ReturnType<typeof createDatabase>) {
  const out: Record<string, number> = {};
  for (const table of [
    "organizations",
    "users",
    "consultations",
    "issues",
    "positions",
    "demand_requests",
    "milestones",
    "audit_events",
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe(`backup and restore on ${onPostgres ? "PostgreSQL" : "SQLite"}`, () => {
  it("keeps every acknowledged write and an intact audit log, taken while writes go on", async () => {
    await demoData();
    const db = getDb();
    const acknowledged: string[] = [];
    let stop = false;
    let n = 0;
    const load = (async () => {
      while (!stop) {
        const org = await createOrganization(db, null, {
          name: `Load ${n} ${crypto.randomUUID()}`,
          shortName: `L${n++}`,
          kind: "company",
          country: "India",
        });
        acknowledged.push(org.id);
        // better-sqlite3 answers synchronously: yield as separate requests would.
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (acknowledged.length < 25) await new Promise((r) => setTimeout(r, 5));
    const before = [...acknowledged];
    const countsBefore = await counts(db);
    const file = path.join(dir, onPostgres ? "accord.dump" : "accord.sqlite");
    await backupDatabase(process.env.DATABASE_URL!, file);
    const during = acknowledged.length;
    while (acknowledged.length < during + 10) await new Promise((r) => setTimeout(r, 5));
    stop = true;
    await load;
    expect(acknowledged.length).toBeGreaterThan(before.length);

    const target = await emptyTarget();
    await restoreDatabase(target, file);
    const restored = createDatabase(target);
    try {
      expect(await integrityCheck(restored)).toBe("ok");
      const ids = new Set((await restored.selectFrom("organizations").select("id").execute()).map((r) => r.id));
      for (const id of before) expect(ids.has(id), id).toBe(true);
      // The snapshot is transactional: each organization it holds has its audit event, and no event lacks its row.
      const events = await restored
        .selectFrom("audit_events")
        .select("entity_id")
        .where("action", "=", "organization.create")
        .execute();
      expect(new Set(events.map((e) => e.entity_id))).toEqual(ids);
      const countsAfter = await counts(restored);
      for (const [table, count] of Object.entries(countsBefore)) {
        if (table === "organizations" || table === "audit_events")
          expect(countsAfter[table], table).toBeGreaterThanOrEqual(count);
        else expect(countsAfter[table], table).toBe(count);
      }
      // Restoring never overwrites: the same target is refused now that it holds data.
      await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty/);
    } finally {
      await restored.destroy();
    }
  });
});
