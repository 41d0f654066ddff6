import { describe, expect, it } from "vitest";

import { NAMESPACES } from "~/i18n";
import { loader as rootLoader } from "~/root";
import { loader as catalogLoader } from "~/routes/locales.$file";
import { action, loader } from "~/routes/preferences";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, get, ORIGIN, post } from "./fixtures";

function getWith(pathname: string, headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}${pathname}`, { headers });
}

describe("preferences", () => {
  it("stores a signed-in user's language and zone, audited, and the session user carries them", async () => {
    const cookie = await cookieFor("diplomat@accord.test");
    const res = await call(action, post("/preferences", { locale: "ja", timeZone: "Asia/Tokyo" }, cookie));
    expect(res.status).toBe(302);
    const row = await getDb()
      .selectFrom("users")
      .select(["locale", "time_zone"])
      .where("email", "=", "diplomat@accord.test")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locale: "ja", time_zone: "Asia/Tokyo" });
    const audit = await getDb().selectFrom("audit_events").selectAll().where("action", "=", "user.preferences_updated").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({
      locale: "ja",
      time_zone: "Asia/Tokyo",
    });
    const page = await call(loader, get("/preferences", cookie));
    expect(page.data).toMatchObject({ locale: "ja", timeZone: "Asia/Tokyo" });
    // The stored choice beats the browser's.
    const root = await call(rootLoader, getWith("/", { Cookie: cookie, "Accept-Language": "hi-IN,hi;q=0.9" }));
    expect((root.data as { locale: string }).locale).toBe("ja");
  });

  it("refuses a language or zone that is not one, and stores nothing", async () => {
    const cookie = await cookieFor("official@accord.test");
    const res = await call(action, post("/preferences", { locale: "fr", timeZone: "Mars/Olympus" }, cookie));
    expect(res.status).toBe(400);
    expect((res.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      locale: "Choose English, Japanese or Hindi.",
      timeZone: "Choose a time zone from the list.",
    });
    const row = await getDb()
      .selectFrom("users")
      .select(["locale", "time_zone"])
      .where("email", "=", "official@accord.test")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locale: null, time_zone: null });
  });

  it("derives a default zone from the organization's country", async () => {
    const cookie = await cookieFor("meti@accord.test");
    const page = await call(loader, get("/preferences", cookie));
    expect(page.data).toMatchObject({ timeZone: "Asia/Tokyo" });
    const indian = await call(loader, get("/preferences", await cookieFor("industry@accord.test")));
    expect(indian.data).toMatchObject({ timeZone: "Asia/Kolkata" });
  });

  it("follows Accept-Language, then a chosen cookie, for a reader who is not signed in", async () => {
    const ja = await call(rootLoader, getWith("/login", { "Accept-Language": "ja-JP,ja;q=0.9,en;q=0.5" }));
    expect((ja.data as { locale: string }).locale).toBe("ja");
    const fallback = await call(rootLoader, getWith("/login", { "Accept-Language": "fr-FR" }));
    expect((fallback.data as { locale: string }).locale).toBe("en");
    const chosen = await call(action, post("/preferences", { locale: "hi", redirectTo: "/login" }));
    expect(chosen.status).toBe(302);
    const setCookie = chosen.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^accord_lng=/);
    const after = await call(
      rootLoader,
      getWith("/login", {
        Cookie: setCookie.split(";")[0]!,
        "Accept-Language": "ja",
      }),
    );
    expect((after.data as { locale: string }).locale).toBe("hi");
    // Only this language's words travel to the browser, in a script named by its content's hash.
    const catalog = (after.data as { catalog: string }).catalog;
    expect(catalog).toMatch(/^\/locales\/hi\.[0-9a-f]{12}\.js$/);
    const serve = (file: string) =>
      catalogLoader({ request: get(`/locales/${file}`), params: { file }, context: { nonce: "", clientAddress: "127.0.0.1" } });
    const script = serve(catalog.split("/").pop()!);
    expect(script.status).toBe(200);
    expect(script.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const body = await script.text();
    const loaded = JSON.parse(body.slice(body.indexOf("=") + 1, body.lastIndexOf(";"))) as { locale: string; resources: object };
    expect(loaded.locale).toBe("hi");
    expect(Object.keys(loaded.resources)).toEqual([...NAMESPACES]);
    // An old (or made-up) name is not served.
    expect(serve("hi.000000000000.js").status).toBe(404);
  });
});
