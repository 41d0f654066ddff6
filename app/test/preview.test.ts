/**
 * Seeing what the other side sees: portion marks on every brief item, previews of the brief, an
 * issue page and the dashboard as an external organization (never wider than the previewer's
 * own view, read-only, audited), and comments that start at the strictest level.
 */
import { describe, expect, it } from "vitest";

import type { Brief } from "~/models/brief.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as briefLoader } from "~/routes/brief";
import { loader as consultationLoader } from "~/routes/consultations.$id";
import { action as issueAction, loader as issueLoader } from "~/routes/issues.$issueId._index";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, demoData, get, post } from "./fixtures";

async function issueId(title: string): Promise<string> {
  await demoData();
  return (await getDb().selectFrom("issues").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
}

async function briefAs(email: string, query = ""): Promise<{ status: number; brief?: Brief; preview?: { active: unknown } }> {
  const res = await call(briefLoader, get(`/brief${query}`, await cookieFor(email)));
  const d = res.data as { brief?: Brief; preview?: { active: unknown } } | null;
  return { status: res.status, brief: d?.brief, preview: d?.preview };
}

const titles = (b: Brief) => ({
  issues: b.issues.map((i) => i.title).sort(),
  consultations: b.consultations.map((c) => c.title).sort(),
  milestones: b.milestones.map((m) => m.title).sort(),
});

describe("portion marks", () => {
  it("give every item of the brief its own level", async () => {
    const { brief } = await briefAs("official@accord.test");
    const levels = new Set(["shared", "internal", "restricted"]);
    for (const issue of brief!.issues) {
      expect(levels.has(issue.visibility)).toBe(true);
      for (const p of issue.positions) if (p.stance) expect(levels.has(p.visibility!), `${issue.title} ${p.party}`).toBe(true);
      if (issue.assessment) expect(levels.has(issue.assessment.visibility)).toBe(true);
    }
    for (const m of brief!.milestones) expect(levels.has(m.visibility)).toBe(true);
    for (const c of brief!.consultations) expect(levels.has(c.visibility)).toBe(true);
    expect(brief!.supply?.visibility).toBe("internal");
    // An internal issue is marked internal, not with the brief's overall banner.
    expect(brief!.issues.find((i) => i.title === "Domestic priority allocation")?.visibility).toBe("internal");
    expect(brief!.classification).toBe("restricted");
  });
});

describe("previewing as an external organization", () => {
  it("shows the brief exactly as METI's own user sees it", async () => {
    const ctx = await demoData();
    const preview = await briefAs("official@accord.test", `?as=${ctx.org.meti}`);
    const meti = await briefAs("meti@accord.test");
    expect(preview.status).toBe(200);
    expect(titles(preview.brief!)).toEqual(titles(meti.brief!));
    expect(preview.brief!.levels).toEqual(["shared"]);
    expect(preview.brief!.supply).toBeNull();
    expect(preview.brief!.overall).toBeNull();
    expect(preview.preview!.active).toMatchObject({ organizationId: ctx.org.meti });
  });

  it("cannot be widened by asking for more levels", async () => {
    const ctx = await demoData();
    expect((await briefAs("official@accord.test", `?as=${ctx.org.meti}&levels=internal`)).status).toBe(400);
    expect((await briefAs("official@accord.test", `?as=${ctx.org.meti}&levels=restricted`)).status).toBe(400);
  });

  it("shows an issue page as SIAM would, and answers 404 for an issue SIAM cannot see", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("official@accord.test");
    const shared = await issueId("Joint magnet-manufacturing partnership in India");
    const internal = await issueId("Domestic priority allocation");
    const ok = await call(issueLoader, get(`/issues/${shared}?as=${ctx.org.siam}`, cookie), { issueId: shared });
    expect(ok.status).toBe(200);
    const d = ok.data as { canManage: boolean; recordable: unknown[]; timeline: { visibility: string }[] };
    expect(d.canManage).toBe(false);
    expect(d.recordable).toEqual([]);
    expect(d.timeline.every((p) => p.visibility === "shared")).toBe(true);
    const siamOwn = await call(issueLoader, get(`/issues/${shared}`, await cookieFor("industry@accord.test")), {
      issueId: shared,
    });
    expect((d.timeline as unknown[]).length).toBe((siamOwn.data as { timeline: unknown[] }).timeline.length);
    expect((await call(issueLoader, get(`/issues/${internal}?as=${ctx.org.siam}`, cookie), { issueId: internal })).status).toBe(
      404,
    );
    // The official's own view of the same issue holds more.
    expect((await call(issueLoader, get(`/issues/${internal}`, cookie), { issueId: internal })).status).toBe(200);
  });

  it("shows the dashboard as Toyotsu would", async () => {
    const ctx = await demoData();
    const preview = await call(homeLoader, get(`/?as=${ctx.org.toyotsu}`, await cookieFor("diplomat@accord.test")));
    const own = await call(homeLoader, get("/", await cookieFor("counterpart@accord.test")));
    const pick = (r: typeof preview) => {
      const d = (r.data as { dashboard: { consultations: { title: string }[] } }).dashboard;
      return d.consultations.map((c) => c.title);
    };
    expect(preview.status).toBe(200);
    expect(pick(preview)).toEqual(pick(own));
  });

  it("is refused to external users and for the Indian side's own bodies, as 404", async () => {
    const ctx = await demoData();
    expect((await briefAs("meti@accord.test", `?as=${ctx.org.toyotsu}`)).status).toBe(404);
    expect((await briefAs("industry@accord.test", `?as=${ctx.org.meti}`)).status).toBe(404);
    expect((await briefAs("official@accord.test", `?as=${ctx.org.mines}`)).status).toBe(404);
    expect((await briefAs("official@accord.test", "?as=no-such-org")).status).toBe(404);
  });

  it("is audited: who previewed as whom, and where", async () => {
    const ctx = await demoData();
    await briefAs("irel@accord.test", `?as=${ctx.org.toyotaTsusho}`);
    const events = await getDb()
      .selectFrom("audit_events")
      .select(["actor_id", "entity_id", "after_json"])
      .where("action", "=", "preview.view")
      .where("entity_id", "=", ctx.org.toyotaTsusho)
      .execute();
    expect(events.map((e) => e.actor_id)).toContain(ctx.user["irel@accord.test"]);
    expect(events.some((e) => JSON.parse(e.after_json ?? "{}").path === "/brief")).toBe(true);
  });

  it("changes nothing: a post with ?as= is the official's own, and the preview offers no forms", async () => {
    const ctx = await demoData();
    const id = await issueId("Joint magnet-manufacturing partnership in India");
    const res = await call(issueLoader, get(`/issues/${id}?as=${ctx.org.meti}`, await cookieFor("official@accord.test")), {
      issueId: id,
    });
    const d = res.data as { canAssess: boolean; canManage: boolean; linkChoices: unknown[]; sourceChoices: unknown[] };
    expect([d.canAssess, d.canManage, d.linkChoices.length]).toEqual([false, false, 0]);
    // The action never reads ?as=; an unknown intent is refused as before.
    const posted = await call(
      issueAction,
      post(`/issues/${id}?as=${ctx.org.meti}`, { intent: "nothing" }, await cookieFor("official@accord.test")),
      {
        issueId: id,
      },
    );
    expect(posted.status).toBe(400);
  });
});

describe("comments", () => {
  it("start at the strictest level the author may use, not Shared", async () => {
    await demoData();
    const row = await getDb()
      .selectFrom("consultations")
      .select("id")
      .where("title", "=", "Meeting with METI on rare-earth supply cooperation")
      .executeTakeFirstOrThrow();
    const defaultFor = async (email: string) =>
      (
        (await call(consultationLoader, get(`/consultations/${row.id}`, await cookieFor(email)), { id: row.id })).data as {
          commentDefault: string | null;
        }
      ).commentDefault;
    expect(await defaultFor("official@accord.test")).toBe("restricted");
    expect(await defaultFor("irel@accord.test")).toBe("internal");
    expect(await defaultFor("meti@accord.test")).toBe("shared");
  });
});
