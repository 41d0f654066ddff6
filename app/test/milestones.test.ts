import { describe, expect, it } from "vitest";

import { fixedT } from "~/i18n.server";
import { hashFeedToken } from "~/models/calendar.server";
import type { RiskReason } from "~/models/milestone-rules";
import { createMilestone, type MilestoneInput } from "~/models/milestones.server";
import { action as calendarAction, loader as calendarLoader } from "~/routes/calendar._index";
import { loader as feedLoader } from "~/routes/calendar.feed.$file";
import { loader as listLoader } from "~/routes/milestones._index";
import { action as milestoneAction, loader as milestoneLoader } from "~/routes/milestones.$milestoneId";
import { loader as csvLoader } from "~/routes/milestones.export[.csv]";
import { action as newAction, loader as newLoader } from "~/routes/milestones.new";
import { loader as timelineLoader } from "~/routes/milestones.timeline";
import { getDb } from "~/utils/db.server";
import { parseCalendar } from "~/utils/ics";
import { riskReasonText } from "~/utils/messages";
import type { Visibility } from "~db/schema";
import { DEMO_MILESTONES } from "~db/seed/milestones";

import { insertConsultation, milestoneForm } from "./factories";
import { call, cookieFor, countRows, demoData, get, post, sessionUserFor } from "./fixtures";

const TITLE = Object.fromEntries(DEMO_MILESTONES.map((m) => [m.key, m.title])) as Record<string, string>;

