/**
 * Notices caused by a change, written with the change's transaction and read from the test SMTP
 * server: a decided demand request (to the requesting organization only), minutes awaiting an
 * organization's confirmation, a milestone threatened by a late dependency; each in the
 * recipient's language, and never more than the recipient may see.
 */
import { describe, expect, it } from "vitest";

import { decideDemandRequest } from "~/models/demand.server";
import { noticesFor, setPreference } from "~/models/notifications.server";
import { runOutbox } from "~/models/outbox.server";
import { action as minutesAction } from "~/routes/consultations.$id_.minutes";
import { getDb } from "~/utils/db.server";

import { createDemandRequest } from "./factories";
import { call, cookieFor, post, sessionUserFor } from "./fixtures";
import { smtpForThisFile } from "./smtp";

const smtp = smtpForThisFile();
const { deliver } = smtp;

describe("a decided demand request", () => {
  it("is mailed to the requesting organization, in its reader's language, with the decision", async () => {
    const industry = await sessionUserFor("industry@accord.test");
    // The SIAM user reads Hindi.
    await getDb().updateTable("users").set({ locale: "hi" }).where("id", "=", industry.id).execute();
    const id = await createDemandRequest("industry@accord.test", {
      material: "samarium",
      fiscalYear: "FY2028-29",
      quantity: "2",
    });
    const official = await sessionUserFor("official@accord.test");
    const refusedDecision = await decideDemandRequest(getDb(), official, id, {
      outcome: "approved",
      allocatedKg: 2_000,
      reasons: "Stale page",
      confirmOverBalance: false,
      version: 99,
    });
    expect(refusedDecision.ok).toBe(false);
    // A refused change queues nothing.
    expect(
      await getDb()
        .selectFrom("outbox")
        .select("id")
        .where("kind", "=", "demand_decided")
        .where("status", "=", "pending")
        .execute(),
    ).toHaveLength(0);

    const decided = await decideDemandRequest(getDb(), official, id, {
      outcome: "rejected",
      allocatedKg: 0,
      reasons: "No samarium left for that year",
      confirmOverBalance: false,
      version: 1,
    });
    expect(decided.ok).toBe(true);
    // Written with the decision: the row is there before any scan runs.
    const queued = await getDb()
      .selectFrom("outbox")
      .select(["to_address"])
      .where("kind", "=", "demand_decided")
      .where("status", "=", "pending")
      .execute();
    expect(queued.map((q) => q.to_address)).toEqual(["industry@accord.test"]);

    await runOutbox(getDb(), deliver());
    const mail = smtp.received.find((m) => m.to.includes("industry@accord.test"))!;
    expect(mail.subject).toContain("माँग अनुरोध पर निर्णय");
    expect(mail.text).toContain(`/demand/${id}`);
    expect(mail.text).toContain("अस्वीकृत");
    // Nobody else's organization hears of it.
    expect(smtp.received.filter((m) => m.to.includes("elcina@accord.test"))).toHaveLength(0);
    await getDb().updateTable("users").set({ locale: null }).where("id", "=", industry.id).execute();
  });
});

describe("minutes awaiting confirmation", () => {
  it("are mailed to each organization asked to confirm, in Japanese for a Japanese reader, when circulated", async () => {
    const meti = await sessionUserFor("meti@accord.test");
    await getDb().updateTable("users").set({ locale: "ja" }).where("id", "=", meti.id).execute();
    const counterpart = await sessionUserFor("counterpart@accord.test");
    await setPreference(getDb(), counterpart.id, { mode: "digest", digestHour: 8 });
    const consultation = await getDb()
      .selectFrom("consultations")
      .select("id")
      .where("title", "=", "Bilateral review with METI and Toyotsu of the phase-down schedule")
      .executeTakeFirstOrThrow();
    const official = await cookieFor("official@accord.test");
    const send = (form: Record<string, string>) =>
      call(minutesAction, post(`/consultations/${consultation.id}/minutes`, form, official), { id: consultation.id });
    expect((await send({ intent: "create", body: "India presented the schedule.\n\nBoth sides will meet again." })).status).toBe(
      200,
    );
    const row = await getDb()
      .selectFrom("minutes")
      .select("version")
      .where("consultation_id", "=", consultation.id)
      .executeTakeFirstOrThrow();
    expect((await send({ intent: "circulate", version: String(row.version) })).status).toBe(200);

    await runOutbox(getDb(), deliver());
    const toMeti = smtp.received.filter((m) => m.to.includes("meti@accord.test"));
    expect(toMeti).toHaveLength(1);
    expect(toMeti[0]!.subject).toContain("貴組織の確認を待っている議事録");
    expect(toMeti[0]!.text).toContain(`/consultations/${consultation.id}/minutes`);
    // The counterpart chose a digest: no single mail now; the digest lists it.
    expect(smtp.received.filter((m) => m.to.includes("counterpart@accord.test"))).toHaveLength(0);
    expect((await noticesFor(getDb(), counterpart)).map((n) => n.reason)).toContain("minutes_awaiting");
    // The Indian side drafted it and is not asked.
    expect(smtp.received.filter((m) => m.to.includes("official@accord.test"))).toHaveLength(0);
    await getDb().updateTable("users").set({ locale: null }).where("id", "=", meti.id).execute();
    await setPreference(getDb(), counterpart.id, { mode: "each", digestHour: 8 });
  });
});

describe("a milestone threatened by a late dependency", () => {
  it("is a notice for its owner organization", async () => {
    const db = getDb();
    const deps = await db
      .selectFrom("milestone_dependencies as d")
      .innerJoin("milestones as m", "m.id", "d.milestone_id")
      .innerJoin("milestones as p", "p.id", "d.depends_on_id")
      .select(["m.id", "m.owner_organization_id", "m.due_date", "p.id as dep_id", "p.due_date as dep_due"])
      .where("m.status", "!=", "done")
      .where("p.status", "!=", "done")
      .where("m.archived_at", "is", null)
      .execute();
    const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // On a day after the dependency's due date but before the milestone's own, it is threatened.
    const edge = deps.find((d) => dayAfter(d.dep_due) < d.due_date);
    expect(edge).toBeDefined();
    const between = dayAfter(edge!.dep_due);
    const owner = await db
      .selectFrom("users")
      .select("email")
      .where("organization_id", "=", edge!.owner_organization_id)
      .where("role", "in", ["official", "irel", "admin"])
      .executeTakeFirstOrThrow();
    const user = await sessionUserFor(owner.email);
    const notices = await noticesFor(db, user, between);
    expect(notices.find((n) => n.id === edge!.id)?.reason).toBe("milestone_threatened");
  });
});
