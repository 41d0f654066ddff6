import { describe, expect, it } from "vitest";

import { decideDemandRequest, listDemandRequests, remainingBalanceKg } from "~/models/demand.server";
import { balanceOf, totalsOf } from "~/models/supply-balance";
import { supplyYears } from "~/models/supply.server";
import { loader as listLoader } from "~/routes/demand._index";
import { action as requestAction, loader as requestLoader } from "~/routes/demand.$requestId";
import { loader as exportLoader } from "~/routes/demand.export[.csv]";
import { action as newAction, loader as newLoader } from "~/routes/demand.new";
import { loader as supplyLoader } from "~/routes/supply._index";
import { loader as balanceCsvLoader } from "~/routes/supply.balance[.csv]";
import { action as figureAction } from "~/routes/supply.figures.$figureId";
import type { Cursor } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";

import { createDemandRequest, demandRequestForm } from "./factories";
import { call, cookieFor, countRows, demoData, get, post, sessionUserFor } from "./fixtures";

process.env.ACCORD_TODAY = "2026-12-01";

const VALID = demandRequestForm();

async function countRequests() {
  return countRows("demand_requests");
}

async function submitAs(email: string, form: Record<string, string>) {
  return call(newAction, post("/demand/new", form, await cookieFor(email)));
}

const createRequest = createDemandRequest;

async function requestRow(id: string) {
  return getDb().selectFrom("demand_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function decide(id: string, version: number, form: Record<string, string>, cookie: string) {
  return call(
    requestAction,
    post(`/demand/${id}`, { intent: "decide", version: String(version), replaces: "", ...form }, cookie),
    { requestId: id },
  );
}

describe("an industry user submits a demand request", () => {
  it("refuses bad input with a clear message and stores nothing", async () => {
    await demoData();
    const before = await countRequests();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ quantity: "0" }, "quantity", /more than zero/],
      [{ quantity: "-3" }, "quantity", /positive/],
      [{ quantity: "lots" }, "quantity", /number of tonnes/],
      [{ quantity: "100000.5" }, "quantity", /at most/],
      [{ quantity: "1.2345" }, "quantity", /three decimals/],
      [{ material: "unobtainium" }, "material", /Choose a material/],
      [{ sector: "mining" }, "sector", /Choose a sector/],
      [{ fiscalYear: "FY2025-26" }, "fiscalYear", /FY2026-27 to FY2030-31/],
      [{ fiscalYear: "FY2031-32" }, "fiscalYear", /FY2026-27 to FY2030-31/],
      [{ fiscalYear: "2027-28" }, "fiscalYear", /like FY2026-27/],
      [{ justification: "   " }, "justification", /required/],
    ];
    for (const [override, field, message] of cases) {
      const res = await submitAs("industry@accord.test", { ...VALID, ...override });
      expect(res.status, JSON.stringify(override)).toBe(400);
      expect((res.data as { fieldErrors: Record<string, string> }).fieldErrors[field]).toMatch(message);
    }
    const ctx = await demoData();
    const other = await submitAs("industry@accord.test", { ...VALID, organizationId: ctx.org.elcina });
    expect(other.status).toBe(403);
    expect((other.data as { formError: string }).formError).toMatch(/only for Society of Indian Automobile Manufacturers/);
    expect(await countRequests()).toBe(before);
  });

  it("stores the quantity exactly in kilograms, for its own organization, submitted", async () => {
    const ctx = await demoData();
    const id = await createRequest("industry@accord.test");
    const row = await requestRow(id);
    expect(row.quantity_kg).toBe(12_345);
    expect(row.organization_id).toBe(ctx.org.siam);
    expect(row.status).toBe("submitted");
    expect(row.for_indian_magnets).toBe(1);
    const audit = await getDb().selectFrom("audit_events").select("action").where("entity_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(["demand_request.create"]);
  });

  it("offers exactly the current fiscal year and the next four", async () => {
    const res = await call(newLoader, get("/demand/new", await cookieFor("elcina@accord.test")));
    expect(res.data.offeredYears).toEqual(["FY2026-27", "FY2027-28", "FY2028-29", "FY2029-30", "FY2030-31"]);
    for (const email of ["official@accord.test", "irel@accord.test", "counterpart@accord.test"]) {
      expect((await call(newLoader, get("/demand/new", await cookieFor(email)))).status).toBe(404);
    }
  });
});