async function idOf(title: string): Promise<string> {
  return (await getDb().selectFrom("milestones").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
}

type ListRow = { id: string; title: string; risk: { level: string; reasons: RiskReason[] } };

async function listFor(email: string, query = ""): Promise<ListRow[]> {
  const res = await call(listLoader, get(`/milestones${query}`, await cookieFor(email)));
  expect(res.status).toBe(200);
  return res.data.rows;
}

const demoTitles = (rows: { title: string }[]) =>
  rows
    .map((r) => r.title)
    .filter((t) => Object.values(TITLE).includes(t))
    .sort();

/** Runs a resource route and returns its body, or the status it threw. */
async function fetchRoute(fn: typeof feedLoader, path: string, params: Record<string, string>) {
  try {
    const res = (await fn({ request: get(path), params, context: {} } as never)) as Response;
    return { status: res.status, body: await res.text(), headers: res.headers };
  } catch (thrown) {
    const t = thrown as { init?: { status?: number }; status?: number };
    return { status: t.init?.status ?? t.status ?? 500, body: "", headers: new Headers() };
  }
}

const VISIBLE: Record<string, string[]> = {
  "official@accord.test": Object.keys(TITLE),
  "diplomat@accord.test": Object.keys(TITLE),
  "irel@accord.test": Object.keys(TITLE).filter((k) => k !== "fallback"),
  "counterpart@accord.test": ["output450", "phaseDown", "amended"],
  "meti@accord.test": ["amended"],
  "industry@accord.test": ["incentives", "partner"],
  "elcina@accord.test": ["incentives", "partner"],
};

describe("milestone visibility", () => {
  for (const [email, keys] of Object.entries(VISIBLE)) {
    it(`${email} sees exactly its milestones in the list, the timeline, the export and by URL`, async () => {
      await demoData();
      const cookie = await cookieFor(email);
      const expected = keys.map((k) => TITLE[k]!).sort();
      expect(demoTitles(await listFor(email))).toEqual(expected);

      const timeline = await call(timelineLoader, get("/milestones/timeline?zoom=quarters", cookie));
      const points = timeline.data.layout?.points ?? [];
      expect(demoTitles(points)).toEqual(expected);

      const csv = await fetchRoute(csvLoader as never, "/milestones/export.csv", {});
      expect(csv.status).toBe(302); // no session: sent to sign in
      const exported = await (async () => {
        const res = (await csvLoader({
          request: get("/milestones/export.csv", cookie),
          params: {},
          context: {},
        } as never)) as Response;
        return res.text();
      })();
      for (const title of Object.values(TITLE)) expect(exported.includes(title)).toBe(expected.includes(title));

      for (const key of Object.keys(TITLE)) {
        const id = await idOf(TITLE[key]!);
        const res = await call(milestoneLoader, get(`/milestones/${id}`, cookie), { milestoneId: id });
        expect(res.status, `${email} → ${key}`).toBe(keys.includes(key) ? 200 : 404);
      }
    });
  }

  it("hides upstream and downstream milestones a counterpart may not see", async () => {
    const id = await idOf(TITLE.output450!);
    const res = await call(milestoneLoader, get(`/milestones/${id}`, await cookieFor("counterpart@accord.test")), {
      milestoneId: id,
    });
    const d = res.data as {
      upstream: { title: string }[];
      downstream: { title: string }[];
      parties: unknown;
      risk: { reasons: RiskReason[] };
    };
    expect(d.upstream).toEqual([]);
    expect(d.downstream.map((m) => m.title)).toEqual([TITLE.phaseDown]);
    expect(d.parties).toBeNull();
    // The reason never names the internal clearances milestone.
    expect(d.risk.reasons.map(riskReasonText).join(" ")).not.toContain("Clearances");
  });

  it("answers 404 to an unknown milestone and refuses a bad filter with 400", async () => {
    const cookie = await cookieFor("official@accord.test");
    expect((await call(milestoneLoader, get("/milestones/nope", cookie), { milestoneId: "nope" })).status).toBe(404);
    expect((await call(listLoader, get("/milestones?status=finished", cookie))).status).toBe(400);
    const zoom = await call(timelineLoader, get("/milestones/timeline?zoom=decades", cookie));
    expect(zoom.status).toBe(400);
    // A code and its values, worded by the error page in the reader's language; no English from the loader.
    expect(zoom.data).toEqual({
      code: "milestones:timeline.error.zoom",
      values: { zoom: "decades", choices: "quarters, halves, years" },
    });
    const coded = (d: unknown) => d as { code: string; values: Record<string, string> };
    expect(fixedT("ja")(coded(zoom.data).code, coded(zoom.data).values)).toContain("「decades」");
    const from = await call(timelineLoader, get("/milestones/timeline?from=tomorrow", cookie));
    expect(from.status).toBe(400);
    expect(from.data).toEqual({ code: "milestones:timeline.error.from", values: { from: "tomorrow" } });
    expect(fixedT("hi")(coded(from.data).code, coded(from.data).values)).toMatch(/^“tomorrow” कोई तिथि नहीं है/);
  });

  it("keeps the new-milestone page from everyone but officials and admins", async () => {
    for (const email of ["irel@accord.test", "diplomat@accord.test", "counterpart@accord.test", "industry@accord.test"]) {
      expect((await call(newLoader, get("/milestones/new", await cookieFor(email)))).status).toBe(404);
    }
    expect((await call(newLoader, get("/milestones/new", await cookieFor("official@accord.test")))).status).toBe(200);
  });
});

describe("milestone risk in the demo data (as of today)", () => {
  it("flags late milestones and what a slip drags with it, down a chain of three", async () => {
    const rows = await listFor("official@accord.test");
    const risk = (key: string) => rows.find((r) => r.title === TITLE[key])!.risk;
    expect(risk("clearances").level).toBe("late");
    expect(risk("output450").level).toBe("late");
    expect(risk("output450").reasons.map(riskReasonText)).toContain(
      "depends on 'Clearances for four new mines', due 2026-06-30, after this milestone's 2026-03-31; 'Clearances for four new mines' is late",
    );
    // clearances → 450 t → phase-down → amended arrangement
    expect(risk("phaseDown")).toMatchObject({ level: "threatened", late: false, threatened: true });
    expect(risk("phaseDown").reasons.map(riskReasonText)).toEqual([
      "depends on 'IREL produces 450 t of neodymium', due 2026-03-31, which is late",
    ]);
    expect(risk("amended").reasons.map(riskReasonText)).toEqual([
      "depends on 'Export phase-down schedule agreed with Toyotsu', which is itself threatened",
    ]);
    expect(risk("incentives").level).toBe("done");
    expect(risk("partner").level).toBe("on_track");

    const threatened = await listFor("official@accord.test", "?risk=threatened");
    expect(demoTitles(threatened)).toEqual([TITLE.amended, TITLE.doubled, TITLE.phaseDown].sort());
    expect(demoTitles(await listFor("official@accord.test", "?risk=late&category=production"))).toEqual([TITLE.output450]);
  });
});

async function milestoneCount(): Promise<number> {
  return countRows("milestones");
}

describe("creating and editing milestones", () => {
  it("refuses bad input with a message and stores nothing", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("official@accord.test");
    const before = await milestoneCount();
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ dueDate: "2027-02-30" }, "dueDate", /date like/],
      [{ dueDate: "next spring" }, "dueDate", /date like/],
      [{ status: "done" }, "completedOn", /needs its completion date/],
      [{ status: "done", completedOn: "2099-01-01" }, "completedOn", /future/],
      [{ status: "planned", completedOn: "2026-01-01" }, "completedOn", /only when the status is Done/],
      [{ dependsOn: "no-such-milestone" }, "dependsOn", /does not exist/],
      [{ ownerOrganizationId: "nope" }, "ownerOrganizationId", /active organization/],
      [{ category: "space" }, "category", /category/],
      [{ visibility: "secret" }, "visibility", /who may see/],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await call(newAction, post("/milestones/new", milestoneForm(ctx, overrides), cookie));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect((res.data as { fieldErrors: Record<string, string> }).fieldErrors[field]).toMatch(message);
    }
    expect(await milestoneCount()).toBe(before);
  });

  it("refuses a dependency the creator cannot see", async () => {
    const ctx = await demoData();
    // IREL may not create milestones through the routes; the model still checks what it is given.
    const irel = await sessionUserFor("irel@accord.test");
    const input: MilestoneInput = {
      title: "x",
      category: "policy",
      ownerOrganizationId: ctx.org.irel,
      dueDate: "2027-01-01",
      status: "planned",
      visibility: "internal",
      dependsOn: [await idOf(TITLE.fallback!)],
      partyOrganizationIds: [],
      issueIds: [],
    };
    const result = await createMilestone(getDb(), irel, input);
    expect(result).toMatchObject({ ok: false, reason: "refused", code: "invalid" });
    expect(await getDb().selectFrom("milestones").select("id").where("title", "=", "x").executeTakeFirst()).toBeUndefined();
  });

  it("creates a chain of three and refuses the change that would close a cycle, naming it", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("official@accord.test");
    const create = async (title: string, dependsOn: string[] = []) => {
      const res = await call(newAction, post("/milestones/new", milestoneForm(ctx, { title, dependsOn }), cookie));
      expect(res.status).toBe(302);
      return idOf(title);
    };
    const a = await create("Chain A");
    const b = await create("Chain B", [a]);
    const c = await create("Chain C", [b]);

    const row = await getDb().selectFrom("milestones").selectAll().where("id", "=", a).executeTakeFirstOrThrow();
    const edit = (dependsOn: string[]) =>
      call(
        milestoneAction,
        post(
          `/milestones/${a}`,
          { ...milestoneForm(ctx, { title: "Chain A", dependsOn }), intent: "save", version: String(row.version) },
          cookie,
        ),
        { milestoneId: a },
      );

    const cyclic = await edit([c]);
    expect(cyclic.status).toBe(400);
    expect((cyclic.data as { fieldErrors: Record<string, string> }).fieldErrors.dependsOn).toBe(
      "This would create a cycle: 'Chain A' would depend on 'Chain C', which depends on 'Chain B', which depends on 'Chain A'.",
    );
    const self = await edit([a]);
    expect(self.status).toBe(400);
    expect((self.data as { fieldErrors: Record<string, string> }).fieldErrors.dependsOn).toBe(
      "A milestone cannot depend on itself.",
    );
    const after = await getDb().selectFrom("milestones").selectAll().where("id", "=", a).executeTakeFirstOrThrow();
    expect(after.version).toBe(row.version);
    expect(
      await getDb().selectFrom("milestone_dependencies").select("depends_on_id").where("milestone_id", "=", a).execute(),
    ).toEqual([]);

    // Risk carries down the chain: A slips into the past, B and C are threatened.
    const late = await edit([]);
    expect(late.status).toBe(200);
    const v2 = (await getDb().selectFrom("milestones").select("version").where("id", "=", a).executeTakeFirstOrThrow()).version;
    const past = await call(
      milestoneAction,
      post(
        `/milestones/${a}`,
        { ...milestoneForm(ctx, { title: "Chain A", dueDate: "2026-11-01" }), intent: "save", version: String(v2) },
        cookie,
      ),
      { milestoneId: a },
    );
    expect(past.status).toBe(200);
    const rows = await listFor("official@accord.test");
    const level = (title: string) => rows.find((r) => r.title === title)!.risk;
    expect(level("Chain A").level).toBe("late");
    expect(level("Chain B")).toMatchObject({
      level: "threatened",
      reasons: [{ code: "dependency_late", dependency: "Chain A", dependencyDueDate: "2026-11-01" }],
    });
    expect(level("Chain C")).toMatchObject({
      level: "threatened",
      reasons: [{ code: "dependency_threatened", dependency: "Chain B" }],
    });

    // A stale edit is refused and the input echoed back.
    const stale = await call(
      milestoneAction,
      post(`/milestones/${a}`, { ...milestoneForm(ctx, { title: "Stale title" }), intent: "save", version: String(v2) }, cookie),
      { milestoneId: a },
    );
    expect(stale.status).toBe(409);
    expect((stale.data as { values: Record<string, string> }).values.title).toBe("Stale title");

    const audit = await getDb().selectFrom("audit_events").select("action").where("entity_id", "=", a).orderBy("at").execute();
    expect(audit.map((e) => e.action)).toEqual(["milestone.create", "milestone.update", "milestone.update"]);
  });
});

