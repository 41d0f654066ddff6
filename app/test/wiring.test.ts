/** The seams between features: consultations ↔ issues, milestones ↔ issues. */
import { describe, expect, it } from "vitest";

import { setIssueArchived } from "~/models/issues.server";
import { createMilestone } from "~/models/milestones.server";
import { action as consultationAction, loader as consultationLoader } from "~/routes/consultations.$id";
import { loader as issueLoader } from "~/routes/issues.$issueId._index";
import { action as milestoneAction, loader as milestoneLoader } from "~/routes/milestones.$milestoneId";
import { action as newMilestoneAction } from "~/routes/milestones.new";
import { getDb } from "~/utils/db.server";
import type { DemoContext } from "~db/seed/demo";

import { createTestIssue, insertConsultation, milestoneForm, type Form } from "./factories";
import { call, cookieFor, countRows, demoData, get, post, sessionUserFor } from "./fixtures";

const PHASE_DOWN = "Phase-down of exports under the 2012 arrangement";
const VOLUMES = "Transition-period volumes";
const BINDING = "Binding terms of the 2012 agreement";
const DOMESTIC = "Domestic priority allocation";

async function issueIdOf(title: string): Promise<string> {
  return (await getDb().selectFrom("issues").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
}

async function milestoneIdOf(title: string): Promise<string> {
  return (await getDb().selectFrom("milestones").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
}

async function makeConsultation(ctx: DemoContext, title: string, orgs: string[]): Promise<string> {
  return insertConsultation(ctx, { title, orgs, startsAt: "2026-11-20T05:00:00.000Z" });
}

type ConsultationPage = { linkedIssues: { title: string }[]; issueLinkChoices: { id: string }[]; canLinkIssues: boolean };

describe("issues on the consultation page", () => {
  it("links issues from the consultation page and shows each reader only the issues it may see", async () => {
    const ctx = await demoData();
    const db = getDb();
    const official = await cookieFor("official@accord.test");
    const id = await makeConsultation(ctx, "Wiring: Tokyo technical round", [ctx.org.moci, ctx.org.toyotsu]);
    // Shared, but Toyotsu is no party to it: a counterpart must not see it.
    const siamOnly = await createTestIssue(ctx, "Wiring: automotive offtake terms", [ctx.org.moci, ctx.org.siam]);
    const linkIssue = (issueId: string, cookie: string) =>
      call(consultationAction, post(`/consultations/${id}`, { intent: "link-issue", issueId }, cookie), { id });

    for (const issue of [await issueIdOf(PHASE_DOWN), await issueIdOf(DOMESTIC), siamOnly.id]) {
      expect((await linkIssue(issue, official)).status).toBe(200);
    }
    const page = async (email: string) => call(consultationLoader, get(`/consultations/${id}`, await cookieFor(email)), { id });
    const titles = async (email: string) => ((await page(email)).data as ConsultationPage).linkedIssues.map((i) => i.title);

    expect(await titles("official@accord.test")).toEqual([PHASE_DOWN, DOMESTIC, "Wiring: automotive offtake terms"].sort());
    expect(await titles("counterpart@accord.test")).toEqual([PHASE_DOWN]);
    const counterpartPage = (await page("counterpart@accord.test")).data as ConsultationPage;
    expect(counterpartPage.canLinkIssues).toBe(false);
    expect(counterpartPage.issueLinkChoices).toEqual([]);
    // METI took no part: the consultation itself is hidden.
    expect((await page("meti@accord.test")).status).toBe(404);

    const linked = ((await page("official@accord.test")).data as ConsultationPage).issueLinkChoices.map((c) => c.id);
    expect(linked).not.toContain(siamOnly.id);
    const audit = await db
      .selectFrom("audit_events")
      .select("entity_id")
      .where("action", "=", "issue.link_consultation")
      .where("after_json", "like", `%${id}%`)
      .execute();
    expect(audit).toHaveLength(3);
  });

  it("refuses an unknown, archived or hidden issue, and a reader who may not link, storing nothing", async () => {
    const ctx = await demoData();
    const db = getDb();
    const id = await makeConsultation(ctx, "Wiring: refusals", [ctx.org.moci, ctx.org.toyotsu]);
    const official = await cookieFor("official@accord.test");
    const archived = await createTestIssue(ctx, "Wiring: an archived issue", [ctx.org.moci, ctx.org.toyotsu]);
    await setIssueArchived(db, ctx.user["official@accord.test"]!, archived.id, archived.version, true);
    const linkIssue = (issueId: string, cookie: string) =>
      call(consultationAction, post(`/consultations/${id}`, { intent: "link-issue", issueId }, cookie), { id });

    for (const issueId of ["", "no-such-issue", archived.id]) {
      const res = await linkIssue(issueId, official);
      expect(res.status).toBe(400);
      expect((res.data as { fieldErrors: Record<string, string> }).fieldErrors.issueId).toMatch(/Choose an issue/);
    }
    // A counterpart party to the consultation may read it, not link to it.
    expect((await linkIssue(await issueIdOf(PHASE_DOWN), await cookieFor("counterpart@accord.test"))).status).toBe(404);
    // IREL sees internal issues but does not run the register.
    expect((await linkIssue(await issueIdOf(DOMESTIC), await cookieFor("irel@accord.test"))).status).toBe(404);
    expect(await db.selectFrom("consultation_issues").select("issue_id").where("consultation_id", "=", id).execute()).toEqual([]);
  });
});

type MilestonePage = { issues: { id: string; title: string }[]; options: { issues: { id: string }[] } | null };
type IssuePage = { milestones: { id: string; title: string }[] };

function wiringMilestoneForm(ctx: DemoContext, over: Form = {}): Form {
  return milestoneForm(ctx, {
    title: "Wiring milestone",
    category: "negotiation",
    dueDate: "2027-06-30",
    visibility: "shared",
    partyOrganizationIds: [ctx.org.toyotsu],
    ...over,
  });
}

describe("negotiation issues linked to milestones", () => {
  it("shows the demo links on both pages, each side only to those who may see it", async () => {
    await demoData();
    const phaseDown = await milestoneIdOf("Export phase-down schedule agreed with Toyotsu");
    const milestonePage = async (email: string, milestoneId: string) =>
      call(milestoneLoader, get(`/milestones/${milestoneId}`, await cookieFor(email)), { milestoneId });
    const issueTitles = async (email: string, milestoneId: string) =>
      ((await milestonePage(email, milestoneId)).data as MilestonePage).issues.map((i) => i.title);

    expect(await issueTitles("counterpart@accord.test", phaseDown)).toEqual([PHASE_DOWN, VOLUMES]);
    expect(await issueTitles("official@accord.test", phaseDown)).toEqual([PHASE_DOWN, VOLUMES]);
    // The incentive schemes advance an internal issue: industry sees the milestone, not the issue.
    const incentives = await milestoneIdOf("Incentive schemes for rare-earth processing and magnet manufacturing finalised");
    expect(await issueTitles("official@accord.test", incentives)).toEqual([DOMESTIC]);
    expect(await issueTitles("industry@accord.test", incentives)).toEqual([]);

    const binding = await issueIdOf(BINDING);
    const milestonesOn = async (email: string, issueId: string) => {
      const res = await call(issueLoader, get(`/issues/${issueId}`, await cookieFor(email)), { issueId });
      expect(res.status).toBe(200);
      return res.data.milestones.map((m) => m.title);
    };
    expect(await milestonesOn("official@accord.test", binding)).toEqual([
      "Fallback position on the binding terms approved",
      "Amended supply arrangement signed",
    ]);
    // The fallback is restricted: IREL and the counterparts never see it.
    expect(await milestonesOn("irel@accord.test", binding)).toEqual(["Amended supply arrangement signed"]);
    expect(await milestonesOn("counterpart@accord.test", binding)).toEqual(["Amended supply arrangement signed"]);
    expect(await milestonesOn("meti@accord.test", binding)).toEqual(["Amended supply arrangement signed"]);
    // METI is party to the volumes issue but to none of the milestones linked to it.
    expect(await milestonesOn("meti@accord.test", await issueIdOf(VOLUMES))).toEqual([]);
  });

  it("creates and edits links through the form, audited, and refuses unknown or invisible issues", async () => {
    const ctx = await demoData();
    const db = getDb();
    const official = await cookieFor("official@accord.test");
    const phaseDown = await issueIdOf(PHASE_DOWN);
    const binding = await issueIdOf(BINDING);
    const count = () => countRows("milestones");
    const linkCount = () => countRows("milestone_issues");

    const before = await count();
    const links = await linkCount();
    const bad = await call(
      newMilestoneAction,
      post(
        "/milestones/new",
        wiringMilestoneForm(ctx, { title: "Wiring: bad link", issueIds: [phaseDown, "no-such-issue"] }),
        official,
      ),
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { fieldErrors: Record<string, string> }).fieldErrors.issueIds).toMatch(/issue/);
    expect(await count()).toBe(before);
    expect(await linkCount()).toBe(links);

    const created = await call(
      newMilestoneAction,
      post("/milestones/new", wiringMilestoneForm(ctx, { title: "Wiring: linked milestone", issueIds: [phaseDown] }), official),
    );
    expect(created.status).toBe(302);
    const id = await milestoneIdOf("Wiring: linked milestone");
    const page = (await call(milestoneLoader, get(`/milestones/${id}`, official), { milestoneId: id })).data as MilestonePage;
    expect(page.issues.map((i) => i.id)).toEqual([phaseDown]);
    expect(page.options?.issues.map((i) => i.id)).toContain(binding);

    const row = await db.selectFrom("milestones").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    const edit = await call(
      milestoneAction,
      post(
        `/milestones/${id}`,
        {
          ...wiringMilestoneForm(ctx, { title: "Wiring: linked milestone", issueIds: [binding] }),
          intent: "save",
          version: String(row.version),
        },
        official,
      ),
      { milestoneId: id },
    );
    expect(edit.status).toBe(200);
    const issuePage = async (issueId: string) =>
      ((await call(issueLoader, get(`/issues/${issueId}`, official), { issueId })).data as IssuePage).milestones.map((m) => m.id);
    expect(await issuePage(binding)).toContain(id);
    expect(await issuePage(phaseDown)).not.toContain(id);
    const audit = await db
      .selectFrom("audit_events")
      .select(["before_json", "after_json"])
      .where("entity_id", "=", id)
      .where("action", "=", "milestone.update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!).issue_ids).toEqual([phaseDown]);
    expect(JSON.parse(audit.after_json!).issue_ids).toEqual([binding]);

    const badEdit = await call(
      milestoneAction,
      post(
        `/milestones/${id}`,
        {
          ...wiringMilestoneForm(ctx, { title: "Wiring: renamed", issueIds: ["no-such-issue"] }),
          intent: "save",
          version: String(row.version + 1),
        },
        official,
      ),
      { milestoneId: id },
    );
    expect(badEdit.status).toBe(400);
    expect(await db.selectFrom("milestones").select("title").where("id", "=", id).executeTakeFirstOrThrow()).toEqual({
      title: "Wiring: linked milestone",
    });
    expect(await issuePage(binding)).toContain(id);
  });

  it("refuses an issue the editor cannot see or that is archived, storing nothing", async () => {
    const ctx = await demoData();
    const db = getDb();
    const secret = await createTestIssue(ctx, "Wiring: restricted issue", [ctx.org.moci], {
      priority: "high",
      visibility: "restricted",
    });
    const archived = await createTestIssue(ctx, "Wiring: archived for milestones", [ctx.org.moci], { visibility: "internal" });
    await setIssueArchived(db, ctx.user["official@accord.test"]!, archived.id, archived.version, true);
    const input = {
      title: "Wiring: hidden link",
      category: "policy" as const,
      ownerOrganizationId: ctx.org.irel,
      dueDate: "2027-01-01",
      status: "planned" as const,
      visibility: "internal" as const,
      dependsOn: [],
      partyOrganizationIds: [],
    };

    // The routes let only officials edit; the model still checks what each editor may see.
    const irel = await sessionUserFor("irel@accord.test");
    expect(await createMilestone(db, irel, { ...input, issueIds: [secret.id] })).toMatchObject({
      ok: false,
      reason: "refused",
      code: "invalid",
      fieldErrors: { issueIds: expect.any(String) },
    });
    const official = await sessionUserFor("official@accord.test");
    expect(await createMilestone(db, official, { ...input, issueIds: [archived.id] })).toMatchObject({
      ok: false,
      reason: "refused",
      code: "invalid",
    });
    expect(
      await db.selectFrom("milestones").select("id").where("title", "=", "Wiring: hidden link").executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await db.selectFrom("milestone_issues").select("milestone_id").where("issue_id", "in", [secret.id, archived.id]).execute(),
    ).toEqual([]);

    // A milestone page for a counterpart never lists the restricted issue an official linked.
    const linked = await createMilestone(db, official, {
      ...input,
      title: "Wiring: shared with a secret",
      visibility: "shared",
      ownerOrganizationId: ctx.org.moci,
      partyOrganizationIds: [ctx.org.toyotsu],
      issueIds: [secret.id, await issueIdOf(PHASE_DOWN)],
    });
    expect(linked.ok).toBe(true);
    const id = linked.ok ? linked.record.id : "";
    const counterpart = (
      await call(milestoneLoader, get(`/milestones/${id}`, await cookieFor("counterpart@accord.test")), { milestoneId: id })
    ).data as MilestonePage;
    expect(counterpart.issues.map((i) => i.title)).toEqual([PHASE_DOWN]);
    expect(
      (await call(issueLoader, get(`/issues/${secret.id}`, await cookieFor("counterpart@accord.test")), { issueId: secret.id }))
        .status,
    ).toBe(404);
  });

  it("keeps the demo links idempotent", async () => {
    const ctx = await demoData();
    const links = await getDb()
      .selectFrom("milestone_issues")
      .select(["milestone_id", "issue_id"])
      .orderBy("milestone_id")
      .orderBy("issue_id")
      .execute();
    const { seedMilestones } = await import("~db/seed/milestones");
    await seedMilestones(ctx);
    expect(
      await getDb()
        .selectFrom("milestone_issues")
        .select(["milestone_id", "issue_id"])
        .orderBy("milestone_id")
        .orderBy("issue_id")
        .execute(),
    ).toEqual(links);
  });
});