describe("who sees which requests", () => {
  it("keeps SIAM's requests from ELCINA in the page, the list, the totals and the export", async () => {
    const id = await createRequest("industry@accord.test", { endUse: "SIAM secret hub motors" });
    const elcina = await cookieFor("elcina@accord.test");
    expect((await call(requestLoader, get(`/demand/${id}`, elcina), { requestId: id })).status).toBe(404);
    expect(
      (await call(requestAction, post(`/demand/${id}`, { intent: "withdraw", version: "1" }, elcina), { requestId: id })).status,
    ).toBe(404);

    const list = (await call(listLoader, get("/demand", elcina))).data as {
      rows: { id: string; organization_id: string }[];
      totals: { count: number; requestedKg: number };
    };
    const ctx = await demoData();
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.organization_id === ctx.org.elcina)).toBe(true);
    const own = await getDb()
      .selectFrom("demand_requests")
      .select(["quantity_kg"])
      .where("organization_id", "=", ctx.org.elcina)
      .execute();
    expect(list.totals.count).toBe(own.length);
    expect(list.totals.requestedKg).toBe(own.reduce((s, r) => s + r.quantity_kg, 0));

    const csv = await (
      (await exportLoader({ request: get("/demand/export.csv", elcina), params: {}, context: {} } as never)) as Response
    ).text();
    expect(csv).not.toContain(id);
    expect(csv).not.toContain("SIAM");
    expect(csv).toContain("Electronic Industries Association of India");

    const filtered = (await call(listLoader, get(`/demand?organization=${ctx.org.siam}`, elcina))).data as {
      rows: unknown[];
      totals: { count: number };
    };
    expect(filtered.rows).toHaveLength(0);
    expect(filtered.totals.count).toBe(0);
  });

  it("shows counterparts nothing of demand or supply", async () => {
    const id = await createRequest("industry@accord.test");
    for (const email of ["counterpart@accord.test", "meti@accord.test"]) {
      const cookie = await cookieFor(email);
      expect((await call(listLoader, get("/demand", cookie))).status).toBe(404);
      expect((await call(requestLoader, get(`/demand/${id}`, cookie), { requestId: id })).status).toBe(404);
      expect((await call(exportLoader, get("/demand/export.csv", cookie))).status).toBe(404);
      expect((await call(supplyLoader, get("/supply", cookie))).status).toBe(404);
    }
  });

  it("lets every internal role read all requests, and only them read supply", async () => {
    const id = await createRequest("elcina@accord.test");
    for (const email of ["admin@accord.test", "official@accord.test", "irel@accord.test", "diplomat@accord.test"]) {
      const cookie = await cookieFor(email);
      expect((await call(requestLoader, get(`/demand/${id}`, cookie), { requestId: id })).status).toBe(200);
      expect((await call(supplyLoader, get("/supply", cookie))).status).toBe(200);
      expect((await call(balanceCsvLoader, get("/supply/balance.csv", cookie))).status).toBe(200);
    }
    for (const email of ["industry@accord.test", "elcina@accord.test"]) {
      const cookie = await cookieFor(email);
      expect((await call(supplyLoader, get("/supply", cookie))).status).toBe(404);
      expect((await call(balanceCsvLoader, get("/supply/balance.csv", cookie))).status).toBe(404);
      const own = await call(requestLoader, get(`/demand/${id}`, cookie), { requestId: id });
      if (email === "elcina@accord.test") expect(own.data.supply).toBeNull();
    }
  });

  it("pages with a keyset cursor, newest first, without gaps or repeats", async () => {
    const official = await sessionUserFor("official@accord.test");
    const db = getDb();
    const all = await db
      .selectFrom("demand_requests")
      .select(["id", "created_at"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    const seen: string[] = [];
    let cursor: Cursor | null = null;
    do {
      const page: Awaited<ReturnType<typeof listDemandRequests>> = await listDemandRequests(db, official, {}, cursor, 4);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(all.map((r) => r.id));
    const res = await call(listLoader, get("/demand?status=approved", await cookieFor("official@accord.test")));
    const body = res.data as { rows: { status: string }[]; nextHref: string | null };
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.every((r) => r.status === "approved")).toBe(true);
  });

  it("rejects a malformed filter with 400", async () => {
    expect((await call(listLoader, get("/demand?year=2027", await cookieFor("official@accord.test")))).status).toBe(400);
    expect((await call(listLoader, get("/demand?status=lost", await cookieFor("official@accord.test")))).status).toBe(400);
  });
});

