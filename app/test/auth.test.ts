import { describe, expect, it } from "vitest";

import { getSessionUser, MAX_FAILURES_PER_EMAIL, sessionIdOf, signIn } from "~/models/auth.server";
import { setUserDisabled } from "~/models/users.server";
import { loader as homeLoader } from "~/routes/_index";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, demoData, get, post, sessionUserFor } from "./fixtures";

const PASSWORD = "accord-demo-2026";

function cookieOf(headers: Headers): string {
  return (headers.get("Set-Cookie") ?? "").split(";")[0]!;
}

describe("sign-in", () => {
  it("signs in with the right password and lands on the requested page", async () => {
    await demoData();
    const res = await call(
      loginAction,
      post("/login", { email: "Official@Accord.test ", password: PASSWORD, redirectTo: "/admin/audit" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/admin/audit");
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^accord_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    // A browser-session cookie: the server ends the session, the browser forgets it on close.
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    const user = await getSessionUser(get("/", cookieOf(res.headers)));
    expect(user?.email).toBe("official@accord.test");
    expect(user?.organizationShortName).toBe("MoCI");
  });

  it("refuses a foreign redirect target", async () => {
    await demoData();
    const res = await call(
      loginAction,
      post("/login", { email: "official@accord.test", password: PASSWORD, redirectTo: "https://evil.test/" }),
    );
    expect(res.headers.get("Location")).toBe("/");
  });

  it("issues a new session id at every sign-in", async () => {
    await demoData();
    const a = await call(loginAction, post("/login", { email: "irel@accord.test", password: PASSWORD }));
    const b = await call(loginAction, post("/login", { email: "irel@accord.test", password: PASSWORD }));
    expect(cookieOf(a.headers)).not.toBe(cookieOf(b.headers));
  });

  it("replaces the browser's old session when it signs in again", async () => {
    await demoData();
    const first = cookieOf((await call(loginAction, post("/login", { email: "irel@accord.test", password: PASSWORD }))).headers);
    const again = await call(loginAction, post("/login", { email: "irel@accord.test", password: PASSWORD }, first));
    expect(await getSessionUser(get("/", first))).toBeNull();
    expect(await getSessionUser(get("/", cookieOf(again.headers)))).not.toBeNull();
  });

  it("answers the same 401 for a wrong password and an unknown email", async () => {
    await demoData();
    const wrong = await call(loginAction, post("/login", { email: "diplomat@accord.test", password: "not-the-password" }));
    const unknown = await call(loginAction, post("/login", { email: "nobody@accord.test", password: "not-the-password" }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.data as { formError: string }).formError).toBe((unknown.data as { formError: string }).formError);
    const audit = await getDb()
      .selectFrom("audit_events")
      .select(["action", "detail"])
      .where("action", "=", "auth.sign_in_failed")
      .execute();
    expect(audit.map((a) => a.detail)).toEqual(expect.arrayContaining(["diplomat@accord.test", "nobody@accord.test"]));
  });

  it("answers 400 with field messages for a malformed form", async () => {
    const res = await call(loginAction, post("/login", { email: "not-an-email", password: "" }));
    expect(res.status).toBe(400);
    expect((res.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      email: "Enter a valid email address.",
      password: "Enter your password.",
    });
  });

  it("throttles an email after five failures, before checking the password", async () => {
    await demoData();
    const email = "mines@accord.test";
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect((await call(loginAction, post("/login", { email, password: `wrong-${i}` }))).status).toBe(401);
    }
    const throttled = await call(loginAction, post("/login", { email, password: PASSWORD }));
    expect(throttled.status).toBe(429);
    expect((throttled.data as { formError: string }).formError).toMatch(/Too many failed sign-in attempts/);
    // Other accounts from the same address are unaffected below the per-address limit.
    expect((await call(loginAction, post("/login", { email: "admin@accord.test", password: PASSWORD }))).status).toBe(302);
  });

  it("throttles an address after twenty failures", async () => {
    await demoData();
    const db = getDb();
    const ip = "10.9.8.7";
    for (let i = 0; i < 20; i++) {
      const r = await signIn(db, { email: `guess${i}@accord.test`, password: "x", ip, userAgent: null });
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn(db, { email: "elcina@accord.test", password: PASSWORD, ip, userAgent: null })).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect((await signIn(db, { email: "elcina@accord.test", password: PASSWORD, ip: "10.9.8.8", userAgent: null })).ok).toBe(
      true,
    );
  });

  it("refuses a disabled account", async () => {
    const ctx = await demoData();
    await setUserDisabled(getDb(), ctx.user["admin@accord.test"]!, ctx.user["meti@accord.test"]!, true);
    const res = await call(loginAction, post("/login", { email: "meti@accord.test", password: PASSWORD }));
    expect(res.status).toBe(401);
    await setUserDisabled(getDb(), ctx.user["admin@accord.test"]!, ctx.user["meti@accord.test"]!, false);
  });
});

describe("sessions", () => {
  it("redirects anonymous requests to sign in, keeping the page to return to", async () => {
    const res = await call(homeLoader, get("/?tab=1"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2F%3Ftab%3D1");
  });

  it("ends the session on the server at sign-out", async () => {
    const cookie = await cookieFor("diplomat@accord.test");
    expect(await getSessionUser(get("/", cookie))).not.toBeNull();
    const res = await call(logoutAction, post("/logout", {}, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login");
    expect(await getSessionUser(get("/", cookie))).toBeNull();
    const events = await getDb().selectFrom("audit_events").select("action").where("action", "=", "auth.sign_out").execute();
    expect(events.length).toBeGreaterThan(0);
  });

  it("expires a session idle for more than 30 minutes", async () => {
    const cookie = await cookieFor("irel@accord.test");
    const id = sessionIdOf(cookie.split("=")[1]!);
    await getDb()
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", id)
      .execute();
    expect(await getSessionUser(get("/", cookie))).toBeNull();
  });

  it("extends an active session's idle window", async () => {
    const cookie = await cookieFor("irel@accord.test");
    const id = sessionIdOf(cookie.split("=")[1]!);
    const soon = new Date(Date.now() + 20 * 60_000).toISOString();
    await getDb().updateTable("sessions").set({ expires_at: soon }).where("id", "=", id).execute();
    expect(await getSessionUser(get("/", cookie))).not.toBeNull();
    const row = await getDb().selectFrom("sessions").select("expires_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.now()).toBeGreaterThan(29 * 60_000);
  });

  it("expires a session twelve hours after sign-in however active", async () => {
    const cookie = await cookieFor("irel@accord.test");
    const id = sessionIdOf(cookie.split("=")[1]!);
    await getDb()
      .updateTable("sessions")
      .set({ created_at: new Date(Date.now() - 12 * 3_600_000 - 1000).toISOString() })
      .where("id", "=", id)
      .execute();
    expect(await getSessionUser(get("/", cookie))).toBeNull();
  });

  it("ends every session of a user who is disabled", async () => {
    const ctx = await demoData();
    const a = await cookieFor("elcina@accord.test");
    const b = await cookieFor("elcina@accord.test");
    await setUserDisabled(getDb(), ctx.user["admin@accord.test"]!, ctx.user["elcina@accord.test"]!, true);
    expect(await getSessionUser(get("/", a))).toBeNull();
    expect(await getSessionUser(get("/", b))).toBeNull();
    await setUserDisabled(getDb(), ctx.user["admin@accord.test"]!, ctx.user["elcina@accord.test"]!, false);
  });
});

describe("password reset", () => {
  it("ends the user's sessions and revokes the calendar feed", async () => {
    const ctx = await demoData();
    const { resetPassword } = await import("~/models/users.server");
    const { issueFeedToken, userForFeedToken } = await import("~/models/calendar.server");
    const user = await sessionUserFor("diplomat@accord.test");
    const cookie = await cookieFor("diplomat@accord.test");
    const token = await issueFeedToken(getDb(), user);
    expect(await userForFeedToken(getDb(), token)).not.toBeNull();
    await resetPassword(getDb(), ctx.user["admin@accord.test"]!, user.id, "Xenotime-placer-2031");
    expect(await getSessionUser(get("/", cookie))).toBeNull();
    expect(await userForFeedToken(getDb(), token)).toBeNull();
  });
});
