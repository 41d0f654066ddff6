import { describe, expect, it } from "vitest";

import type { Brief } from "~/models/brief.server";
import type { Dashboard } from "~/models/dashboard.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as actionsLoader } from "~/routes/actions";
import { loader as briefLoader } from "~/routes/brief";
import { loader as demandLoader } from "~/routes/demand._index";
import { loader as issuesLoader } from "~/routes/issues._index";
import { loader as milestonesLoader } from "~/routes/milestones._index";
import { DEMAND_STATUSES, ISSUE_STATUSES } from "~db/schema";
import { ONE_ACCOUNT_PER_ROLE } from "~db/seed/accounts";

import { call, cookieFor, demoData, get } from "./fixtures";

// Every role, and a second organization on each side that sees less.
const ROLES = [...ONE_ACCOUNT_PER_ROLE, "meti@accord.test", "elcina@accord.test"];

async function dashboardOf(cookie: string): Promise<Dashboard> {
  const res = await call(homeLoader, get("/", cookie));
  expect(res.status).toBe(200);
  return res.data.dashboard;
}

describe("dashboard figures equal the lists they link to", () => {
  for (const email of ROLES) {
    it(`for ${email}`, async () => {
      await demoData();
      const cookie = await cookieFor(email);
      const d = await dashboardOf(cookie);

      for (const status of ISSUE_STATUSES) {
        const list = (await call(issuesLoader, get(`/issues?status=${status}`, cookie))).data as { total: number };
        expect(d.issueCounts[status], `issues ${status}`).toBe(list.total);
      }
      for (const risk of ["late", "threatened"] as const) {
        const list = (await call(milestonesLoader, get(`/milestones?risk=${risk}`, cookie))).data as { rows: { id: string }[] };
        // The dashboard lists the first WATCH_LIMIT and counts the rest; the demo has fewer.
        expect(d.milestones[risk].map((m) => m.id).sort(), `milestones ${risk}`).toEqual(list.rows.map((r) => r.id).sort());
        expect(d.milestones[`${risk}Total`], `milestones ${risk} total`).toBe(list.rows.length);
      }
      const actions = (await call(actionsLoader, get("/actions", cookie))).data as { rows: { overdue: boolean }[] };
      expect(d.overdueActions).toBe(actions.rows.filter((r) => r.overdue).length);

      if (d.demandCounts) {
        for (const status of DEMAND_STATUSES) {
          const list = (await call(demandLoader, get(`/demand?status=${status}`, cookie))).data as { rows: unknown[] };
          expect(d.demandCounts[status] ?? 0, `demand ${status}`).toBe(list.rows.length);
        }
      }
    });
  }

  it("gives counterparts and industry no assessment and no supply figures", async () => {
    for (const email of ["counterpart@accord.test", "industry@accord.test"]) {
      const d = await dashboardOf(await cookieFor(email));
      expect(d.assessment).toBeNull();
      expect(d.supply).toBeNull();
    }
    const official = await dashboardOf(await cookieFor("official@accord.test"));
    expect(official.assessment).not.toBeNull();
    expect(official.supply?.rows.length).toBeGreaterThan(0);
  });

  it("shows the demo story: converging issues, a stuck one, late and threatened milestones", async () => {
    const d = await dashboardOf(await cookieFor("diplomat@accord.test"));
    expect(d.trends.converging).toBeGreaterThanOrEqual(2);
    expect(d.trends.stuck).toBeGreaterThanOrEqual(1);
    expect(d.milestones.late.length).toBeGreaterThanOrEqual(1);
    expect(d.milestones.threatened.length).toBeGreaterThanOrEqual(1);
  });
});

describe("the brief", () => {
  async function briefOf(email: string, query: string): Promise<{ status: number; brief?: Brief }> {
    const res = await call(briefLoader, get(`/brief${query}`, await cookieFor(email)));
    return { status: res.status, brief: res.data?.brief };
  }

  it("refuses levels the reader may not see, and unknown levels, with 400", async () => {
    await demoData();
    expect((await briefOf("irel@accord.test", "?levels=restricted")).status).toBe(400);
    expect((await briefOf("counterpart@accord.test", "?levels=internal")).status).toBe(400);
    expect((await briefOf("official@accord.test", "?levels=secret")).status).toBe(400);
  });

  it("holds only shared material when only shared is chosen, and says so on the banner", async () => {
    const { brief } = await briefOf("official@accord.test", "?levels=shared");
    expect(brief!.classification).toBe("shared");
    expect(brief!.consultations.every((c) => c.visibility === "shared")).toBe(true);
    expect(brief!.supply).toBeNull();
    expect(brief!.overall).toBeNull();
    const full = await briefOf("official@accord.test", "");
    expect(full.brief!.classification).toBe("restricted");
    expect(full.brief!.issues.length).toBeGreaterThan(brief!.issues.length);
  });

  it("gives a counterpart only what it may see", async () => {
    const { brief } = await briefOf("counterpart@accord.test", "");
    expect(brief!.levels).toEqual(["shared"]);
    const official = (await briefOf("official@accord.test", "?levels=shared")).brief!;
    // A counterpart sees a subset of what an official sees at the shared level.
    const officialIssues = new Set(official.issues.map((i) => i.id));
    expect(brief!.issues.every((i) => officialIssues.has(i.id))).toBe(true);
    expect(JSON.stringify(brief)).not.toMatch(/Domestic priority allocation|red line|Cabinet/i);
  });
});
