/**
 * The bad-input corpus (issue 10, docs/decisions/010-hardening.md): every route module that
 * exports an action is found here by itself, so a new form is covered without editing this file.
 * Each gets non-form bodies, huge values, hostile names and broken text, with every intent its
 * source names. Every answer must be 2xx, 3xx or 4xx within a second, and a refused request must
 * leave the database as it was.
 */
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "~/utils/db.server";

import { call, cookieFor, demoData, ORIGIN } from "./fixtures";

const routeDir = path.resolve("app/routes");

interface ActionRoute {
  file: string;
  action: (args: ActionFunctionArgs) => unknown;
  intents: string[];
}

async function actionRoutes(): Promise<ActionRoute[]> {
  const out: ActionRoute[] = [];
  for (const file of fs.readdirSync(routeDir).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))) {
    const mod = (await import(path.join(routeDir, file))) as {
      action?: (args: ActionFunctionArgs) => unknown;
    };
    if (typeof mod.action !== "function") continue;
    const source = fs.readFileSync(path.join(routeDir, file), "utf8");
    const intents = new Set<string>([""]);
    for (const m of source.matchAll(/intent\s*===\s*"([^"]+)"|case\s+"([^"]+)"|name="intent"\s+value="([^"]+)"/g))
      intents.add(m[1] ?? m[2] ?? m[3]!);
    out.push({ file, action: mod.action, intents: [...intents] });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** A real record for each route parameter, so the action gets past its 404 and reads the body. */
const PARAM_TABLES: Record<string, string> = {
  id: "consultations",
  issueId: "issues",
  milestoneId: "milestones",
  requestId: "demand_requests",
  figureId: "supply_figures",
  scenarioId: "supply_scenarios",
  orgId: "organizations",
  documentId: "documents",
  clauseId: "clauses",
};

async function paramsFor(file: string, users: Record<string, string>): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const m of file.matchAll(/\$(\w+?)_?(?=[.]|$)/g)) {
    const name = m[1]!;
    if (name === "userId") params[name] = users["tsusho@accord.test"]!;
    else if (PARAM_TABLES[name]) {
      const row = await sql<{
        id: string;
      }>`select id from ${sql.table(PARAM_TABLES[name])} order by id limit 1`.execute(getDb());
      params[name] = row.rows[0]?.id ?? "missing";
    } else params[name] = "missing";
  }
  return params;
}

function urlFor(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "~dot~")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, "").replace(/~dot~/g, "."))
    .map((s) => (s.startsWith("$") ? (params[s.slice(1)] ?? "x") : s));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

const HUGE = "a".repeat(100_000);
const FIELDS = [
  "title",
  "name",
  "description",
  "notes",
  "body",
  "statement",
  "summary",
  "email",
  "password",
  "displayName",
  "dueDate",
  "startsLocal",
];

/** The corpus: each entry is a body and its Content-Type (null: none). */
function corpus(intent: string): { label: string; body: BodyInit | null; type: string | null }[] {
  const form = (pairs: [string, string][]) => {
    const p = new URLSearchParams(intent ? [["intent", intent]] : []);
    for (const [k, v] of pairs) p.append(k, v);
    return p.toString();
  };
  const urlenc = "application/x-www-form-urlencoded";
  return [
    { label: "no body", body: null, type: null },
    {
      label: "JSON",
      body: JSON.stringify({ intent, title: "x" }),
      type: "application/json",
    },
    { label: "text", body: `intent=${intent}&title=x`, type: "text/plain" },
    {
      label: "XML",
      body: "<a><intent>x</intent></a>",
      type: "application/xml",
    },
    {
      label: "broken multipart",
      body: "--x\r\nnot a part",
      type: "multipart/form-data; boundary=y",
    },
    {
      label: "100 kB values",
      body: form(FIELDS.map((f) => [f, HUGE])),
      type: urlenc,
    },
    {
      label: "sparse index",
      body: form([
        ["x.99999999", "1"],
        ["actions.99999999.description", "1"],
        ["parties.3000000", "a"],
      ]),
      type: urlenc,
    },
    {
      label: "deep names",
      body: form([
        ["a.b.c.d.e.f.g.h", "1"],
        ["actions.0.a.b.c.d.e.f", "1"],
        ["exports.a.b.c.d.e", "1"],
      ]),
      type: urlenc,
    },
    {
      label: "prototype keys",
      body: form([
        ["__proto__.polluted", "1"],
        ["constructor.prototype.polluted", "1"],
        ["title.__proto__", "1"],
        ["__proto__", "1"],
      ]),
      type: urlenc,
    },
    {
      label: "duplicated keys",
      body: form([
        ...FIELDS.flatMap(
          (f) =>
            [
              [f, "one"],
              [f, "two"],
            ] as [string, string][],
        ),
        ["version", "1"],
        ["version", "2"],
      ]),
      type: urlenc,
    },
    {
      label: "NUL and bidi",
      body: form(FIELDS.map((f) => [f, `gnp\u0000.\u202Eexe\u2066\r\nx`])),
      type: urlenc,
    },
    {
      label: "broken UTF-8",
      body: FIELDS.map((f) => `${f}=%ED%A0%80%FF`).join("&") + (intent ? `&intent=${intent}` : ""),
      type: urlenc,
    },
    {
      label: "invalid dates and numbers",
      body: form([
        ["dueDate", "2026-02-31"],
        ["startsLocal", "9999-99-99T99:99"],
        ["completedOn", "yesterday"],
        ["version", "1e309"],
        ["quantity", "NaN"],
        ["production", "-0"],
        ["exports.ndpr.2026-27", "Infinity"],
        ["allocated", "1e999"],
      ]),
      type: urlenc,
    },
  ];
}

