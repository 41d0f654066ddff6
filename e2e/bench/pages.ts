/**
 * `npm run bench`, the page benchmark: builds throwaway SQLite files with the demo data plus
 * 1,000 and 100,000 consultations (and proportionate actions, issues, positions, milestones and
 * demand requests, each with its history), starts the production server on each, signs in as an
 * official, IREL, a counterpart and an industry user, and requests every main page. Prints, from
 * that one run: median and 95th percentile per page, role and size; each page's 100k ÷ 1k ratio;
 * each external role's ratio to the official at 100k; throughput with ten connections as a ratio
 * to /healthz; the SQL statements each page ran; and the dashboard's gzipped first-load JS.
 * It asserts nothing about time: absolute figures on a shared two-core machine mean little.
 */
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

import { createDatabase, openSqlite } from "~db/connection";
import { migrateToLatest } from "~db/migrate";
import { seedDemo } from "~db/seed/demo";
import { addVolume, COMMON_WORD, RARE_WORD } from "~db/seed/volume";

const SIZES = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 4);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3400);
const PASSWORD = "accord-demo-2026";
const ROLES = [
  { role: "official", email: "official@accord.test", org: "moci" },
  { role: "irel", email: "irel@accord.test", org: "irel" },
  { role: "counterpart", email: "counterpart@accord.test", org: "toyotsu" },
  { role: "industry", email: "industry@accord.test", org: "siam" },
] as const;
type Role = (typeof ROLES)[number]["role"];

const PAGES = [
  "/",
  "/consultations",
  "/consultations/:id",
  `/search?q=${COMMON_WORD}`,
  `/search?q=${RARE_WORD}`,
  "/actions",
  "/activity",
  "/issues",
  "/issues/:id",
  "/positions",
  "/milestones",
  "/milestones/timeline",
  "/demand",
  "/supply",
  "/brief",
];

interface Sample {
  median: number;
  p95: number;
  status: number;
  statements: number | null;
}
type Results = Map<number, Map<string, Map<Role, Sample>>>;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function buildDatabase(size: number, dir: string) {
  const file = path.join(dir, `bench-${size}.sqlite`);
  // BENCH_DB_DIR keeps the files between runs; a kept file is reused as it is.
  if (fs.existsSync(file)) return { file, ids: pickIds(file) };
  const db = createDatabase(`file:${file}`);
  await migrateToLatest(db);
  const ctx = await seedDemo(db, { password: PASSWORD });
  const orgs = await db.selectFrom("organizations").select(["id", "kind"]).execute();
  await db.destroy();
  const sqlite = openSqlite(file);
  const now = new Date();
  addVolume(sqlite, {
    count: size,
    organizationIds: orgs.map((o) => o.id),
    industryOrganizationIds: orgs.filter((o) => o.kind === "industry_body").map((o) => o.id),
    authorId: ctx.user["official@accord.test"]!,
    now,
  });
  // Everyone last read the feed a year ago, so the unread badge has the whole year to count.
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  sqlite.prepare("insert or replace into activity_reads (user_id, last_read_at) select id, ? from users").run(yearAgo);
  // And signed in a year ago, so the first sign-in here has a previous one and the dashboard's
  // "since your last visit" reads the same statements at every size.
  sqlite.prepare("update users set last_sign_in_at = ?").run(yearAgo);
  sqlite.close();
  return { file, ids: pickIds(file) };
}

/** One consultation and one issue each role may open: shared, with every benchmarked party. */
function pickIds(file: string) {
  const sqlite = openSqlite(file);
  const org = (email: string) =>
    (sqlite.prepare("select organization_id as id from users where email = ?").get(email) as { id: string }).id;
  const ctx = {
    org: {
      toyotsu: org("counterpart@accord.test"),
      siam: org("industry@accord.test"),
    },
  };
  const pickRecord = (table: "consultation" | "issue") => {
    const [t, link, col] =
      table === "consultation"
        ? ["consultations", "consultation_participants", "consultation_id"]
        : ["issues", "issue_parties", "issue_id"];
    const row = sqlite
      .prepare(
        `select x.id from ${t} x where x.visibility = 'shared' and x.archived_at is null
         and exists (select 1 from ${link} l where l.${col} = x.id and l.organization_id = ?)
         order by (select count(*) from ${link} l where l.${col} = x.id and l.organization_id = ?) desc, x.id limit 1`,
      )
      .get(ctx.org.toyotsu, ctx.org.siam) as { id: string } | undefined;
    return row?.id ?? "missing";
  };
  const ids = {
    consultation: pickRecord("consultation"),
    issue: pickRecord("issue"),
  };
  sqlite.close();
  return ids;
}