describe("withdrawing", () => {
  it("lets the submitter withdraw an undecided request, and nothing after that", async () => {
    const id = await createRequest("industry@accord.test");
    const siam = await cookieFor("industry@accord.test");
    const res = await call(requestAction, post(`/demand/${id}`, { intent: "withdraw", version: "1" }, siam), { requestId: id });
    expect(res.status).toBe(200);
    expect((await requestRow(id)).status).toBe("withdrawn");
    const again = await call(requestAction, post(`/demand/${id}`, { intent: "withdraw", version: "2" }, siam), { requestId: id });
    expect(again.status).toBe(409);
    const official = await cookieFor("official@accord.test");
    const decided = await decide(id, 2, { outcome: "approved", reasons: "Too late" }, official);
    expect(decided.status).toBe(409);
    expect((decided.data as { formError: string }).formError).toMatch(/withdrawn/);
    expect(await getDb().selectFrom("demand_decisions").select("id").where("request_id", "=", id).execute()).toHaveLength(0);
  });
});

describe("deciding", () => {
  it("refuses decisions by anyone but officials, and bad decisions, storing nothing", async () => {
    const id = await createRequest("industry@accord.test", { quantity: "10" });
    for (const email of ["irel@accord.test", "diplomat@accord.test", "industry@accord.test"]) {
      const res = await decide(id, 1, { outcome: "approved", reasons: "I decide" }, await cookieFor(email));
      expect(res.status, email).toBe(404);
    }
    const official = await cookieFor("official@accord.test");
    expect((await decide(id, 1, { outcome: "partially_approved", allocated: "10", reasons: "Half" }, official)).status).toBe(400);
    expect((await decide(id, 1, { outcome: "partially_approved", allocated: "0", reasons: "None" }, official)).status).toBe(400);
    expect((await decide(id, 1, { outcome: "approved", reasons: "" }, official)).status).toBe(400);
    expect((await decide(id, 1, { outcome: "maybe", reasons: "Hmm" }, official)).status).toBe(400);
    const row = await requestRow(id);
    expect(row.status).toBe("submitted");
    expect(row.allocated_kg).toBeNull();
    expect(await getDb().selectFrom("demand_decisions").select("id").where("request_id", "=", id).execute()).toHaveLength(0);
  });

  it("changes the balance by exactly the tonnes allocated", async () => {
    const ctx = await demoData();
    const official = await sessionUserFor("official@accord.test");
    const db = getDb();
    const id = await createRequest("industry@accord.test", {
      material: "praseodymium_oxide",
      fiscalYear: "FY2028-29",
      quantity: "30.5",
    });
    const yearOf = async () =>
      (await supplyYears(db, official)).find((y) => y.material === "praseodymium_oxide" && y.fiscalYear === "FY2028-29")!;
    const before = balanceOf(await yearOf());
    const cookie = await cookieFor("official@accord.test");
    expect(
      (await call(requestAction, post(`/demand/${id}`, { intent: "review", version: "1" }, cookie), { requestId: id })).status,
    ).toBe(200);
    const res = await decide(
      id,
      2,
      { outcome: "partially_approved", allocated: "12.125", reasons: "Part of the request fits the balance." },
      cookie,
    );
    expect(res.status).toBe(200);
    const after = balanceOf(await yearOf());
    expect(before.balanceKg - after.balanceKg).toBe(12_125);
    expect(before.pendingKg - after.pendingKg).toBe(30_500);
    const row = await requestRow(id);
    expect(row).toMatchObject({ status: "partially_approved", allocated_kg: 12_125, version: 3 });
    // The balance is production − exports − reserve − the sum of the allocations of its rows.
    const figure = await db
      .selectFrom("supply_figures")
      .selectAll()
      .where("material", "=", "praseodymium_oxide")
      .where("fiscal_year", "=", "FY2028-29")
      .executeTakeFirstOrThrow();
    const allocations = await db
      .selectFrom("demand_requests")
      .select("allocated_kg")
      .where("material", "=", "praseodymium_oxide")
      .where("fiscal_year", "=", "FY2028-29")
      .where("status", "in", ["approved", "partially_approved"])
      .execute();
    expect(after.balanceKg).toBe(
      figure.production_kg - figure.exports_kg - figure.reserve_kg - allocations.reduce((s, r) => s + (r.allocated_kg ?? 0), 0),
    );
    expect(ctx.org.siam).toBe(row.organization_id);
  });

  it("lets exactly one of two concurrent decisions win, and never counts twice", async () => {
    const id = await createRequest("elcina@accord.test", { material: "samarium", fiscalYear: "FY2029-30", quantity: "4" });
    const db = getDb();
    const [a, b] = [await sessionUserFor("official@accord.test"), await sessionUserFor("mines@accord.test")];
    const results = await Promise.all([
      decideDemandRequest(db, a, id, {
        outcome: "approved",
        allocatedKg: 4_000,
        reasons: "A approves",
        confirmOverBalance: false,
        version: 1,
      }),
      decideDemandRequest(db, b, id, {
        outcome: "partially_approved",
        allocatedKg: 1_000,
        reasons: "B approves part",
        confirmOverBalance: false,
        version: 1,
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(1);
    expect(await db.selectFrom("demand_decisions").select("id").where("request_id", "=", id).execute()).toHaveLength(1);
    // Either may win (on PostgreSQL the two run on separate connections); the winner's allocation stands.
    const row = await requestRow(id);
    expect(row.allocated_kg).toBe(results[0]!.ok ? 4_000 : 1_000);

    // Through the page: the second official, who loaded the same version, is told so.
    const late = await decide(id, 1, { outcome: "rejected", reasons: "B rejects" }, await cookieFor("mines@accord.test"));
    expect(late.status).toBe(409);
    expect((late.data as { formError: string }).formError).toMatch(/Another official decided this request/);
    const sam = (await supplyYears(db, a)).find((y) => y.material === "samarium" && y.fiscalYear === "FY2029-30")!;
    const allocated = await db
      .selectFrom("demand_requests")
      .select("allocated_kg")
      .where("material", "=", "samarium")
      .where("fiscal_year", "=", "FY2029-30")
      .where("status", "in", ["approved", "partially_approved"])
      .execute();
    expect(sam.approvedKg).toBe(allocated.reduce((s, r) => s + (r.allocated_kg ?? 0), 0));
  });

  it("warns before allocating beyond the remaining balance and records the confirmation", async () => {
    const db = getDb();
    const remaining = await remainingBalanceKg(db, "terbium_oxide", "FY2026-27");
    const id = await createRequest("industry@accord.test", { material: "terbium_oxide", fiscalYear: "FY2026-27", quantity: "5" });
    expect(remaining).toBeLessThan(5_000);
    const cookie = await cookieFor("official@accord.test");
    const warned = await decide(id, 1, { outcome: "approved", reasons: "Strategic" }, cookie);
    expect(warned.status).toBe(400);
    expect(warned.data).toMatchObject({ needsConfirmation: true });
    expect((warned.data as { formError: string }).formError).toMatch(/more than the .* remaining/);
    expect((await requestRow(id)).status).toBe("submitted");

    const confirmed = await decide(id, 1, { outcome: "approved", reasons: "Strategic", confirmOverBalance: "on" }, cookie);
    expect(confirmed.status).toBe(200);
    const decision = await db.selectFrom("demand_decisions").selectAll().where("request_id", "=", id).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ over_balance_confirmed: 1, remaining_balance_kg: remaining, allocated_kg: 5_000 });
  });

  it("records a change of decision as a new decision that names the one it replaces", async () => {
    const id = await createRequest("elcina@accord.test", { material: "cerium_oxide", fiscalYear: "FY2027-28", quantity: "20" });
    const cookie = await cookieFor("official@accord.test");
    expect((await decide(id, 1, { outcome: "rejected", reasons: "No" }, cookie)).status).toBe(200);
    const first = await requestRow(id);
    // Replacing without naming the current decision is a stale form: refused.
    expect((await decide(id, 2, { outcome: "approved", reasons: "Yes" }, cookie)).status).toBe(409);
    const res = await call(
      requestAction,
      post(
        `/demand/${id}`,
        { intent: "decide", version: "2", replaces: first.current_decision_id!, outcome: "approved", reasons: "Reconsidered" },
        cookie,
      ),
      { requestId: id },
    );
    expect(res.status).toBe(200);
    const decisions = await getDb()
      .selectFrom("demand_decisions")
      .selectAll()
      .where("request_id", "=", id)
      .orderBy("decided_at")
      .execute();
    expect(decisions.map((d) => d.outcome)).toEqual(["rejected", "approved"]);
    expect(decisions[1]!.supersedes_id).toBe(decisions[0]!.id);
    expect(await requestRow(id)).toMatchObject({
      status: "approved",
      allocated_kg: 20_000,
      current_decision_id: decisions[1]!.id,
    });
    const audit = await getDb().selectFrom("audit_events").select("action").where("entity_id", "=", id).orderBy("at").execute();
    expect(audit.map((a) => a.action)).toEqual(["demand_request.create", "demand_request.decide", "demand_request.redecide"]);
    // The submitter sees the reasons but not the internal balance figures.
    const seen = (await call(requestLoader, get(`/demand/${id}`, await cookieFor("elcina@accord.test")), { requestId: id }))
      .data as {
      decisions: { reasons: string; remaining_balance_kg: number | null }[];
    };
    expect(seen.decisions.map((d) => d.reasons)).toEqual(["No", "Reconsidered"]);
    expect(seen.decisions.every((d) => d.remaining_balance_kg === null)).toBe(true);
  });
});

describe("the supply balance", () => {
  it("shows the demo shortfall and totals that are the sums of their rows", async () => {
    await demoData();
    const res = await call(supplyLoader, get("/supply?material=dysprosium_oxide", await cookieFor("diplomat@accord.test")));
    const rows = res.data.rows;
    const dy = rows.find((r) => r.material === "dysprosium_oxide" && r.fiscalYear === "FY2026-27")!;
    expect(dy.shortfall).toBe(true);
    expect(dy.balanceKg).toBeLessThan(0);
    const nd = rows.filter((r) => r.material === "neodymium_oxide");
    expect(nd.find((r) => r.fiscalYear === "FY2025-26")!.productionKg).toBe(410_000);
    expect(nd.find((r) => r.fiscalYear === "FY2029-30")!.productionKg).toBe(900_000);
    const fy2024 = rows.filter((r) => r.fiscalYear === "FY2024-25");
    expect(totalsOf(fy2024).productionKg).toBe(2_900_000);
    expect(totalsOf(fy2024).exportsKg).toBeGreaterThan(1_000_000);
    const totals = totalsOf(nd);
    expect(totals.balanceKg).toBe(nd.reduce((s, r) => s + r.balanceKg, 0));
    expect(totals.balanceKg).toBe(totals.productionKg - totals.exportsKg - totals.reserveKg - totals.approvedKg);
    expect((await call(supplyLoader, get("/supply?material=gold", await cookieFor("diplomat@accord.test")))).status).toBe(400);
  });

  it("lets IREL and officials edit figures with a version check, audited; not diplomats", async () => {
    const db = getDb();
    const figure = await db
      .selectFrom("supply_figures")
      .selectAll()
      .where("material", "=", "samarium")
      .where("fiscal_year", "=", "FY2030-31")
      .executeTakeFirstOrThrow();
    const form = {
      production: "85.5",
      productionBasis: "forecast",
      exports: "0",
      reserve: "2",
      notes: "Revised plan",
      version: String(figure.version),
    };
    expect(
      (
        await call(figureAction, post(`/supply/figures/${figure.id}`, form, await cookieFor("diplomat@accord.test")), {
          figureId: figure.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          figureAction,
          post(`/supply/figures/${figure.id}`, { ...form, production: "-1" }, await cookieFor("irel@accord.test")),
          { figureId: figure.id },
        )
      ).status,
    ).toBe(400);
    const ok = await call(figureAction, post(`/supply/figures/${figure.id}`, form, await cookieFor("irel@accord.test")), {
      figureId: figure.id,
    });
    expect(ok.status).toBe(200);
    const stale = await call(
      figureAction,
      post(`/supply/figures/${figure.id}`, { ...form, production: "99" }, await cookieFor("official@accord.test")),
      { figureId: figure.id },
    );
    expect(stale.status).toBe(409);
    const after = await db.selectFrom("supply_figures").selectAll().where("id", "=", figure.id).executeTakeFirstOrThrow();
    expect(after.production_kg).toBe(85_500);
    const audit = await db
      .selectFrom("audit_events")
      .select(["action", "before_json"])
      .where("entity_id", "=", figure.id)
      .orderBy("at")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["supply_figure.create", "supply_figure.update"]);
    expect(audit[1]!.before_json).toContain('"production_kg":80000');
  });
});