async function checksums(excluded: string[]): Promise<Record<string, string>> {
  const db = getDb();
  // Kysely's introspection lists the tables on either dialect; search indexes are derived data.
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !/search/.test(name))
    .sort();
  const out: Record<string, string> = {};
  for (const name of tables) {
    if (excluded.includes(name)) continue;
    // Sorted here: PostgreSQL returns rows in no fixed order without a full ORDER BY.
    const rows = (await sql`select * from ${sql.table(name)}`.execute(db)).rows.map((row) => JSON.stringify(row)).sort();
    out[name] = `${rows.length}:${rows.join("\n")}`;
  }
  return out;
}

describe("the bad-input corpus against every form action", () => {
  let routes: ActionRoute[] = [];
  let users: Record<string, string> = {};

  beforeAll(async () => {
    users = (await demoData()).user;
    routes = await actionRoutes();
  });

  it("finds the form actions", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.map((r) => r.file)).toContain("login.tsx");
  });

  it(
    "answers every hostile body with 2xx, 3xx or 4xx within a second, storing nothing it refused",
    { timeout: 600_000 },
    async () => {
      const failures: string[] = [];
      let requests = 0;
      for (const route of routes) {
        const params = await paramsFor(route.file, users);
        const url = `${ORIGIN}${urlFor(route.file, params)}`;
        // Sign-in records failed attempts by design; sessions move with every signed-in request.
        const excluded = ["sessions", ...(route.file === "login.tsx" ? ["login_attempts", "audit_events"] : [])];
        const signer = route.file.startsWith("demand.new") ? "industry@accord.test" : "admin@accord.test";
        let routeCookie = await cookieFor(signer);
        let baseline = await checksums(excluded);
        for (const intent of route.intents) {
          for (const entry of corpus(intent)) {
            for (const signedIn of [true, false]) {
              // Signing out ends the session it is given: that route gets a fresh one each time.
              if (route.file === "logout.tsx") routeCookie = await cookieFor(signer);
              const cookie = signedIn ? routeCookie : null;
              const headers: Record<string, string> = { Origin: ORIGIN };
              if (entry.type) headers["Content-Type"] = entry.type;
              if (cookie) headers.Cookie = cookie;
              const started = performance.now();
              let status: number;
              try {
                ({ status } = await call(
                  route.action,
                  new Request(url, {
                    method: "POST",
                    body: entry.body,
                    headers,
                  }),
                  params,
                ));
              } catch (error) {
                failures.push(`${route.file} [${intent}] ${entry.label}: threw ${(error as Error).message}`);
                continue;
              }
              const ms = performance.now() - started;
              requests++;
              const who = signedIn ? "signed in" : "anonymous";
              if (status >= 500) failures.push(`${route.file} [${intent}] ${entry.label} (${who}): ${status}`);
              if (ms > 1_000) failures.push(`${route.file} [${intent}] ${entry.label} (${who}): ${Math.round(ms)} ms`);
              const after = await checksums(excluded);
              if (status >= 400) {
                for (const table of Object.keys(baseline)) {
                  if (baseline[table] !== after[table])
                    failures.push(`${route.file} [${intent}] ${entry.label} (${who}): ${status} but ${table} changed`);
                }
              }
              baseline = after;
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(routes.length * 13);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
