/**
 * Test factories: the records integration tests make, made one way. Form factories return what a
 * browser would post (overrides win); `insert…` factories write rows directly, for tests that need
 * a record without going through its action (a chosen time, no audit event).
 */
import { expect } from "vitest";

import { createIssue, type IssueInput } from "~/models/issues.server";
import { loader as consultationEditLoader } from "~/routes/consultations.$id_.edit";
import { action as demandNewAction } from "~/routes/demand.new";
import { action as milestoneNewAction } from "~/routes/milestones.new";
import { getDb } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { Visibility } from "~db/schema";
import type { DemoContext } from "~db/seed/demo";

import { call, cookieFor, get, post } from "./fixtures";

export type Form = Record<string, string | string[]>;

/** A consultation row and its participants, created by the official; returns its id. */
export async function insertConsultation(
  ctx: DemoContext,
  {
    title,
    visibility = "shared",
    orgs = [],
    startsAt = nowIso(),
    location = null,
    at = nowIso(),
  }: { title: string; visibility?: Visibility; orgs?: string[]; startsAt?: string; location?: string | null; at?: string },
): Promise<string> {
  const db = getDb();
  const id = newId();
  await db
    .insertInto("consultations")
    .values({
      id,
      title,
      starts_at: startsAt,
      time_zone: "Asia/Kolkata",
      mode: "video",
      kind: "bilateral",
      location,
      visibility,
      created_by: ctx.user["official@accord.test"]!,
      archived_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const org of orgs)
    await db.insertInto("consultation_participants").values({ consultation_id: id, organization_id: org }).execute();
  return id;
}

/** The new-consultation form: a restricted inter-ministerial meeting with one open action. */
export function consultationForm(ctx: DemoContext, overrides: Form = {}): Form {
  return {
    title: `Test consultation ${newId().slice(0, 8)}`,
    startsLocal: "2026-11-20T11:00",
    timeZone: "Asia/Kolkata",
    mode: "in_person",
    kind: "inter_ministerial",
    location: "Udyog Bhawan",
    participants: [ctx.org.moci, ctx.org.irel],
    agenda: "Fall-back options",
    notes: "Discussed.",
    outcome: "",
    visibility: "restricted",
    "actions.0.description": "RESTRICTEDACTION brief the minister on the walk-away volume",
    "actions.0.ownerOrganizationId": ctx.org.moci,
    "actions.0.dueDate": "2026-12-10",
    "actions.0.status": "open",
    ...overrides,
  };
}

/** A consultation's edit form as the official loads it, ready to post back. */
export async function consultationEditForm(id: string): Promise<Form> {
  const res = await call(consultationEditLoader, get(`/consultations/${id}/edit`, await cookieFor("official@accord.test")), {
    id,
  });
  const d = res.data as {
    version: number;
    defaults: Record<string, unknown> & { actions: Record<string, string>[]; participants: string[] };
  };
  const form: Form = {};
  for (const [k, v] of Object.entries(d.defaults)) if (typeof v === "string") form[k] = v;
  form.participants = d.defaults.participants;
  d.defaults.actions.forEach((a, i) => {
    for (const [k, v] of Object.entries(a)) form[`actions.${i}.${k}`] = v;
  });
  form.version = String(d.version);
  return form;
}

/** The new-milestone form: an internal policy milestone owned by the ministry. */
export function milestoneForm(ctx: DemoContext, overrides: Form = {}): Form {
  return {
    title: `Test milestone ${newId().slice(0, 8)}`,
    category: "policy",
    ownerOrganizationId: ctx.org.moci,
    dueDate: "2027-12-31",
    status: "planned",
    visibility: "internal",
    ...overrides,
  };
}

/** Creates a milestone through its action as `email` and returns its id. */
export async function createMilestone(email: string, form: Form): Promise<string> {
  const res = await call(milestoneNewAction, post("/milestones/new", form, await cookieFor(email)));
  expect(res.status).toBe(302);
  return (
    await getDb()
      .selectFrom("milestones")
      .select("id")
      .where("title", "=", form.title as string)
      .executeTakeFirstOrThrow()
  ).id;
}

/** The new demand request form: neodymium oxide for Indian magnets. */
export function demandRequestForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    material: "neodymium_oxide",
    quantity: "12.345",
    fiscalYear: "FY2027-28",
    sector: "automotive",
    endUse: "Test magnets for a hub motor",
    justification: "Integration test request.",
    forIndianMagnets: "on",
    ...overrides,
  };
}

/** Submits a demand request as `email` (a unique end use unless overridden) and returns its id. */
export async function createDemandRequest(email: string, overrides: Record<string, string> = {}): Promise<string> {
  const res = await call(
    demandNewAction,
    post("/demand/new", demandRequestForm({ endUse: `Test ${newId()}`, ...overrides }), await cookieFor(email)),
  );
  expect(res.status).toBe(302);
  return res.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
}

type UserForm = { email: string; displayName: string; role: string; organizationId: string; password: string };

/** The admin's new-user form: an official of the Ministry of Mines. */
export function userForm(ctx: DemoContext, overrides: Partial<UserForm> = {}): UserForm {
  return {
    email: "new.official@accord.test",
    displayName: "Nandini Rao",
    role: "official",
    organizationId: ctx.org.mines,
    password: "password1234",
    ...overrides,
  };
}

/** An open, low-priority issue created by the official through the model; overrides win. */
export function createTestIssue(ctx: DemoContext, title: string, parties: string[], overrides: Partial<IssueInput> = {}) {
  return createIssue(getDb(), ctx.user["official@accord.test"]!, {
    title,
    status: "open",
    priority: "low",
    visibility: "shared",
    parties,
    ...overrides,
  });
}
