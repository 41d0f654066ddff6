/** The stakeholder map: who sees which ratings, as of which date, the movement since, and bad input. */
import { beforeAll, describe, expect, it } from "vitest";

import { action, loader } from "~/routes/map";
import { todayInIndia } from "~/utils/clock";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, demoData, get, post } from "./fixtures";

type MapData = {
  at: string;
  since: string;
  points: {
    shortName: string;
    now: { influence: number; interest: number; stance: number; visibility: string; note: string | null } | null;
    before: { influence: number; interest: number; stance: number } | null;
  }[];
};

const mapFor = async (email: string, query = "") => {
  const res = await call(loader, get(`/map${query}`, await cookieFor(email)));
  return { status: res.status, data: res.data as unknown as MapData };
};

const daysBefore = (days: number) =>
  new Date(Date.parse(`${todayInIndia()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await demoData();
});

describe("the stakeholder map", () => {
  it("answers 404 to external users, for the page and for rating", async () => {
    for (const email of ["counterpart@accord.test", "industry@accord.test"]) {
      expect((await mapFor(email)).status).toBe(404);
      const ctx = await demoData();
      const res = await call(
        action,
        post(
          "/map",
          {
            organizationId: ctx.org.toyotsu,
            asOf: todayInIndia(),
            influence: "1",
            interest: "1",
            stance: "2",
            visibility: "internal",
          },
          await cookieFor(email),
        ),
      );
      expect(res.status).toBe(404);
    }
  });

  it("shows the last quarter's movement by default, and restricted ratings only to those who may read them", async () => {
    const official = await mapFor("official@accord.test");
    expect(official.status).toBe(200);
    expect(official.data.since).toBe(daysBefore(91));
    const trei = official.data.points.find((p) => p.shortName === "TREI")!;
    expect(trei.now).toMatchObject({ influence: 5, interest: 5, stance: -1 });
    expect(trei.before).toMatchObject({ stance: -2 });
    const metiOfficial = official.data.points.find((p) => p.shortName === "METI")!;
    expect(metiOfficial.now).toMatchObject({ visibility: "restricted", stance: 0 });

    // IREL reads internal ratings only: METI's latest (restricted) reading is not there.
    const irel = await mapFor("irel@accord.test");
    const metiIrel = irel.data.points.find((p) => p.shortName === "METI")!;
    expect(metiIrel.now).toMatchObject({ visibility: "internal", stance: -1 });
    expect(JSON.stringify(irel.data)).not.toContain("Signals from Tokyo");
  });

  it("reads the map as of an earlier date", async () => {
    const at = daysBefore(60);
    const then = await mapFor("diplomat@accord.test", `?at=${at}&since=${daysBefore(100)}`);
    const trei = then.data.points.find((p) => p.shortName === "TREI")!;
    expect(trei.now).toMatchObject({ stance: -2 });
    expect(trei.before).toBeNull();
  });

  it("refuses bad dates and bad ratings with a message, and stores nothing", async () => {
    expect((await mapFor("official@accord.test", "?at=yesterday")).status).toBe(400);
    expect((await mapFor("official@accord.test", `?at=${daysBefore(10)}&since=${daysBefore(5)}`)).status).toBe(400);
    const ctx = await demoData();
    const count = async () =>
      Number(
        (
          await getDb()
            .selectFrom("stakeholder_ratings")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const cookie = await cookieFor("official@accord.test");
    const bad = await call(
      action,
      post(
        "/map",
        { organizationId: ctx.org.toyotsu, asOf: "2999-01-01", influence: "7", interest: "0", stance: "5", visibility: "shared" },
        cookie,
      ),
    );
    expect(bad.status).toBe(400);
    const errors = (bad.data as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(errors.asOf).toBe("A rating cannot be dated in the future.");
    expect(errors.influence).toBe("Choose an influence from 1 to 5.");
    expect(errors.interest).toBe("Choose an interest from 1 to 5.");
    expect(errors.visibility).toBe("Choose internal or restricted.");
    const unknownOrg = await call(
      action,
      post(
        "/map",
        { organizationId: "nope", asOf: todayInIndia(), influence: "3", interest: "3", stance: "0", visibility: "internal" },
        cookie,
      ),
    );
    expect(unknownOrg.status).toBe(400);
    // IREL may not give a rating a level it could not read back.
    const irelRestricted = await call(
      action,
      post(
        "/map",
        {
          organizationId: ctx.org.toyotsu,
          asOf: todayInIndia(),
          influence: "3",
          interest: "3",
          stance: "0",
          visibility: "restricted",
        },
        await cookieFor("irel@accord.test"),
      ),
    );
    expect(irelRestricted.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("adds a rating that moves the organization, and never rewrites one", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("official@accord.test");
    const res = await call(
      action,
      post(
        "/map",
        {
          organizationId: ctx.org.acma,
          asOf: todayInIndia(),
          influence: "2",
          interest: "4",
          stance: "1",
          visibility: "internal",
          note: "Auto parts makers want magnets.",
        },
        cookie,
      ),
    );
    expect(res.status).toBe(200);
    const acma = (await mapFor("official@accord.test")).data.points.find((p) => p.shortName === "ACMA")!;
    expect(acma.now).toMatchObject({ influence: 2, interest: 4, stance: 1, note: "Auto parts makers want magnets." });
    expect(acma.before).toBeNull();
    await expect(
      getDb().updateTable("stakeholder_ratings").set({ stance: 2 }).where("organization_id", "=", ctx.org.acma).execute(),
    ).rejects.toThrow(/append-only/);
    const audit = await getDb()
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "stakeholder_rating.create")
      .execute();
    expect(audit.length).toBeGreaterThan(20);
  });
});
