import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { visibleConsultations } from "~/models/scopes.server";
import { claimVersion, versionedUpdate } from "~/models/writes.server";
import { getDb } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import { addEnumGuards, dropEnumGuards } from "~db/guards";

import { demoData, sessionUserFor } from "./fixtures";

async function anyRow(table: "issues" | "positions" | "audit_events" | "consultations") {
  await demoData();
  return getDb().selectFrom(table).selectAll().limit(1).executeTakeFirstOrThrow();
}

// SQLite's triggers name the column ("issues.status must be …"); PostgreSQL names the CHECK
// constraint ("issues_status_check").
describe("database guards", () => {
  it("refuses an enum-like column value outside its list, on insert and on update", async () => {
    const db = getDb();
    const ctx = await demoData();
    const issue = await anyRow("issues");
    const now = nowIso();
    const values = {
      id: newId(),
      title: "Guard",
      description: "",
      status: "open",
      priority: "high",
      visibility: "internal",
      created_by: ctx.user["official@accord.test"]!,
      archived_at: null,
      created_at: now,
      updated_at: now,
    } as const;
    await expect(
      db
        .insertInto("issues")
        .values({ ...values, status: "bogus" as never })
        .execute(),
    ).rejects.toThrow(/issues\.status must be one of|check constraint "issues_status_check"/);
    await expect(
      db
        .insertInto("issues")
        .values({ ...values, visibility: "secret" as never })
        .execute(),
    ).rejects.toThrow(/issues[._]visibility/);
    await expect(
      db
        .updateTable("issues")
        .set({ priority: "urgent" as never })
        .where("id", "=", issue.id)
        .execute(),
    ).rejects.toThrow(/issues[._]priority/);
    await expect(
      db
        .updateTable("users")
        .set({ role: "superuser" as never })
        .where("id", "=", ctx.user["official@accord.test"]!)
        .execute(),
    ).rejects.toThrow(/users[._]role/);
    // A good value still goes in.
    await db.insertInto("issues").values(values).execute();
  });

  it("keeps audit events and positions append-only in the database itself", async () => {
    const db = getDb();
    const event = await anyRow("audit_events");
    const position = await anyRow("positions");
    await expect(
      db.updateTable("audit_events").set({ detail: "rewritten" }).where("id", "=", event.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_events").where("id", "=", event.id).execute()).rejects.toThrow(/append-only/);
    await expect(
      db.updateTable("positions").set({ statement: "rewritten" }).where("id", "=", position.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("positions").where("id", "=", position.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("demand_decisions").execute()).rejects.toThrow(/append-only/);
    expect(
      (await db.selectFrom("audit_events").select("detail").where("id", "=", event.id).executeTakeFirstOrThrow()).detail,
    ).toBe(event.detail);
  });

  it("scopes by allow-list: a visibility level nobody knows is seen by nobody", async () => {
    const db = getDb();
    const ctx = await demoData();
    const sample = await anyRow("consultations");
    const visibility = {
      consultations: { visibility: ["shared", "internal", "restricted"] },
    };
    // Lift the guard for a moment to store what the app never could.
    await dropEnumGuards(db, visibility);
    const id = newId();
    try {
      await db
        .insertInto("consultations")
        .values({
          ...sample,
          id,
          rowid: undefined,
          title: "Unknown level",
          visibility: "secret" as never,
          submission_key: null,
        } as never)
        .execute();
      for (const email of Object.keys(ctx.user)) {
        const seen = await visibleConsultations(db, await sessionUserFor(email))
          .select("c.id")
          .where("c.id", "=", id)
          .executeTakeFirst();
        expect(seen, email).toBeUndefined();
      }
    } finally {
      await db.deleteFrom("consultations").where("id", "=", id).execute();
      await addEnumGuards(db, visibility);
    }
  });

  it("writes every scope in the models as an allow-list, never `not in`", () => {
    const scopes = readFileSync("app/models/scopes.server.ts", "utf8");
    expect(scopes).not.toMatch(/"not in"/);
    expect(scopes).not.toMatch(/"<>"|"!="/);
  });
});

describe("versioned writes", () => {
  it("answers a conflict and writes nothing when another writer claims the version first", async () => {
    const db = getDb();
    const issue = await anyRow("issues");
    const events = async () =>
      (await db.selectFrom("audit_events").select("id").where("entity_id", "=", issue.id).execute()).length;
    const eventsBefore = await events();
    const result = await versionedUpdate(db, {
      table: "issues",
      id: issue.id,
      actorId: null,
      expectedVersion: issue.version,
      load: (tx) => tx.selectFrom("issues").selectAll().where("id", "=", issue.id).executeTakeFirst(),
      // Another writer gets in between this read and the claim, as it may under read committed.
      check: async (_, tx) => {
        await claimVersion(tx, "issues", issue.id, issue.version, { title: "The other writer's title" }, nowIso());
        return null;
      },
      set: () => ({ title: "Lost update" }),
      action: "issue.update",
      result: (row) => row,
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "conflict",
      current: { id: issue.id, title: issue.title, version: issue.version },
    });
    const stored = await db.selectFrom("issues").selectAll().where("id", "=", issue.id).executeTakeFirstOrThrow();
    expect(stored.title).toBe(issue.title);
    expect(stored.version).toBe(issue.version);
    expect(await events()).toBe(eventsBefore);
  });
});
