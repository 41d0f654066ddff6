/**
 * `npm run bench`: builds a throwaway SQLite file with 100,000 consultations and prints how the
 * list and search queries behave, as ratios measured in this one run (absolute times on a shared
 * machine mean little). Asserts nothing about time; the query-plan test in
 * app/test/consultations.test.ts is what guards the indexes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";

import type { SessionUser } from "~/models/access.server";
import { listActivity } from "~/models/activity.server";
import { consultationListQuery, searchConsultations } from "~/models/consultations.server";
import { assembleDashboard } from "~/models/dashboard.server";
import { createDatabase } from "~db/connection";
import { migrateToLatest } from "~db/migrate";
import { VISIBILITIES } from "~db/schema";
import { VOLUME_WORDS } from "~db/seed/volume";

const COUNT = Number(process.env.BENCH_CONSULTATIONS ?? 100_000);
const PAGE = 25;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-bench-"));
const db = createDatabase(`file:${path.join(dir, "bench.sqlite")}`);

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const m = median(samples);
  console.log(`  ${label.padEnd(58)} ${m.toFixed(3)} ms`);
  return m;
}

async function build() {
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const orgIds = Array.from({ length: 11 }, (_, i) => `org-${i}`);
  await db.transaction().execute(async (tx) => {
    for (const id of orgIds) {
      await tx
        .insertInto("organizations")
        .values({
          id,
          name: id,
          short_name: id,
          kind: "ministry",
          country: "India",
          sector: null,
          archived_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await tx
      .insertInto("users")
      .values({
        id: "bench-user",
        email: "bench@accord.test",
        display_name: "Bench",
        role: "official",
        organization_id: orgIds[0]!,
        password_hash: "x",
        last_sign_in_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  // Deterministic pseudo-random data, so two runs are comparable.
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const start = Date.parse("2012-01-01T00:00:00Z");
  const span = Date.parse("2026-12-01T00:00:00Z") - start;
  const BATCH = 2_000;
  for (let done = 0; done < COUNT; done += BATCH) {
    await db.transaction().execute(async (tx) => {
      for (let i = done; i < Math.min(done + BATCH, COUNT); i++) {
        const id = `c-${String(i).padStart(6, "0")}`;
        const visibility = VISIBILITIES[rand() < 0.6 ? 0 : rand() < 0.75 ? 1 : 2]!;
        const startsAt = new Date(start + Math.floor(rand() * span)).toISOString();
        const words = Array.from({ length: 30 }, () => VOLUME_WORDS[Math.floor(rand() * VOLUME_WORDS.length)]).join(" ");
        await tx
          .insertInto("consultations")
          .values({
            id,
            title: `Consultation ${i}`,
            starts_at: startsAt,
            time_zone: "Asia/Kolkata",
            mode: "video",
            kind: "technical",
            location: null,
            agenda: "",
            notes: words,
            outcome: "",
            visibility,
            created_by: "bench-user",
            archived_at: rand() < 0.05 ? now : null,
            created_at: now,
            updated_at: now,
            submission_key: null,
          })
          .execute();
        const participants = new Set([
          orgIds[Math.floor(rand() * 11)]!,
          orgIds[Math.floor(rand() * 11)]!,
          orgIds[Math.floor(rand() * 11)]!,
        ]);
        for (const org of participants)
          await tx.insertInto("consultation_participants").values({ consultation_id: id, organization_id: org }).execute();
        // Each record's history, as the activity feed and the dashboard read it.
        await tx
          .insertInto("audit_events")
          .values({
            id: `e-${id}`,
            at: startsAt,
            actor_id: "bench-user",
            action: "consultation.create",
            entity_type: "consultation",
            entity_id: id,
            before_json: null,
            after_json: null,
            ip: null,
            detail: null,
          })
          .execute();
        await sql`insert into consultation_search (rowid, consultation_id, title, agenda, notes, outcome, actions) select rowid, id, title, '', notes, '', '' from consultations where id = ${id}`.execute(
          tx,
        );
      }
    });
  }
  const rare = "c-050000";
  await sql`update consultation_search set notes = notes || ' monazite' where consultation_id = ${rare}`.execute(db);
  return orgIds;
}

function user(role: SessionUser["role"], organizationId: string): SessionUser {
  return {
    id: "bench-user",
    email: "bench@accord.test",
    displayName: "Bench",
    role,
    organizationId,
    organizationName: organizationId,
    organizationShortName: organizationId,
    locale: null,
    timeZone: "Asia/Kolkata",
  };
}

async function main() {
  const built = Date.now();
  const orgIds = await build();
  console.log(`Built ${COUNT.toLocaleString("en-IN")} consultations in ${((Date.now() - built) / 1000).toFixed(1)} s (${dir})\n`);
  const official = user("official", orgIds[0]!);
  const irel = user("irel", orgIds[1]!);
  const counterpart = user("counterpart", orgIds[5]!);
  const RUNS = 30;

  console.log("Primary-key read (the unit the others are compared with)");
  const pk = await time("select one consultation by id", RUNS * 3, () =>
    db.selectFrom("consultations").selectAll().where("id", "=", "c-012345").executeTakeFirst(),
  );

  console.log("\nFirst page of the scoped list");
  const listOfficial = await time("official (sees every level)", RUNS, () =>
    consultationListQuery(db, official, {}, null)
      .limit(PAGE + 1)
      .execute(),
  );
  const listIrel = await time("IREL (shared and internal)", RUNS, () =>
    consultationListQuery(db, irel, {}, null)
      .limit(PAGE + 1)
      .execute(),
  );
  const listExternal = await time("counterpart (shared, its organization takes part)", RUNS, () =>
    consultationListQuery(db, counterpart, {}, null)
      .limit(PAGE + 1)
      .execute(),
  );
  const listOrg = await time("official filtered by one organization", RUNS, () =>
    consultationListQuery(db, official, { org: orgIds[3] }, null)
      .limit(PAGE + 1)
      .execute(),
  );

  console.log("\nDeep page: the 200th page (5,000 rows in)");
  const deep = await consultationListQuery(db, official, {}, null)
    .offset(PAGE * 200 - 1)
    .limit(1)
    .executeTakeFirstOrThrow();
  const cursor = { key: deep.starts_at, id: deep.id };
  const keyset = await time("keyset (cursor in the query string)", RUNS, () =>
    consultationListQuery(db, official, {}, cursor)
      .limit(PAGE + 1)
      .execute(),
  );
  const offset = await time("OFFSET 5000 (what keyset avoids)", RUNS, () =>
    consultationListQuery(db, official, {}, null)
      .offset(PAGE * 200)
      .limit(PAGE + 1)
      .execute(),
  );

  console.log("\nFull-text search, ranked, capped at 50 results");
  const rare = await time("a word in one consultation", RUNS, () => searchConsultations(db, official, "monazite"));
  const common = await time("a word in nearly every consultation", 10, () => searchConsultations(db, official, "neodymium"));
  const commonExternal = await time("the same, as a counterpart", 10, () => searchConsultations(db, counterpart, "neodymium"));

  console.log("\nHome dashboard, every section, and the activity feed");
  await db.updateTable("users").set({ previous_sign_in_at: "2026-06-01T00:00:00.000Z" }).where("id", "=", "bench-user").execute();
  const dashOfficial = await time("dashboard as an official", 10, () => assembleDashboard(db, official));
  const dashExternal = await time("dashboard as a counterpart", 10, () => assembleDashboard(db, counterpart));
  const feedOfficial = await time("activity feed, first page, official", RUNS, () => listActivity(db, official));
  const feedExternal = await time("activity feed, first page, counterpart", RUNS, () => listActivity(db, counterpart));

  const r = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  console.log("\nRatios (this run)");
  console.log(
    `  scoped first page / primary-key read: official ${r(listOfficial, pk)}, IREL ${r(listIrel, pk)}, counterpart ${r(listExternal, pk)}, org filter ${r(listOrg, pk)}`,
  );
  console.log(`  OFFSET page 200 / keyset page 200: ${r(offset, keyset)}`);
  console.log(`  common-word search / rare-word search: ${r(common, rare)} (counterpart ${r(commonExternal, rare)})`);
  console.log(`  dashboard / primary-key read: official ${r(dashOfficial, pk)}, counterpart ${r(dashExternal, pk)}`);
  console.log(`  activity feed page / primary-key read: official ${r(feedOfficial, pk)}, counterpart ${r(feedExternal, pk)}`);

  await db.destroy();
  if (process.env.BENCH_KEEP) console.log(dir);
  else fs.rmSync(dir, { recursive: true, force: true });
}

await main();
