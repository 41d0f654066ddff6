/** Fixes from the outside review (issue 10), each with the check that failed before it. */
import { afterEach, describe, expect, it, vi } from "vitest";

import { handleError } from "~/entry.server";
import { getSessionUser, sessionIdOf } from "~/models/auth.server";
import { issueFeedToken } from "~/models/calendar.server";
import { setUserDisabled } from "~/models/users.server";
import { loader as feedLoader } from "~/routes/calendar.feed.$file";
import { action as loginAction } from "~/routes/login";
import { loader as compareLoader } from "~/routes/supply.scenarios.compare";
import { getDb } from "~/utils/db.server";
import { UNSUPPORTED_BODY_MESSAGE } from "~/utils/form-body.server";

import { call, cookieFor, demoData, get, ORIGIN, post, sessionUserFor } from "./fixtures";

const PASSWORD = "accord-demo-2026";

afterEach(() => vi.restoreAllMocks());

describe("form bodies", () => {
  it("answers 415 with a message to JSON, text, XML and missing bodies at /login", async () => {
    await demoData();
    for (const type of ["application/json", "text/plain", "application/xml", null]) {
      const headers: Record<string, string> = { Origin: ORIGIN };
      if (type) headers["Content-Type"] = type;
      const res = await call(
        loginAction,
        new Request(`${ORIGIN}/login`, {
          method: "POST",
          headers,
          body: type ? "{}" : null,
        }),
      );
      expect(res.status).toBe(415);
      expect(res.data).toEqual({ message: UNSUPPORTED_BODY_MESSAGE });
    }
  });

  it("answers /login with a sparse index at once, echoing only the known fields", async () => {
    await demoData();
    const started = performance.now();
    const res = await call(
      loginAction,
      post("/login", {
        email: "",
        password: "",
        "x.99999999": "1",
        "redirectTo.3000000": "1",
      }),
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data).length).toBeLessThan(1_000);
    expect((res.data as { values: Record<string, unknown> }).values).toEqual({
      email: "",
    });
  });

  it("refuses a value that is not valid UTF-8 next to its field instead of storing U+FFFD", async () => {
    await demoData();
    const request = new Request(`${ORIGIN}/login`, {
      method: "POST",
      headers: {
        Origin: ORIGIN,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "email=a%ED%A0%80%40b.test&password=x",
    });
    const res = await call(loginAction, request);
    expect(res.status).toBe(400);
    expect((res.data as { fieldErrors: Record<string, string> }).fieldErrors.email).toMatch(/not valid Unicode/);
  });
});

describe("scenario comparison", () => {
  it("shows the picker for ?a= and ?a=&b= instead of failing", async () => {
    const cookie = await cookieFor("official@accord.test");
    for (const query of ["?a=", "?a=&b=", "?b="]) {
      const res = await call(compareLoader, get(`/supply/scenarios/compare${query}`, cookie));
      expect(res.status).toBe(200);
      expect((res.data as { a: { id: string } }).a.id).toBe("committed");
    }
  });
});

describe("calendar feeds of a disabled user", () => {
  it("stay revoked when the account is enabled again", async () => {
    const ctx = await demoData();
    const user = await sessionUserFor("meti@accord.test");
    const token = await issueFeedToken(getDb(), user);
    expect(
      (
        await call(feedLoader, get(`/calendar/feed/${token}.ics`), {
          file: `${token}.ics`,
        })
      ).status,
    ).toBe(200);
    await setUserDisabled(getDb(), ctx.user["admin@accord.test"]!, user.id, true);
    await setUserDisabled(getDb(), ctx.user["admin@accord.test"]!, user.id, false);
    expect(
      (
        await call(feedLoader, get(`/calendar/feed/${token}.ics`), {
          file: `${token}.ics`,
        })
      ).status,
    ).toBe(404);
  });
});

describe("stored sessions", () => {
  it("hold only the SHA-256 of the cookie's token", async () => {
    await demoData();
    const res = await call(loginAction, post("/login", { email: "elcina@accord.test", password: PASSWORD }));
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
    const token = cookie.split("=")[1]!;
    const rows = await getDb().selectFrom("sessions").select("id").execute();
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(rows.map((r) => r.id)).toContain(sessionIdOf(token));
    expect((await getSessionUser(get("/", cookie)))?.email).toBe("elcina@accord.test");
    // Whoever reads the table cannot use what is there as a cookie.
    expect(await getSessionUser(get("/", `accord_session=${sessionIdOf(token)}`))).toBeNull();
  });
});

describe("error logging", () => {
  it("logs nothing for an expected 404 and one line for a real error", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    // The shape of Remix's ErrorResponseImpl for "No route matches".
    const notFound = {
      status: 404,
      statusText: "Not Found",
      internal: true,
      data: 'Error: No route matches URL "/nope"',
    };
    handleError(notFound, { request: get("/nope") });
    expect(spy).not.toHaveBeenCalled();
    handleError(new Error("boom"), {
      request: get("/calendar/feed/secret-token.ics"),
    });
    expect(spy).toHaveBeenCalledTimes(1);
    const line = String(spy.mock.calls[0]![0]);
    expect(JSON.parse(line)).toMatchObject({
      msg: "error",
      method: "GET",
      path: "/calendar/feed/[secret]",
    });
    expect(line).not.toContain("secret-token");
  });
});
