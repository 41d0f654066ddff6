import { describe, expect, it } from "vitest";

import { changesSinceLastVisit, listActivity, markAllActivityRead, unreadActivityCount } from "~/models/activity.server";
import { recordAudit } from "~/models/audit.server";
import { action as activityAction, loader as activityLoader } from "~/routes/activity";
import { getDb } from "~/utils/db.server";
import { nowIso } from "~/utils/ids.server";
import { activitySubjectText } from "~/utils/messages";
import type { Visibility } from "~db/schema";

import { insertConsultation } from "./factories";
import { call, cookieFor, demoData, get, post, sessionUserFor } from "./fixtures";

async function consultation(title: string, visibility: Visibility, orgs: string[], at = nowIso()) {
  const ctx = await demoData();
  const actor = ctx.user["official@accord.test"]!;
  const id = await insertConsultation(ctx, { title, visibility, orgs, startsAt: at, at });
  await recordAudit(getDb(), { actorId: actor, action: "consultation.create", entityType: "consultation", entityId: id, at });
  return id;
}

describe("activity feed", () => {
  it("lists only changes to records the user may see, newest first", async () => {
    const ctx = await demoData();
    await consultation("feed: shared with Toyotsu", "shared", [ctx.org.irel, ctx.org.toyotsu], "2026-11-01T10:00:00.000Z");
    await consultation("feed: internal", "internal", [ctx.org.moci, ctx.org.toyotsu], "2026-11-02T10:00:00.000Z");
    await consultation("feed: restricted", "restricted", [ctx.org.moci], "2026-11-03T10:00:00.000Z");
    const titles = async (email: string) =>
      (await listActivity(getDb(), await sessionUserFor(email), { kind: "consultation" }, null, 500)).items
        .map((i) => activitySubjectText(i.subject))
        .filter((t) => t.startsWith("feed:"));
    expect(await titles("official@accord.test")).toEqual(["feed: restricted", "feed: internal", "feed: shared with Toyotsu"]);
    expect(await titles("irel@accord.test")).toEqual(["feed: internal", "feed: shared with Toyotsu"]);
    expect(await titles("counterpart@accord.test")).toEqual(["feed: shared with Toyotsu"]);
    expect(await titles("meti@accord.test")).toEqual([]);
  });

  it("counts unread items until the user marks them read", async () => {
    const ctx = await demoData();
    const user = await sessionUserFor("counterpart@accord.test");
    await markAllActivityRead(getDb(), user, "2026-01-01T00:00:00.000Z");
    const before = await unreadActivityCount(getDb(), user);
    await consultation("feed: new for Toyotsu", "shared", [ctx.org.toyotsu]);
    await consultation("feed: new internal", "internal", [ctx.org.toyotsu]);
    expect(await unreadActivityCount(getDb(), user)).toBe(before + 1);

    const cookie = await cookieFor("counterpart@accord.test");
    const res = await call(activityAction, post("/activity", { intent: "mark-read" }, cookie));
    expect(res.status).toBe(302);
    expect(await unreadActivityCount(getDb(), user)).toBe(0);
  });

  it("filters by kind and refuses an unknown kind with 400", async () => {
    const cookie = await cookieFor("official@accord.test");
    const ok = await call(activityLoader, get("/activity?kind=consultation", cookie));
    expect(ok.status).toBe(200);
    expect((await call(activityLoader, get("/activity?kind=cabinet-notes", cookie))).status).toBe(400);
    expect((await call(activityLoader, get("/activity?organization=nope", cookie))).status).toBe(400);
  });

  it("shows what changed since the start of the previous session", async () => {
    const ctx = await demoData();
    const db = getDb();
    const id = ctx.user["diplomat@accord.test"]!;
    await db.updateTable("users").set({ previous_sign_in_at: "2026-11-02T12:00:00.000Z" }).where("id", "=", id).execute();
    // Room for the demo's own recent events too (clauses and proposals are seeded "now").
    const { since, items } = await changesSinceLastVisit(db, await sessionUserFor("diplomat@accord.test"), 200);
    expect(since).toBe("2026-11-02T12:00:00.000Z");
    expect(items.every((i) => i.at > "2026-11-02T12:00:00.000Z")).toBe(true);
    expect(items.map((i) => activitySubjectText(i.subject))).toContain("feed: restricted");
    expect(items.map((i) => activitySubjectText(i.subject))).not.toContain("feed: shared with Toyotsu");
  });
});
