/**
 * Change history read from the audit log: every entry is judged by who could see the record at
 * the time of that version, not by who may see it now.
 */
import { describe, expect, it } from "vitest";

import { recordAudit } from "~/models/audit.server";
import { action as recordAction, loader as recordLoader } from "~/routes/consultations.$id";
import { action as editAction } from "~/routes/consultations.$id_.edit";
import { action as consultationNewAction } from "~/routes/consultations.new";
import { action as milestoneAction, loader as milestoneLoader } from "~/routes/milestones.$milestoneId";
import { getDb } from "~/utils/db.server";

import { consultationEditForm, consultationForm, createMilestone, milestoneForm } from "./factories";
import { call, cookieFor, demoData, get, post } from "./fixtures";

type Form = Record<string, string | string[]>;

// ---- Milestones ------------------------------------------------------------------------------

type MilestonePage = { history: { from: string | null; to: string; note: string | null }[] };

async function milestoneVersion(id: string): Promise<number> {
  return (await getDb().selectFrom("milestones").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
}

async function editMilestone(id: string, form: Form): Promise<void> {
  const res = await call(
    milestoneAction,
    post(
      `/milestones/${id}`,
      { ...form, intent: "save", version: String(await milestoneVersion(id)) },
      await cookieFor("official@accord.test"),
    ),
    { milestoneId: id },
  );
  expect(res.status).toBe(200);
}

async function milestoneHistory(email: string, id: string): Promise<MilestonePage["history"]> {
  const res = await call(milestoneLoader, get(`/milestones/${id}`, await cookieFor(email)), { milestoneId: id });
  expect(res.status, email).toBe(200);
  return res.data.history;
}

describe("milestone status history", () => {
  it("never shows a counterpart a version that was internal before the milestone was shared", async () => {
    const ctx = await demoData();
    const form = milestoneForm(ctx, {
      visibility: "internal",
      partyOrganizationIds: [ctx.org.toyotsu],
      progressNote: "SECRETNOTE fall-back if Toyotsu walks away",
    });
    const id = await createMilestone("official@accord.test", form);
    await editMilestone(id, { ...form, visibility: "shared", progressNote: "Schedule under discussion with Toyotsu." });
    await editMilestone(id, {
      ...form,
      visibility: "shared",
      progressNote: "Schedule under discussion with Toyotsu.",
      status: "in_progress",
    });

    const asCounterpart = await milestoneHistory("counterpart@accord.test", id);
    expect(JSON.stringify(asCounterpart)).not.toMatch(/SECRETNOTE/);
    // Only the change made while it was shared with Toyotsu.
    expect(asCounterpart).toEqual([expect.objectContaining({ from: "planned", to: "in_progress", note: null })]);

    const asOfficial = await milestoneHistory("official@accord.test", id);
    expect(asOfficial.map((h) => h.note)).toEqual([
      "SECRETNOTE fall-back if Toyotsu walks away",
      "Schedule under discussion with Toyotsu.",
      null,
    ]);
  });

  it("never shows IREL a note written while the milestone was restricted", async () => {
    const ctx = await demoData();
    const form = milestoneForm(ctx, { visibility: "restricted", progressNote: "RESTRICTEDNOTE red line on the 2027 volume" });
    const id = await createMilestone("official@accord.test", form);
    await editMilestone(id, { ...form, visibility: "internal", progressNote: "Volumes under review." });
    await editMilestone(id, { ...form, visibility: "internal", progressNote: "Volumes agreed with Mines." });

    const asIrel = await milestoneHistory("irel@accord.test", id);
    expect(JSON.stringify(asIrel)).not.toMatch(/RESTRICTEDNOTE/);
    expect(asIrel.map((h) => h.note)).toEqual(["Volumes agreed with Mines."]);
    const asDiplomat = await milestoneHistory("diplomat@accord.test", id);
    expect(asDiplomat.map((h) => h.note)).toEqual([
      "RESTRICTEDNOTE red line on the 2027 volume",
      "Volumes under review.",
      "Volumes agreed with Mines.",
    ]);
  });

  it("shows an external user only versions that named its organization as owner or party", async () => {
    const ctx = await demoData();
    const form = milestoneForm(ctx, {
      visibility: "shared",
      partyOrganizationIds: [ctx.org.meti],
      progressNote: "METIONLY bilateral line with METI",
    });
    const id = await createMilestone("official@accord.test", form);
    await editMilestone(id, {
      ...form,
      partyOrganizationIds: [ctx.org.meti, ctx.org.toyotsu],
      progressNote: "Joint schedule with METI and Toyotsu.",
    });
    await editMilestone(id, {
      ...form,
      partyOrganizationIds: [ctx.org.meti, ctx.org.toyotsu],
      progressNote: "Joint schedule agreed.",
    });

    const asCounterpart = await milestoneHistory("counterpart@accord.test", id);
    expect(JSON.stringify(asCounterpart)).not.toMatch(/METIONLY/);
    expect(asCounterpart.map((h) => h.note)).toEqual(["Joint schedule agreed."]);
    // METI was a party throughout and sees every version.
    expect((await milestoneHistory("meti@accord.test", id)).map((h) => h.note)).toEqual([
      "METIONLY bilateral line with METI",
      "Joint schedule with METI and Toyotsu.",
      "Joint schedule agreed.",
    ]);

    // As owner, without being a party, Toyotsu sees the whole history of its own milestone.
    const owned = milestoneForm(ctx, {
      visibility: "shared",
      ownerOrganizationId: ctx.org.toyotsu,
      progressNote: "Toyotsu's own first note",
    });
    const ownedId = await createMilestone("official@accord.test", owned);
    await editMilestone(ownedId, { ...owned, progressNote: "Toyotsu's own second note" });
    expect((await milestoneHistory("counterpart@accord.test", ownedId)).map((h) => h.note)).toEqual([
      "Toyotsu's own first note",
      "Toyotsu's own second note",
    ]);
  });

  it("hides an entry whose snapshot names no level from anyone who cannot read every level", async () => {
    const ctx = await demoData();
    const form = milestoneForm(ctx, { visibility: "shared", partyOrganizationIds: [ctx.org.toyotsu] });
    const id = await createMilestone("official@accord.test", form);
    // An older kind of entry, written without the level or the parties.
    await recordAudit(getDb(), {
      actorId: ctx.user["official@accord.test"]!,
      action: "milestone.progress",
      entityType: "milestone",
      entityId: id,
      before: { status: "planned" },
      after: { status: "blocked", progress_note: "NOLEVEL legacy note" },
    });

    for (const email of ["irel@accord.test", "counterpart@accord.test"]) {
      expect(JSON.stringify(await milestoneHistory(email, id)), email).not.toMatch(/NOLEVEL/);
    }
    expect((await milestoneHistory("official@accord.test", id)).map((h) => h.note)).toContain("NOLEVEL legacy note");
  });
});

// ---- Consultations ---------------------------------------------------------------------------

type ConsultationPage = { history: { action: string; changes: { field: string; before: string; after: string }[] }[] | null };

async function editConsultation(id: string, changes: Form): Promise<void> {
  const res = await call(
    editAction,
    post(
      `/consultations/${id}/edit`,
      { ...(await consultationEditForm(id)), ...changes },
      await cookieFor("official@accord.test"),
    ),
    { id },
  );
  expect(res.status).toBe(302);
}

async function completeAction(email: string, consultationId: string, description: string): Promise<string> {
  const action = await getDb()
    .selectFrom("follow_up_actions")
    .selectAll()
    .where("consultation_id", "=", consultationId)
    .where("description", "=", description)
    .executeTakeFirstOrThrow();
  const res = await call(
    recordAction,
    post(
      `/consultations/${consultationId}`,
      { intent: "complete", actionId: action.id, version: String(action.version) },
      await cookieFor(email),
    ),
    { id: consultationId },
  );
  expect(res.status).toBe(200);
  return action.id;
}

async function consultationHistoryFor(email: string, id: string): Promise<NonNullable<ConsultationPage["history"]>> {
  const res = await call(recordLoader, get(`/consultations/${id}`, await cookieFor(email)), { id });
  expect(res.status, email).toBe(200);
  return res.data.history!;
}

describe("consultation history of follow-up actions", () => {
  it("never shows IREL action text from when the consultation was restricted", async () => {
    const ctx = await demoData();
    const form = consultationForm(ctx);
    const created = await call(consultationNewAction, post("/consultations/new", form, await cookieFor("official@accord.test")));
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;

    const actionId = await completeAction("official@accord.test", id, form["actions.0.description"] as string);
    await editConsultation(id, { "actions.0.description": "Brief the minister" });
    await editConsultation(id, {
      visibility: "internal",
      "actions.1.description": "IREL to confirm plant capacity",
      "actions.1.ownerOrganizationId": ctx.org.irel,
      "actions.1.dueDate": "2026-12-15",
      "actions.1.status": "open",
    });
    // Done while internal: IREL may read this one.
    await completeAction("irel@accord.test", id, "IREL to confirm plant capacity");

    const asIrel = await consultationHistoryFor("irel@accord.test", id);
    expect(JSON.stringify(asIrel)).not.toMatch(/RESTRICTEDACTION/);
    expect(asIrel.map((h) => h.action)).toEqual(["follow_up.complete"]);
    expect(asIrel[0]!.changes[0]).toMatchObject({ field: "action", before: "IREL to confirm plant capacity" });

    const asOfficial = await consultationHistoryFor("official@accord.test", id);
    expect(asOfficial.map((h) => h.action)).toEqual([
      "consultation.create",
      "follow_up.complete",
      "consultation.update",
      "consultation.update",
      "follow_up.complete",
    ]);
    expect(JSON.stringify(asOfficial)).toMatch(/RESTRICTEDACTION/);

    // The entry carries the level the consultation had when the action was done.
    const audit = await getDb()
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_id", "=", actionId)
      .where("action", "=", "follow_up.complete")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!).visibility).toBe("restricted");
    expect(JSON.parse(audit.after_json!).visibility).toBe("restricted");
  });

  it("hides an older action entry that names no level from IREL, but not from officials", async () => {
    const ctx = await demoData();
    const form = consultationForm(ctx, { visibility: "internal", "actions.0.description": "Plain internal action" });
    const created = await call(consultationNewAction, post("/consultations/new", form, await cookieFor("official@accord.test")));
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;
    const action = await getDb()
      .selectFrom("follow_up_actions")
      .selectAll()
      .where("consultation_id", "=", id)
      .executeTakeFirstOrThrow();
    // As entries were written before they carried the consultation's level.
    await recordAudit(getDb(), {
      actorId: ctx.user["official@accord.test"]!,
      action: "follow_up.complete",
      entityType: "follow_up_action",
      entityId: action.id,
      before: { ...action, description: "LEGACYACTION written while restricted" },
      after: { ...action, description: "LEGACYACTION written while restricted", status: "done" },
    });

    const asIrel = await consultationHistoryFor("irel@accord.test", id);
    expect(JSON.stringify(asIrel)).not.toMatch(/LEGACYACTION/);
    expect(asIrel.map((h) => h.action)).toEqual(["consultation.create"]);
    expect(JSON.stringify(await consultationHistoryFor("official@accord.test", id))).toMatch(/LEGACYACTION/);
  });
});