async function startServer(file: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["build/server.js"], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      ACCORD_COUNT_SQL: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // A minute: on a loaded machine migrating and sampling statistics at 100k can take a while.
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("server did not start");
}

async function signIn(origin: string, email: string): Promise<string> {
  const res = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: origin,
    },
    body: new URLSearchParams({ email, password: PASSWORD, redirectTo: "/" }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookie;
}

async function request(url: string, cookie: string) {
  const res = await fetch(url, {
    headers: { Cookie: cookie },
    redirect: "manual",
  });
  await res.arrayBuffer();
  const statements = res.headers.get("x-accord-sql-statements");
  return {
    status: res.status,
    statements: statements === null ? null : Number(statements),
  };
}

/** One page at every size, the sizes taking turns request by request. */
async function timePages(targets: { url: string; cookie: string }[]): Promise<Sample[]> {
  for (const t of targets) for (let i = 0; i < 2; i++) await request(t.url, t.cookie);
  const times = targets.map(() => [] as number[]);
  const last = targets.map(() => ({
    status: 0,
    statements: null as number | null,
  }));
  for (let i = 0; i < RUNS; i++) {
    for (const [k, t] of targets.entries()) {
      const start = performance.now();
      last[k] = await request(t.url, t.cookie);
      times[k]!.push(performance.now() - start);
    }
  }
  return targets.map((_, k) => ({
    median: quantile(times[k]!, 0.5),
    p95: quantile(times[k]!, 0.95),
    ...last[k]!,
  }));
}

/** Requests completed per second by ten connections each sending one request after another. */
async function throughput(url: string, cookie: string, seconds = LOAD_SECONDS, connections = 10): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        await request(url, cookie);
        done += 1;
      }
    }),
  );
  return done / seconds;
}

/** Gzipped size of every script the dashboard's HTML loads or preloads on first load. */
function firstLoadJs(html: string): { files: number; gzipBytes: number } {
  const hrefs = new Set<string>();
  for (const m of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) hrefs.add(m[1]!);
  for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/build\/[^"]+\.js)"/g)) hrefs.add(m[1]!);
  let gzipBytes = 0;
  for (const href of hrefs) gzipBytes += zlib.gzipSync(fs.readFileSync(path.join("public", href))).length;
  return { files: hrefs.size, gzipBytes };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : "—");

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) execSync("npm run build", { stdio: "inherit" });
  const keep = process.env.BENCH_DB_DIR;
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "accord-pages-"));
  const results: Results = new Map();
  const load: { size: number; label: string; rps: number }[] = [];
  let js = { files: 0, gzipBytes: 0 };
  let catalogGzipBytes = 0;
  const servers: ChildProcess[] = [];
  try {
    // Every size is served at once and each page is timed at the sizes in turn, so a change in
    // the machine's load (other builds) falls on both sides of a ratio alike.
    const sites: { size: number; origin: string; ids: { consultation: string; issue: string }; cookies: Record<Role, string> }[] =
      [];
    for (const [index, size] of SIZES.entries()) {
      const built = performance.now();
      const { file, ids } = await buildDatabase(size, dir);
      console.log(`${size.toLocaleString("en-IN")} consultations built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
      const port = BASE_PORT + index;
      const origin = `http://127.0.0.1:${port}`;
      servers.push(await startServer(file, port));
      const cookies = {} as Record<Role, string>;
      for (const r of ROLES) cookies[r.role] = await signIn(origin, r.email);
      sites.push({ size, origin, ids, cookies });
      results.set(size, new Map());
    }
    for (const page of PAGES) {
      for (const r of ROLES) {
        const samples = await timePages(
          sites.map((site) => ({
            url: site.origin + page.replace(":id", page.startsWith("/issues") ? site.ids.issue : site.ids.consultation),
            cookie: site.cookies[r.role],
          })),
        );
        sites.forEach((site, k) => {
          const bySize = results.get(site.size)!;
          if (!bySize.has(page)) bySize.set(page, new Map());
          bySize.get(page)!.set(r.role, samples[k]!);
        });
      }
      process.stdout.write(".");
    }
    console.log();
    for (const { size, origin, cookies } of sites) {
      const healthz = await throughput(`${origin}/healthz`, "");
      load.push({ size, label: "/healthz", rps: healthz });
      for (const role of ["official", "counterpart"] as const) {
        load.push({
          size,
          label: `/ (${role})`,
          rps: await throughput(`${origin}/`, cookies[role]),
        });
        load.push({
          size,
          label: `/consultations (${role})`,
          rps: await throughput(`${origin}/consultations`, cookies[role]),
        });
      }
    }
    const first = sites[0]!;
    const html = await (
      await fetch(`${first.origin}/`, {
        headers: { Cookie: first.cookies.official },
      })
    ).text();
    js = firstLoadJs(html);
    // The page's words: one script per language, cached across pages (not part of the JS budget).
    const catalog = html.match(/<script src="(\/locales\/[^"]+\.js)"/)?.[1];
    if (catalog) catalogGzipBytes = zlib.gzipSync(Buffer.from(await (await fetch(first.origin + catalog)).arrayBuffer())).length;
  } finally {
    for (const server of servers) server.kill();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  report(results, load, js, catalogGzipBytes);
}

