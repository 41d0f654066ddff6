// SQLite → empty PostgreSQL → empty SQLite keeps every row of every table, ids, versions and the
// audit log included, and search works on the copy. Runs in the PostgreSQL pass of the suite.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";

import type { SessionUser } from "~/models/access.server";
import { searchConsultations } from "~/models/consultations.server";
import { updateIssue } from "~/models/issues.server";
import { sessionUserByEmail } from "~/models/users.server";
import { seedDemo } from "~db/seed/demo";

import { createDatabase } from "./connection";
import { copyDatabase } from "./copy";
import { migrateToLatest } from "./migrate";
import { createTestDatabase } from "./testing/pg-cluster";

const onPostgres = process.env.ACCORD_TEST_DIALECT === "postgres";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-copy-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function snapshot(db: ReturnType<typeof createDatabase>, tables: string[]): Promise<Record<string, any[]>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const out: Record<string, any[]> = {};
  for (const t of tables) {
    const rows = (await db
      .selectFrom(t as "users")
      .selectAll()
      .execute()) as Record<string, unknown>[];
    out[t] = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k]]),
        ),
      )
      .sort();
  }
  return out;
}

function official(db: ReturnType<typeof createDatabase>): Promise<SessionUser> {
  return sessionUserByEmail(db, "official@accord.test");
}

describe.skipIf(!onPostgres)("db:copy", () => {
  it("moves SQLite to PostgreSQL and back without losing or changing a row", async () => {
    const sqliteUrl = `file:${path.join(dir, "source.sqlite")}`;
    const source = createDatabase(sqliteUrl);
    await migrateToLatest(source);
    const demo = await seedDemo(source, { password: "accord-demo-2026" });
    // A record edited twice, so versions above 1 travel too.
    const issue = await source.selectFrom("issues").selectAll().orderBy("title").executeTakeFirstOrThrow();
    const edited = await updateIssue(source, demo.user["official@accord.test"]!, issue.id, issue.version, {
      ...issue,
      description: "Edited before the move.",
      parties: [],
    });
    expect(edited.ok).toBe(true);
    const tables = (await source.introspection.getTables())
      .map((t) => t.name)
      .filter((t) => !t.startsWith("consultation_search"));
    const before = await snapshot(source, tables);
    await source.destroy();

    const pgUrl = await createTestDatabase(inject("pgAdminUrl"), `accord_copy_${crypto.randomBytes(4).toString("hex")}`);
    const report = await copyDatabase(sqliteUrl, pgUrl);
    expect(report.tables["audit_events"]).toBe(before["audit_events"]!.length);
    const onPg = createDatabase(pgUrl);
    expect(await snapshot(onPg, tables)).toEqual(before);
    const moved = await onPg.selectFrom("issues").select("version").where("id", "=", issue.id).executeTakeFirstOrThrow();
    expect(moved.version).toBe(issue.version + 1);
    const hits = await searchConsultations(onPg, await official(onPg), "IREL");
    expect(hits.length).toBeGreaterThan(0);
    await onPg.destroy();

    // A second copy into the same, now full, database is refused.
    await expect(copyDatabase(sqliteUrl, pgUrl)).rejects.toThrow(/not empty/);

    const backUrl = `file:${path.join(dir, "back.sqlite")}`;
    await copyDatabase(pgUrl, backUrl);
    const back = createDatabase(backUrl);
    expect(await snapshot(back, tables)).toEqual(before);
    expect((await searchConsultations(back, await official(back), "IREL")).length).toBe(hits.length);
    await back.destroy();
  });
});
