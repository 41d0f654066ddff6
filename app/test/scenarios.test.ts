import { describe, expect, it } from "vitest";

import { applySchedule, balanceOf, outcomeByMaterial } from "~/models/supply-balance";
import { supplyYears } from "~/models/supply.server";
import { action as scenariosAction, loader as scenariosLoader } from "~/routes/supply.scenarios._index";
import { action as scenarioAction, loader as scenarioLoader } from "~/routes/supply.scenarios.$scenarioId";
import { loader as compareLoader } from "~/routes/supply.scenarios.compare";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, countRows, demoData, get, post, sessionUserFor } from "./fixtures";

process.env.ACCORD_TODAY = "2026-12-01";

const PHASE_DOWN = {
  "exports.neodymium_oxide.FY2026-27": "200",
  "exports.neodymium_oxide.FY2027-28": "100",
  "exports.neodymium_oxide.FY2028-29": "0",
};

async function countScenarios() {
  return countRows("supply_scenarios");
}

describe("the phase-down what-if", () => {
  it("computes balances and met shares from the schedule, year by year", async () => {
    await demoData();
    const official = await sessionUserFor("official@accord.test");
    const base = await supplyYears(getDb(), official, { fromFiscalYear: "FY2026-27" });
    const rows = applySchedule(base, { neodymium_oxide: { "FY2026-27": 200_000 } });
    const nd = rows.find((r) => r.material === "neodymium_oxide" && r.fiscalYear === "FY2026-27")!;
    const committed = balanceOf(base.find((r) => r.material === "neodymium_oxide" && r.fiscalYear === "FY2026-27")!);
    // 120 t fewer exports leave exactly 120 t more for India.
    expect(nd.balanceKg - committed.balanceKg).toBe(120_000);
    const outcome = outcomeByMaterial(rows).find((o) => o.material === "neodymium_oxide")!;
    expect(outcome.totals.approvedMetKg).toBe(outcome.totals.approvedKg);
    expect(outcome.totals.pendingMetKg).toBeLessThanOrEqual(outcome.totals.pendingKg);
  });

  it("recalculates without storing anything, and refuses bad cells", async () => {
    const cookie = await cookieFor("official@accord.test");
    const before = await countScenarios();
    const ok = await call(scenariosAction, post("/supply/scenarios", { intent: "preview", ...PHASE_DOWN }, cookie));
    expect(ok.status).toBe(200);
    expect((ok.data as { cells: Record<string, Record<string, string>> }).cells.neodymium_oxide!["FY2026-27"]).toBe("200");
    const bad = await call(
      scenariosAction,
      post("/supply/scenarios", { intent: "preview", "exports.neodymium_oxide.FY2026-27": "-5" }, cookie),
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { fieldErrors: Record<string, string> }).fieldErrors["exports.neodymium_oxide.FY2026-27"]).toMatch(
      /positive/,
    );
    const unknown = await call(
      scenariosAction,
      post("/supply/scenarios", { intent: "save", name: "X", visibility: "internal", "exports.gold.FY2026-27": "1" }, cookie),
    );
    expect(unknown.status).toBe(400);
    const shared = await call(
      scenariosAction,
      post("/supply/scenarios", { intent: "save", name: "Shared?", visibility: "shared", ...PHASE_DOWN }, cookie),
    );
    expect(shared.status).toBe(400);
    const nameless = await call(
      scenariosAction,
      post("/supply/scenarios", { intent: "save", name: "", visibility: "internal", ...PHASE_DOWN }, cookie),
    );
    expect(nameless.status).toBe(400);
    expect(await countScenarios()).toBe(before);
  });

  it("saves, edits with a version check, and compares scenarios", async () => {
    const cookie = await cookieFor("official@accord.test");
    const saved = await call(
      scenariosAction,
      post("/supply/scenarios", { intent: "save", name: "Test phase-down", visibility: "internal", ...PHASE_DOWN }, cookie),
    );
    expect(saved.status).toBe(302);
    const id = saved.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
    const page = (await call(scenarioLoader, get(`/supply/scenarios/${id}`, cookie), { scenarioId: id })).data as {
      cells: Record<string, Record<string, string>>;
    };
    expect(page.cells.neodymium_oxide!["FY2027-28"]).toBe("100");
    // Cells the official did not touch keep the committed volume.
    expect(page.cells.ndpr_oxide!["FY2026-27"]).toBe("260");

    const edit = await call(
      scenarioAction,
      post(
        `/supply/scenarios/${id}`,
        {
          intent: "save",
          name: "Test phase-down v2",
          visibility: "restricted",
          version: "1",
          ...PHASE_DOWN,
          "exports.neodymium_oxide.FY2028-29": "50",
        },
        cookie,
      ),
      { scenarioId: id },
    );
    expect(edit.status).toBe(200);
    const stale = await call(
      scenarioAction,
      post(
        `/supply/scenarios/${id}`,
        { intent: "save", name: "Stale", visibility: "internal", version: "1", ...PHASE_DOWN },
        cookie,
      ),
      { scenarioId: id },
    );
    expect(stale.status).toBe(409);
    const row = await getDb().selectFrom("supply_scenarios").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Test phase-down v2", visibility: "restricted", version: 2 });

    const compared = (await call(compareLoader, get(`/supply/scenarios/compare?a=committed&b=${id}`, cookie))).data as {
      a: { exportsByYear: number[] };
      b: { exportsByYear: number[]; outcomes: { material: string; totals: { balanceKg: number } }[] };
    };
    // FY2026-27: 320 t committed for neodymium against 200 t in the scenario.
    expect(compared.a.exportsByYear[0]! - compared.b.exportsByYear[0]!).toBe(120_000);

    // Restricted now: IREL no longer sees it anywhere; diplomats do.
    const irel = await cookieFor("irel@accord.test");
    expect((await call(scenarioLoader, get(`/supply/scenarios/${id}`, irel), { scenarioId: id })).status).toBe(404);
    const list = (await call(scenariosLoader, get("/supply/scenarios", irel))).data as {
      scenarios: { id: string }[];
      canEdit: boolean;
    };
    expect(list.scenarios.some((s) => s.id === id)).toBe(false);
    expect(list.canEdit).toBe(false);
    expect((await call(compareLoader, get(`/supply/scenarios/compare?b=${id}`, irel))).status).toBe(404);
    expect(
      (await call(scenarioLoader, get(`/supply/scenarios/${id}`, await cookieFor("diplomat@accord.test")), { scenarioId: id }))
        .status,
    ).toBe(200);

    const audit = await getDb().selectFrom("audit_events").select("action").where("entity_id", "=", id).orderBy("at").execute();
    expect(audit.map((a) => a.action)).toEqual(["supply_scenario.create", "supply_scenario.update"]);

    // Archived: kept and readable, but no longer changed by a save posted from an old page.
    expect(
      (
        await call(scenarioAction, post(`/supply/scenarios/${id}`, { intent: "archive", version: "2" }, cookie), {
          scenarioId: id,
        })
      ).status,
    ).toBe(302);
    const late = await call(
      scenarioAction,
      post(
        `/supply/scenarios/${id}`,
        { intent: "save", name: "After archive", visibility: "restricted", version: "3", ...PHASE_DOWN },
        cookie,
      ),
      { scenarioId: id },
    );
    expect(late.status).toBe(409);
    expect(
      (await getDb().selectFrom("supply_scenarios").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name,
    ).toBe("Test phase-down v2");
  });

  it("is closed to external users and read-only for IREL and diplomats", async () => {
    for (const email of ["industry@accord.test", "counterpart@accord.test"]) {
      expect((await call(scenariosLoader, get("/supply/scenarios", await cookieFor(email)))).status).toBe(404);
    }
    for (const email of ["irel@accord.test", "diplomat@accord.test"]) {
      const res = await call(
        scenariosAction,
        post("/supply/scenarios", { intent: "save", name: "Mine", visibility: "internal" }, await cookieFor(email)),
      );
      expect(res.status).toBe(404);
    }
  });
});
