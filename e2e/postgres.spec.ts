/**
 * Two Accord servers from the production build on one PostgreSQL: sessions, sign-out, sign-in
 * throttling, edit conflicts and demand decisions hold across them; an outage answers 503 and
 * heals without a restart; an unreachable database at start-up is one line and a non-zero exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { expect, request as httpRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";

import { createTestDatabase, freePort, startTestCluster, type TestCluster } from "../db/testing/pg-cluster";
import { DEMO_PASSWORD } from "./helpers";

const basePort = Number(process.env.E2E_PORT ?? 3210) + 100;
const A = `http://127.0.0.1:${basePort}`;
const B = `http://127.0.0.1:${basePort + 1}`;

let cluster: TestCluster;
let databaseUrl: string;
const servers: ChildProcess[] = [];

function serverEnv(url: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    PORT: String(port),
    HOST: "127.0.0.1",
    COOKIE_SECURE: "false",
    DATABASE_POOL_MAX: "4",
  };
}

async function waitForHealth(origin: string, status = 200, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await fetch(`${origin}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (got === status) return;
    if (Date.now() > until) throw new Error(`${origin}/healthz answered ${got}, not ${status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function form(ctx: APIRequestContext, origin: string, path: string, fields: Record<string, string>) {
  return ctx.post(`${origin}${path}`, { form: fields, headers: { Origin: origin }, maxRedirects: 0 });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startTestCluster();
  databaseUrl = await createTestDatabase(cluster.url(), "accord_e2e");
  const seeded = await run("npx", ["tsx", "db/seed.ts", "--demo"], { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD });
  expect(seeded.code, seeded.stderr).toBe(0);
  for (const [i, port] of [basePort, basePort + 1].entries()) {
    const child = spawn("node", ["build/server.js"], { env: serverEnv(databaseUrl, port), stdio: ["ignore", "ignore", "pipe"] });
    child.stderr?.on("data", (d) => process.stderr.write(`[server ${"AB"[i]}] ${d}`));
    servers.push(child);
  }
  await Promise.all([waitForHealth(A), waitForHealth(B)]);
});

test.afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  cluster?.stop();
});

test("a session made on one instance is valid on the other, and signing out on one ends it on both", async ({ page }) => {
  await page.goto(`${A}/login`);
  await page.getByLabel("Email address").fill("official@accord.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Cookies belong to the host, not the port: the same browser now visits the other instance.
  await page.goto(`${B}/issues`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Accord" })).toBeVisible();
  // The session row is gone from the shared database, so instance A refuses the old cookie too.
  const again = await page.request.get(`${A}/issues`, { maxRedirects: 0 });
  expect(again.status()).toBe(302);
  expect(again.headers()["location"]).toContain("/login");
});

test("five wrong passwords spread over both instances throttle the account", async () => {
  const ctx = await httpRequest.newContext();
  for (let i = 0; i < 5; i++) {
    const r = await form(ctx, i % 2 === 0 ? A : B, "/login", {
      email: "mines@accord.test",
      password: `wrong-${i}-password`,
      redirectTo: "/",
    });
    expect(r.status()).toBe(401);
  }
  // Even the right password is refused now, on either instance.
  for (const origin of [A, B]) {
    const r = await form(ctx, origin, "/login", { email: "mines@accord.test", password: DEMO_PASSWORD, redirectTo: "/" });
    expect(r.status()).toBe(429);
  }
  await ctx.dispose();
});

test("a stale save on the other instance answers 409 and keeps the text", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInAt(first, A, "official@accord.test");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>("select id from issues where archived_at is null order by title limit 1");
  await client.end();
  const id = rows[0]!.id;
  const second = await context.newPage();
  await first.goto(`${A}/issues/${id}/edit`);
  await second.goto(`${B}/issues/${id}/edit`);
  await first.getByLabel("Description").fill("Saved first, on instance A.");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByText("Saved.")).toBeVisible();
  await second.getByLabel("Description").fill("Typed on instance B from the older version.");
  const [response] = await Promise.all([
    second.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/issues/${id}/edit`)),
    second.getByRole("button", { name: "Save changes" }).click(),
  ]);
  expect(response.status()).toBe(409);
  await expect(second.getByText("Someone else changed this issue while you were editing.")).toBeVisible();
  await expect(second.getByLabel("Description")).toHaveValue("Typed on instance B from the older version.");
  await context.close();
});

test("a demand decision raced on both instances has exactly one winner", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, A, "official@accord.test");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; version: number }>(
      "select id, version from demand_requests where status in ('submitted', 'under_review') and current_decision_id is null order by created_at limit 1",
    );
    const target = rows[0]!;
    const before = await client.query("select count(*)::int as n from demand_decisions where request_id = $1", [target.id]);
    const fields = (reasons: string) => ({
      intent: "decide",
      outcome: "rejected",
      reasons,
      version: String(target.version),
      replaces: "",
    });
    const [a, b] = await Promise.all([
      form(context.request, A, `/demand/${target.id}`, fields("Decided on instance A.")),
      form(context.request, B, `/demand/${target.id}`, fields("Decided on instance B.")),
    ]);
    expect([a.status(), b.status()].sort()).toEqual([200, 409]);
    const after = await client.query("select count(*)::int as n from demand_decisions where request_id = $1", [target.id]);
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
    const request = await client.query("select version from demand_requests where id = $1", [target.id]);
    expect(request.rows[0].version).toBe(target.version + 1);
  } finally {
    await client.end();
  }
  await context.close();
});

test("a database that goes away answers 503, saves nothing, and comes back without a restart", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, A, "official@accord.test");
  await page.goto(`${A}/issues`);
  const link = page.getByRole("main").getByRole("link").first();
  await expect(link).toBeVisible();
  cluster.pause();
  try {
    await waitForHealth(A, 503, 20_000);
    const health = await context.request.get(`${A}/healthz`);
    expect(await health.json()).toMatchObject({ status: "unavailable", database: "unreachable" });
    const listed = await context.request.get(`${A}/issues`);
    expect(listed.status()).toBe(503);
    const saved = await form(context.request, B, "/issues/new", {
      intent: "save",
      title: "Written during the outage",
      description: "",
      status: "open",
      priority: "medium",
      visibility: "internal",
    });
    expect(saved.status()).toBe(503);
    expect(await saved.text()).not.toContain("Saved");
  } finally {
    cluster.resume();
  }
  await Promise.all([waitForHealth(A), waitForHealth(B)]);
  await page.goto(`${A}/issues`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.getByText("Written during the outage").count()).toBe(0);
  await context.close();
});

test("an unreachable DATABASE_URL at start-up is one clear line and a non-zero exit", async () => {
  const port = await freePort();
  const result = await run(
    "node",
    ["build/server.js"],
    serverEnv(`postgres://accord:secret@127.0.0.1:${port}/accord`, basePort + 2),
  );
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^Accord cannot start: database postgres:\/\/accord:\*\*\*\*@127\.0\.0\.1:\d+\/accord: .*ECONNREFUSED/,
  );
});

async function signInAt(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