describe("archiving a milestone", () => {
  it("takes it off the list and refuses changes until it is restored; nothing is deleted", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("official@accord.test");
    const res = await call(newAction, post("/milestones/new", milestoneForm(ctx, { title: "To be archived" }), cookie));
    expect(res.status).toBe(302);
    const id = await idOf("To be archived");
    const archive = await call(milestoneAction, post(`/milestones/${id}`, { intent: "archive", version: "1" }, cookie), {
      milestoneId: id,
    });
    expect(archive.status).toBe(200);
    expect((await listFor("official@accord.test")).map((r) => r.title)).not.toContain("To be archived");
    // Still reachable by its address, with its history.
    const page = await call(milestoneLoader, get(`/milestones/${id}`, cookie), { milestoneId: id });
    expect(page.status).toBe(200);
    const refused = await call(
      milestoneAction,
      post(`/milestones/${id}`, { ...milestoneForm(ctx, { title: "Changed" }), intent: "save", version: "2" }, cookie),
      { milestoneId: id },
    );
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({
      intent: "other",
      formError: "This milestone is archived. Restore it before changing it.",
    });
    const stale = await call(milestoneAction, post(`/milestones/${id}`, { intent: "restore", version: "1" }, cookie), {
      milestoneId: id,
    });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ intent: "archive" });
    const restore = await call(milestoneAction, post(`/milestones/${id}`, { intent: "restore", version: "2" }, cookie), {
      milestoneId: id,
    });
    expect(restore.status).toBe(200);
    expect((await listFor("official@accord.test")).map((r) => r.title)).toContain("To be archived");
    // IREL may not archive.
    const irel = await call(
      milestoneAction,
      post(`/milestones/${id}`, { intent: "archive", version: "3" }, await cookieFor("irel@accord.test")),
      { milestoneId: id },
    );
    expect(irel.status).toBe(404);
  });
});

