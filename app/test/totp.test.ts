/** Authenticator codes (RFC 6238) and recovery codes: setting up, signing in, refusals, the requirement. */
import { beforeAll, describe, expect, it } from "vitest";

import { signIn } from "~/models/auth.server";
import { codeFor, currentStep, TOTP_PERIOD_SECONDS } from "~/models/totp.server";
import { loader as dashboardLoader } from "~/routes/_index";
import { action as securityAction, loader as securityLoader } from "~/routes/account.security";
import { action as policyAction } from "~/routes/admin.security";
import { action as adminUserAction } from "~/routes/admin.users.$userId";
import { action as loginAction } from "~/routes/login";
import { action as codeAction, loader as codeLoader } from "~/routes/login_.code";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, demoData, get, post } from "./fixtures";

const PASSWORD = "accord-demo-2026";
const step = TOTP_PERIOD_SECONDS * 1000;

beforeAll(async () => {
  await demoData();
});

/** The secret as the set-up page shows it, spaces removed, as a person would type it into an app. */
async function startSetup(cookie: string): Promise<string> {
  expect((await call(securityAction, post("/account/security", { intent: "start" }, cookie))).status).toBe(200);
  const page = await call(securityLoader, get("/account/security", cookie));
  const setup = (page.data as { setup: { secret: string; uri: string; qr: { d: string } } | null }).setup;
  expect(setup?.uri).toMatch(/^otpauth:\/\/totp\/Accord:/);
  expect(setup?.qr.d.length).toBeGreaterThan(100);
  return setup!.secret.replace(/\s+/g, "");
}

function challengeOf(headers: Headers): string {
  const match = /accord_sign_in=([^;]+)/.exec(headers.get("Set-Cookie") ?? "");
  if (!match) throw new Error("no challenge cookie");
  return `accord_sign_in=${match[1]}`;
}

async function passwordStep(email: string, ip = "10.1.1.1") {
  const res = await call(loginAction, post("/login", { email, password: PASSWORD, redirectTo: "/" }));
  expect(res.status).toBe(302);
  expect(res.headers.get("Location")).toMatch(/^\/login\/code/);
  void ip;
  return challengeOf(res.headers);
}

async function refusals(userId: string) {
  const rows = await getDb()
    .selectFrom("audit_events")
    .select("detail")
    .where("action", "=", "auth.totp_refused")
    .where("entity_id", "=", userId)
    .execute();
  return rows.map((r) => r.detail);
}

describe("setting up an authenticator", () => {
  it("turns on only after a first right code, and hands out ten single-use recovery codes", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("mines@accord.test");
    const secret = await startSetup(cookie);

    const wrong = await call(securityAction, post("/account/security", { intent: "confirm", code: "000000" }, cookie));
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.data)).toContain("That code is wrong.");
    const old = codeFor(secret, new Date(Date.now() - 10 * step));
    const expired = await call(securityAction, post("/account/security", { intent: "confirm", code: old }, cookie));
    expect(JSON.stringify(expired.data)).toContain("That code has expired.");
    const empty = await call(securityAction, post("/account/security", { intent: "confirm", code: "" }, cookie));
    expect(empty.status).toBe(400);

    const ok = await call(securityAction, post("/account/security", { intent: "confirm", code: codeFor(secret) }, cookie));
    expect(ok.status).toBe(200);
    const codes = (ok.data as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await getDb()
      .selectFrom("totp_recovery_codes")
      .select("code_hash")
      .where("user_id", "=", ctx.user["mines@accord.test"]!)
      .execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    expect(await refusals(ctx.user["mines@accord.test"]!)).toEqual(expect.arrayContaining(["setup:wrong", "setup:expired"]));
  });
});

