/**
 * The matrix, the dashboard and the brief read only the position each party held on the dates
 * they show (`positionsHeldOn`), not the whole history. This proves that shortcut gives the same
 * cells and convergence figures as folding the whole visible history, for every role and a level
 * cap, over a history where newer positions sit at levels some readers may not see, and that it
 * never returns a position the reader's history would not hold.
 */
import { describe, expect, it } from "vitest";

import { withLevelCap, type SessionUser } from "~/models/access.server";
import { convergenceDates, convergenceOf, positionsAsOf, shiftDate } from "~/models/convergence";
import { listIssues, partiesOf } from "~/models/issues.server";
import { insertPosition, positionsHeldOn, positionsMatrix, visiblePositionHistory } from "~/models/positions.server";
import { todayInIndia } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { STANCES, VISIBILITIES } from "~db/schema";
import { DEMO_ACCOUNTS } from "~db/seed/demo";

import { demoData, sessionUserFor } from "./fixtures";

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

async function addHistory(): Promise<void> {
  const ctx = await demoData();
  const db = getDb();
  const today = todayInIndia();
  const actor = ctx.user["official@accord.test"]!;
  const india = new Set(
    (await db.selectFrom("organizations").select("id").where("country", "=", "India").execute()).map((o) => o.id),
  );
  const issues = await db.selectFrom("issues").select("id").execute();
  const parties = await partiesOf(
    db,
    issues.map((i) => i.id),
  );
  for (let n = 0; n < 160; n++) {
    const party = pick(parties);
    const redLine = india.has(party.organization_id) && rand() < 0.1;
    // Few distinct days, so several positions share a day and the recorded time breaks the tie.
    const statedOn = shiftDate(today, -Math.floor(rand() * 20) * 7);
    await insertPosition(
      db,
      actor,
      party.issue_id,
      {
        organizationId: party.organization_id,
        stance: pick(STANCES),
        statement: `Generated position ${n}`,
        flexibility: "negotiable",
        statedOn,
        visibility: redLine ? "restricted" : pick(VISIBILITIES),
        redLine,
      },
      new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    );
  }
}

/** The matrix as the whole visible history gives it: the reference the shortcut must equal. */
async function matrixFromHistory(user: SessionUser, asOf: string) {
  const db = getDb();
  const { rows: issues } = await listIssues(db, user, {}, null, 100);
  const ids = issues.map((i) => i.id);
  const parties = await partiesOf(db, ids);
  const history = await visiblePositionHistory(db, user, ids, asOf);
  const held = positionsAsOf(history, asOf);
  return issues.map((issue) => {
    const partyIds = parties.filter((p) => p.issue_id === issue.id).map((p) => p.organization_id);
    const cells: Record<string, { stance: string; statedOn: string; redLine: boolean } | null> = {};
    for (const orgId of partyIds) {
      const p = held.get(issue.id)?.get(orgId);
      cells[orgId] = p ? { stance: p.stance, statedOn: p.statedOn, redLine: p.redLine } : null;
    }
    return { id: issue.id, cells, convergence: convergenceOf(history, issue.id, partyIds, asOf) };
  });
}

describe("positions held on a date", () => {
  it("give the same matrix as the whole visible history, for every role, and nothing more", async () => {
    await addHistory();
    const db = getDb();
    const today = todayInIndia();
    const readers: SessionUser[] = [];
    for (const account of DEMO_ACCOUNTS) readers.push(await sessionUserFor(account.email));
    readers.push(withLevelCap(await sessionUserFor("official@accord.test"), ["shared"]));
    readers.push(withLevelCap(await sessionUserFor("official@accord.test"), ["shared", "internal"]));
    let compared = 0;
    for (const user of readers) {
      for (const asOf of [today, shiftDate(today, -45), shiftDate(today, -100)]) {
        const expected = await matrixFromHistory(user, asOf);
        const matrix = await positionsMatrix(db, user, asOf, null, 100);
        expect(
          matrix.rows.map((r) => ({
            id: r.id,
            cells: Object.fromEntries(
              Object.entries(r.cells).map(([org, c]) => [
                org,
                c ? { stance: c.stance, statedOn: c.statedOn, redLine: c.redLine } : null,
              ]),
            ),
            convergence: r.convergence,
          })),
        ).toEqual(expected);
        compared += expected.reduce((n, r) => n + Object.values(r.cells).filter(Boolean).length, 0);

        const ids = expected.map((r) => r.id);
        const visible = new Set((await visiblePositionHistory(db, user, ids)).map((p) => p.id));
        const shortcut = await positionsHeldOn(db, user, ids, convergenceDates(asOf));
        expect(shortcut.filter((p) => !visible.has(p.id))).toEqual([]);
      }
    }
    // The comparison compared something: many filled cells across the readers.
    expect(compared).toBeGreaterThan(100);
  });

  it("never hands an external reader a position of an issue it may not see, whatever ids it is asked about", async () => {
    await demoData();
    const db = getDb();
    const allIssues = (await db.selectFrom("issues").select("id").execute()).map((i) => i.id);
    const today = todayInIndia();
    for (const email of ["counterpart@accord.test", "industry@accord.test", "irel@accord.test"]) {
      const user = await sessionUserFor(email);
      const visible = new Set((await visiblePositionHistory(db, user, allIssues)).map((p) => p.id));
      const held = await positionsHeldOn(db, user, allIssues, convergenceDates(today));
      expect(held.length).toBeGreaterThan(0);
      expect(held.filter((p) => !visible.has(p.id))).toEqual([]);
      const all = (await db.selectFrom("positions").select("id").execute()).length;
      expect(visible.size).toBeLessThan(all);
    }
  });
});