describe("the owner organization reports progress", () => {
  it("lets IREL update its own production milestone, and nothing else", async () => {
    await demoData();
    const irel = await cookieFor("irel@accord.test");
    const id = await idOf(TITLE.output450!);
    const { version } = await getDb().selectFrom("milestones").select("version").where("id", "=", id).executeTakeFirstOrThrow();

    const page = await call(milestoneLoader, get(`/milestones/${id}`, irel), { milestoneId: id });
    expect(page.data).toMatchObject({ canProgress: true, canManage: false });

    const bad = await call(
      milestoneAction,
      post(`/milestones/${id}`, { intent: "progress", status: "done", version: String(version) }, irel),
      { milestoneId: id },
    );
    expect(bad.status).toBe(400);

    const fullEdit = await call(
      milestoneAction,
      post(`/milestones/${id}`, { intent: "save", title: "Renamed", version: String(version) }, irel),
      { milestoneId: id },
    );
    expect(fullEdit.status).toBe(404);

    const ok = await call(
      milestoneAction,
      post(
        `/milestones/${id}`,
        {
          intent: "progress",
          status: "in_progress",
          progressNote: "Odisha separation plant running at full rate.",
          version: String(version),
        },
        irel,
      ),
      { milestoneId: id },
    );
    expect(ok.status).toBe(200);
    const row = await getDb().selectFrom("milestones").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "in_progress", version: version + 1, title: TITLE.output450 });

    const stale = await call(
      milestoneAction,
      post(`/milestones/${id}`, { intent: "progress", status: "blocked", version: String(version) }, irel),
      { milestoneId: id },
    );
    expect(stale.status).toBe(409);

    const history = (await call(milestoneLoader, get(`/milestones/${id}`, irel), { milestoneId: id })).data as {
      history: { from: string | null; to: string; note: string | null; actor: string }[];
    };
    expect(history.history.at(-1)).toMatchObject({
      from: "planned",
      to: "in_progress",
      note: "Odisha separation plant running at full rate.",
      actor: "Rahul Menon",
    });

    // Not its own: the Ministry of Mines owns the clearances.
    const clearances = await idOf(TITLE.clearances!);
    const other = await call(
      milestoneAction,
      post(`/milestones/${clearances}`, { intent: "progress", status: "done", completedOn: "2026-11-30", version: "1" }, irel),
      { milestoneId: clearances },
    );
    expect(other.status).toBe(404);
    // A counterpart that can see the milestone still may not report on it.
    const counterpart = await call(
      milestoneAction,
      post(
        `/milestones/${id}`,
        { intent: "progress", status: "blocked", version: String(version + 1) },
        await cookieFor("counterpart@accord.test"),
      ),
      { milestoneId: id },
    );
    expect(counterpart.status).toBe(404);
    // Nor on one it cannot see at all.
    const hidden = await call(
      milestoneAction,
      post(
        `/milestones/${clearances}`,
        { intent: "progress", status: "blocked", version: "1" },
        await cookieFor("counterpart@accord.test"),
      ),
      { milestoneId: clearances },
    );
    expect(hidden.status).toBe(404);
    expect(
      (await getDb().selectFrom("milestones").select("status").where("id", "=", clearances).executeTakeFirstOrThrow()).status,
    ).toBe("in_progress");
  });
});