describe("signing in with an authenticator", () => {
  let secret = "";
  let recovery: string[] = [];
  const email = "diplomat@accord.test";

  beforeAll(async () => {
    const cookie = await cookieFor(email);
    secret = await startSetup(cookie);
    const ok = await call(
      securityAction,
      post("/account/security", { intent: "confirm", code: codeFor(secret, new Date(Date.now() - step)) }, cookie),
    );
    recovery = (ok.data as { recoveryCodes: string[] }).recoveryCodes;
  });

  it("asks for the code after the password and gives no session before it", async () => {
    const model = await signIn(getDb(), { email, password: PASSWORD, ip: "10.2.2.2", userAgent: null });
    expect(model.ok).toBe(false);
    expect(model.ok === false && model.reason).toBe("second_factor");
    const challenge = await passwordStep(email);
    expect((await call(codeLoader, get("/login/code", challenge))).status).toBe(200);
    // Without a challenge the code page sends you back to the password.
    expect((await call(codeLoader, get("/login/code"))).headers.get("Location")).toBe("/login");

    const res = await call(codeAction, post("/login/code", { code: codeFor(secret), redirectTo: "/brief" }, challenge));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/brief");
    expect(res.headers.get("Set-Cookie")).toContain("accord_session=");
    // The challenge is spent: the same one cannot open a second session.
    const again = await call(codeAction, post("/login/code", { code: codeFor(secret, new Date(Date.now() + step)) }, challenge));
    expect(again.status).toBe(401);
  });

  it("refuses a reused code, a wrong one and an expired one, each with its own message, and audits them", async () => {
    const ctx = await demoData();
    const used = codeFor(secret);
    // The step of `used` was spent by the previous test or is spent here.
    await call(codeAction, post("/login/code", { code: used }, await passwordStep(email)));
    const challenge = await passwordStep(email);
    const replay = await call(codeAction, post("/login/code", { code: used }, challenge));
    expect(replay.status).toBe(401);
    expect(JSON.stringify(replay.data)).toContain("That code was already used.");
    const wrong = await call(codeAction, post("/login/code", { code: "123456" === used ? "654321" : "123456" }, challenge));
    expect(JSON.stringify(wrong.data)).toContain("That code is wrong.");
    const expired = await call(
      codeAction,
      post("/login/code", { code: codeFor(secret, new Date(Date.now() - 8 * step)) }, challenge),
    );
    expect(JSON.stringify(expired.data)).toContain("That code has expired.");
    const details = await refusals(ctx.user[email]!);
    expect(details).toEqual(expect.arrayContaining(["sign_in:reused", "sign_in:wrong", "sign_in:expired"]));
    // Clear the failures so the next test is not throttled.
    await getDb().deleteFrom("login_attempts").where("email", "=", email).execute();
  });

  it("takes a recovery code once", async () => {
    const first = await call(codeAction, post("/login/code", { code: recovery[0]!.toUpperCase() }, await passwordStep(email)));
    expect(first.status).toBe(302);
    const second = await call(codeAction, post("/login/code", { code: recovery[0]! }, await passwordStep(email)));
    expect(second.status).toBe(401);
    expect(JSON.stringify(second.data)).toContain("That code was already used.");
    await getDb().deleteFrom("login_attempts").where("email", "=", email).execute();
  });

  it("throttles wrong codes like wrong passwords", async () => {
    const challenge = await passwordStep(email);
    for (let i = 0; i < 5; i++) {
      const r = await call(codeAction, post("/login/code", { code: String(100000 + i) }, challenge));
      expect(r.status).toBe(401);
    }
    const blocked = await call(
      codeAction,
      post("/login/code", { code: codeFor(secret, new Date(Date.now() + step)) }, challenge),
    );
    expect(blocked.status).toBe(429);
    // And the password step is throttled too.
    expect((await signIn(getDb(), { email, password: PASSWORD, ip: "10.3.3.3", userAgent: null })).ok).toBe(false);
    await getDb().deleteFrom("login_attempts").where("email", "=", email).execute();
  });

  it("refuses an expired challenge", async () => {
    const challenge = await passwordStep(email);
    await getDb()
      .updateTable("sign_in_challenges")
      .set({ expires_at: "2000-01-01T00:00:00.000Z" })
      .where("used_at", "is", null)
      .execute();
    const r = await call(codeAction, post("/login/code", { code: codeFor(secret) }, challenge));
    expect(r.status).toBe(401);
    expect(JSON.stringify(r.data)).toContain("Your sign-in took too long.");
  });
});

describe("an administrator requires an authenticator", () => {
  it("sends users of the role to set it up before anything else, and only admins may choose", async () => {
    const admin = await cookieFor("admin@accord.test");
    const official = await cookieFor("official@accord.test");
    expect((await call(policyAction, post("/admin/security", { role: "official" }, official))).status).toBe(404);
    expect((await call(policyAction, post("/admin/security", { role: "counterpart" }, admin))).status).toBe(400);
    expect((await call(policyAction, post("/admin/security", { role: ["official", "irel"] }, admin))).status).toBe(200);

    const blocked = await call(dashboardLoader, get("/", official));
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("Location")).toBe("/account/security");
    expect((await call(securityLoader, get("/account/security", official))).status).toBe(200);
    // External roles are never affected.
    expect((await call(dashboardLoader, get("/", await cookieFor("counterpart@accord.test")))).status).toBe(200);

    const secret = await startSetup(official);
    await call(securityAction, post("/account/security", { intent: "confirm", code: codeFor(secret) }, official));
    expect((await call(dashboardLoader, get("/", official))).status).toBe(200);
    // A required authenticator cannot be turned off.
    const off = await call(
      securityAction,
      post("/account/security", { intent: "disable", code: codeFor(secret, new Date(Date.now() + step)) }, official),
    );
    expect(off.status).toBe(409);
    const audit = await getDb().selectFrom("audit_events").select("action").where("action", "=", "admin.totp_policy").execute();
    expect(audit).toHaveLength(1);
    expect(currentStep()).toBeGreaterThan(0);
    await call(policyAction, post("/admin/security", {}, admin));
  });
});

describe("an administrator turns off a lost authenticator", () => {
  it("revokes it and its recovery codes, ends the user's sessions, and audits it", async () => {
    const ctx = await demoData();
    const email = "elcina@accord.test";
    const userId = ctx.user[email]!;
    const cookie = await cookieFor(email);
    const secret = await startSetup(cookie);
    await call(securityAction, post("/account/security", { intent: "confirm", code: codeFor(secret) }, cookie));
    const admin = await cookieFor("admin@accord.test");
    const reset = await call(adminUserAction, post(`/admin/users/${userId}`, { intent: "totp_reset" }, admin), { userId });
    expect(reset.status).toBe(200);
    expect(await getDb().selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).toHaveLength(0);
    // Sign-in asks for the password only again.
    const res = await call(loginAction, post("/login", { email, password: PASSWORD, redirectTo: "/" }));
    expect(res.headers.get("Location")).toBe("/");
    const again = await call(adminUserAction, post(`/admin/users/${userId}`, { intent: "totp_reset" }, admin), { userId });
    expect(again.status).toBe(409);
    // Only an administrator may.
    const official = await call(
      adminUserAction,
      post(`/admin/users/${userId}`, { intent: "totp_reset" }, await cookieFor("official@accord.test")),
      { userId },
    );
    expect(official.status).toBe(404);
    const audit = await getDb()
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "admin.totp_reset")
      .where("entity_id", "=", userId)
      .execute();
    expect(audit).toHaveLength(1);
  });
});