function report(
  results: Results,
  load: { size: number; label: string; rps: number }[],
  js: { files: number; gzipBytes: number },
  catalogGzipBytes: number,
) {
  const [small, large] = [SIZES[0]!, SIZES[SIZES.length - 1]!];
  const k = (n: number) => `${n / 1000}k`;
  console.log(`\nMedian / p95 in ms, SQL statements per request in brackets; ${RUNS} requests each, one at a time.\n`);
  const head = ["page", ...SIZES.flatMap((s) => ROLES.map((r) => `${r.role} ${k(s)}`))];
  console.log(`| ${head.join(" | ")} |`);
  console.log(`| ${head.map(() => "---").join(" | ")} |`);
  for (const page of PAGES) {
    const cells = SIZES.flatMap((s) =>
      ROLES.map((r) => {
        const x = results.get(s)!.get(page)!.get(r.role)!;
        const status = x.status === 200 ? "" : ` ${x.status}`;
        return `${fmt(x.median)} / ${fmt(x.p95)} [${x.statements ?? "?"}]${status}`;
      }),
    );
    console.log(`| \`${page}\` | ${cells.join(" | ")} |`);
  }
  if (SIZES.length > 1) {
    console.log(
      `\nRatios of medians: ${k(large)} ÷ ${k(small)} per role (target ≤ 1.3), and each external role ÷ the official at ${k(large)} (target ≤ 1.5).\n`,
    );
    const h2 = [
      "page",
      ...ROLES.map((r) => `${r.role} ${k(large)}÷${k(small)}`),
      ...ROLES.slice(1).map((r) => `${r.role}÷official`),
      "statements same at both sizes",
    ];
    console.log(`| ${h2.join(" | ")} |`);
    console.log(`| ${h2.map(() => "---").join(" | ")} |`);
    for (const page of PAGES) {
      const at = (s: number, r: Role) => results.get(s)!.get(page)!.get(r)!;
      const growth = ROLES.map((r) => ratio(at(large, r.role).median, at(small, r.role).median));
      const external = ROLES.slice(1).map((r) => ratio(at(large, r.role).median, at(large, "official").median));
      const same = ROLES.every((r) => at(large, r.role).statements === at(small, r.role).statements) ? "yes" : "no";
      console.log(`| \`${page}\` | ${[...growth, ...external, same].join(" | ")} |`);
    }
    const common = results.get(large)!.get(`/search?q=${COMMON_WORD}`)!;
    const rare = results.get(large)!.get(`/search?q=${RARE_WORD}`)!;
    console.log(
      `\nCommon ÷ rare word search at ${k(large)} (target ≤ 3): ${ROLES.map((r) => `${r.role} ${ratio(common.get(r.role)!.median, rare.get(r.role)!.median)}`).join(", ")}`,
    );
  }
  console.log(`\nThroughput, ten connections for ${LOAD_SECONDS} s each, as a ratio to /healthz (dashboard target ≥ 0.25):\n`);
  console.log("| size | request | requests/s | ÷ /healthz |");
  console.log("| --- | --- | --- | --- |");
  for (const l of load) {
    const base = load.find((x) => x.size === l.size && x.label === "/healthz")!.rps;
    console.log(`| ${k(l.size)} | \`${l.label}\` | ${l.rps.toFixed(0)} | ${(l.rps / base).toFixed(2)} |`);
  }
  console.log(
    `\nDashboard first-load JavaScript: ${js.files} files, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (target ≤ 100 KB).`,
  );
  console.log(
    `The language's catalog script (words, cached for a year across pages): ${(catalogGzipBytes / 1024).toFixed(1)} KB gzipped.`,
  );
}

await main();