describe("the calendar feed", () => {
  async function issue(email: string): Promise<string> {
    const res = await call(calendarAction, post("/calendar", { intent: "issue" }, await cookieFor(email)));
    expect(res.status).toBe(200);
    const url = (res.data as { feedUrl: string }).feedUrl;
    return url.slice(url.lastIndexOf("/") + 1);
  }
  const feed = (file: string) => fetchRoute(feedLoader, `/calendar/feed/${file}`, { file });

  async function consultation(title: string, visibility: Visibility, orgs: string[]) {
    await insertConsultation(await demoData(), {
      title,
      visibility,
      orgs,
      startsAt: "2026-12-10T04:30:00.000Z",
      location: "New Delhi, Vanijya Bhawan",
    });
  }

  it("holds only what the user may see, parses as RFC 5545, and dies on reset", async () => {
    const ctx = await demoData();
    await consultation("Feed: talks with Toyotsu", "shared", [ctx.org.moci, ctx.org.toyotsu]);
    await consultation("Feed: inter-ministerial", "internal", [ctx.org.moci, ctx.org.toyotsu]);

    const file = await issue("counterpart@accord.test");
    expect(file).toMatch(/^[A-Za-z0-9_-]{43}\.ics$/);
    // Only the hash is stored.
    const stored = await getDb()
      .selectFrom("calendar_feed_tokens")
      .select("token_hash")
      .where("user_id", "=", ctx.user["counterpart@accord.test"]!)
      .execute();
    expect(stored.map((s) => s.token_hash)).toEqual([hashFeedToken(file.replace(".ics", ""))]);

    const res = await feed(file);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const { calendar, events } = parseCalendar(res.body);
    expect(calendar.VERSION).toBe("2.0");
    const summaries = events.map((e) => e.SUMMARY).sort();
    expect(summaries.filter((s) => s!.startsWith("Milestone due:"))).toEqual(
      VISIBLE["counterpart@accord.test"]!.map((k) => `Milestone due: ${TITLE[k]}`).sort(),
    );
    // The demo data has consultations of its own; these two are this test's.
    expect(summaries.filter((s) => s!.startsWith("Consultation: Feed:"))).toEqual(["Consultation: Feed: talks with Toyotsu"]);
    const due = events.find((e) => e.SUMMARY === `Milestone due: ${TITLE.output450}`)!;
    expect(due["DTSTART;VALUE=DATE"]).toBe("20260331");
    expect(due.UID).toMatch(/^milestone-.+@accord$/);
    expect(due.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(events.every((e) => e.UID && e.DTSTAMP)).toBe(true);
    expect(res.body).not.toContain("Clearances");

    // The official's feed has everything, the internal consultation too.
    const official = parseCalendar((await feed(await issue("official@accord.test"))).body).events.map((e) => e.SUMMARY);
    expect(official).toContain("Consultation: Feed: inter-ministerial");
    expect(official).toContain(`Milestone due: ${TITLE.fallback}`);

    // Reset: the old address answers 404, the new one works.
    const renewed = await issue("counterpart@accord.test");
    expect((await feed(file)).status).toBe(404);
    expect((await feed(renewed)).status).toBe(200);
    const page = await call(calendarLoader, get("/calendar", await cookieFor("counterpart@accord.test")));
    expect(page.data.feed).not.toBeNull();

    // Turned off: 404 too.
    expect(
      (await call(calendarAction, post("/calendar", { intent: "revoke" }, await cookieFor("counterpart@accord.test")))).status,
    ).toBe(200);
    expect((await feed(renewed)).status).toBe(404);
  });

  it("answers 404 to an unknown or malformed token", async () => {
    await demoData();
    expect((await feed(`${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await feed("short.ics")).status).toBe(404);
    expect((await feed("no-extension")).status).toBe(404);
  });
});
