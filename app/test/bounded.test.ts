/**
 * Bounded work per page (decision 012): the session is read once per HTTP request however many
 * loaders ask, and each page runs the same number of SQL statements whatever the amount of data.
 * Counts, not times, so these hold on any machine; `npm run bench` measures the times.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { loader as rootLoader } from "~/root";
import { loader as dashboardLoader } from "~/routes/_index";
import { loader as actionsLoader } from "~/routes/actions";
import { loader as activityLoader } from "~/routes/activity";
import { loader as briefLoader } from "~/routes/brief";
import { loader as consultationsLoader } from "~/routes/consultations._index";
import { loader as consultationLoader } from "~/routes/consultations.$id";
import { loader as demandLoader } from "~/routes/demand._index";
import { loader as issuesLoader } from "~/routes/issues._index";
import { loader as issueLoader } from "~/routes/issues.$issueId._index";
import { loader as milestonesLoader } from "~/routes/milestones._index";
import { loader as timelineLoader } from "~/routes/milestones.timeline";
import { loader as positionsLoader } from "~/routes/positions._index";
import { loader as searchLoader } from "~/routes/search";
import { loader as supplyLoader } from "~/routes/supply._index";
import { getDb } from "~/utils/db.server";
import { inRequestScope } from "~/utils/request-scope.server";
import { countStatements, openSqlite, sqlitePathFromUrl } from "~db/connection";
import { addVolume, COMMON_WORD, RARE_WORD } from "~db/seed/volume";

import { cookieFor, demoData, get } from "./fixtures";

type Loader = (args: LoaderFunctionArgs) => unknown;

/** Serves one page as Remix would: the root and the route loader, each with its own Request, one load context. */
async function servePage(
  loader: Loader,
  path: string,
  cookie: string,
  params: Record<string, string> = {},
  context = { nonce: "test", clientAddress: "127.0.0.1" },
) {
  const run = (fn: Loader) =>
    Promise.resolve(fn({ request: get(path, cookie), params, context } as LoaderFunctionArgs)).catch((thrown: unknown) => thrown);
  return countStatements(() => inRequestScope(context, () => Promise.all([run(rootLoader as Loader), run(loader)])));
}

const sessionReads = (statements: string[]) => statements.filter((s) => /from "sessions"/.test(s)).length;

describe("the session of a request", () => {
  it("is read once per HTTP request, though the root and route loaders each get their own Request", async () => {
    const cookie = await cookieFor("counterpart@accord.test");
    const { statements } = await servePage(dashboardLoader as Loader, "/", cookie);
    expect(sessionReads(statements)).toBe(1);
  });

  it("is read again for another HTTP request (another load context)", async () => {
    const cookie = await cookieFor("official@accord.test");
    const first = await servePage(consultationsLoader as Loader, "/consultations", cookie);
    const second = await servePage(consultationsLoader as Loader, "/consultations", cookie);
    expect(sessionReads(first.statements) + sessionReads(second.statements)).toBe(2);
  });
});

// The bulk seeder writes the SQLite file directly; the statement counts it guards are the same queries on PostgreSQL.
describe.skipIf(process.env.ACCORD_TEST_DIALECT === "postgres")("SQL statements per page", () => {
  it("do not depend on how many records exist, for every role", async () => {
    const ctx = await demoData();
    const db = getDb();
    // Shared records Toyotsu takes part in, so that every role opens the same page.
    const consultation = await db
      .selectFrom("consultations")
      .select("id")
      .where("title", "=", "Bilateral opening session with Toyotsu on the 2012 arrangement")
      .executeTakeFirstOrThrow();
    const issue = await db
      .selectFrom("issues")
      .select("id")
      .where("title", "=", "Transition-period volumes")
      .executeTakeFirstOrThrow();
    const pages: [string, Loader, Record<string, string>?][] = [
      ["/", dashboardLoader as Loader],
      ["/consultations", consultationsLoader as Loader],
      [`/consultations/${consultation.id}`, consultationLoader as Loader, { id: consultation.id }],
      [`/search?q=${COMMON_WORD}`, searchLoader as Loader],
      [`/search?q=${RARE_WORD}`, searchLoader as Loader],
      ["/actions", actionsLoader as Loader],
      ["/activity", activityLoader as Loader],
      ["/issues", issuesLoader as Loader],
      [`/issues/${issue.id}`, issueLoader as Loader, { issueId: issue.id }],
      ["/positions", positionsLoader as Loader],
      ["/milestones", milestonesLoader as Loader],
      ["/milestones/timeline", timelineLoader as Loader],
      ["/demand", demandLoader as Loader],
      ["/supply", supplyLoader as Loader],
      ["/brief", briefLoader as Loader],
    ];
    const emails = ["official@accord.test", "irel@accord.test", "counterpart@accord.test", "industry@accord.test"];
    const cookies = Object.fromEntries(await Promise.all(emails.map(async (e) => [e, await cookieFor(e)] as const)));
    const census = async () => {
      const counts: Record<string, number> = {};
      for (const [path, loader, params] of pages) {
        for (const email of emails)
          counts[`${path} as ${email}`] = (await servePage(loader, path, cookies[email]!, params)).count;
      }
      return counts;
    };

    const small = await census();
    const sqlite = openSqlite(sqlitePathFromUrl(process.env.DATABASE_URL!));
    const orgs = await db.selectFrom("organizations").select(["id", "kind"]).execute();
    addVolume(sqlite, {
      count: 1_200,
      organizationIds: orgs.map((o) => o.id),
      industryOrganizationIds: orgs.filter((o) => o.kind === "industry_body").map((o) => o.id),
      authorId: ctx.user["official@accord.test"]!,
      now: new Date(),
    });
    sqlite.close();
    const large = await census();

    expect(Object.values(small).every((n) => n > 0)).toBe(true);
    expect(large).toEqual(small);
  });
});
