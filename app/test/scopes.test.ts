import { describe, expect, it } from "vitest";

import { visibilityScope } from "~/models/access.server";
import { visibleConsultations } from "~/models/scopes.server";
import { getDb } from "~/utils/db.server";
import { nowIso } from "~/utils/ids.server";
import type { Visibility } from "~db/schema";

import { insertConsultation } from "./factories";
import { demoData, sessionUserFor as sessionUser } from "./fixtures";

describe("visibleConsultations", () => {
  it("applies levels and, for external users, participation, inside the SQL", async () => {
    const ctx = await demoData();
    const db = getDb();
    const make = async (title: string, visibility: Visibility, orgs: string[]) => {
      const now = nowIso();
      await insertConsultation(ctx, { title, visibility, orgs, startsAt: now, at: now });
      return title;
    };
    await make("scope shared with Toyotsu", "shared", [ctx.org.irel, ctx.org.toyotsu]);
    await make("scope shared with METI", "shared", [ctx.org.moci, ctx.org.meti]);
    await make("scope internal", "internal", [ctx.org.moci, ctx.org.toyotsu]);
    await make("scope restricted", "restricted", [ctx.org.moci]);

    const titles = async (email: string) =>
      (
        await visibleConsultations(db, await sessionUser(email))
          .select("c.title")
          .where("c.title", "like", "scope %")
          .orderBy("c.title")
          .execute()
      ).map((r) => r.title);

    expect(await titles("official@accord.test")).toEqual([
      "scope internal",
      "scope restricted",
      "scope shared with METI",
      "scope shared with Toyotsu",
    ]);
    expect(await titles("diplomat@accord.test")).toHaveLength(4);
    expect(await titles("irel@accord.test")).toEqual(["scope internal", "scope shared with METI", "scope shared with Toyotsu"]);
    expect(await titles("counterpart@accord.test")).toEqual(["scope shared with Toyotsu"]);
    expect(await titles("meti@accord.test")).toEqual(["scope shared with METI"]);
    expect(await titles("industry@accord.test")).toEqual([]);
    expect(visibilityScope(await sessionUser("industry@accord.test")).partyOrganizationId).toBe(ctx.org.siam);
  });
});
