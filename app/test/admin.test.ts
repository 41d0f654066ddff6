import { describe, expect, it } from "vitest";

import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as orgsLoader } from "~/routes/admin.organizations._index";
import { action as orgAction, loader as orgLoader } from "~/routes/admin.organizations.$orgId";
import { action as newOrgAction } from "~/routes/admin.organizations.new";
import { loader as usersLoader } from "~/routes/admin.users._index";
import { action as userAction } from "~/routes/admin.users.$userId";
import { action as newUserAction, loader as newUserLoader } from "~/routes/admin.users.new";
import { getDb } from "~/utils/db.server";
import { ONE_ACCOUNT_PER_ROLE } from "~db/seed/accounts";

import { userForm } from "./factories";
import { call, cookieFor, countRows, demoData, get, post } from "./fixtures";

const NON_ADMINS = ONE_ACCOUNT_PER_ROLE.filter((email) => email !== "admin@accord.test");

describe("administration is invisible to non-admins", () => {
  for (const email of NON_ADMINS) {
    it(`answers 404 to ${email}`, async () => {
      const cookie = await cookieFor(email);
      expect((await call(usersLoader, get("/admin/users", cookie))).status).toBe(404);
      expect((await call(orgsLoader, get("/admin/organizations", cookie))).status).toBe(404);
      expect((await call(auditLoader, get("/admin/audit", cookie))).status).toBe(404);
      expect((await call(newUserLoader, get("/admin/users/new", cookie))).status).toBe(404);
      const before = await countRows("users");
      const res = await call(
        newUserAction,
        post(
          "/admin/users/new",
          { email: "x@y.test", displayName: "X", role: "admin", organizationId: "x", password: "a-long-enough-pass" },
          cookie,
        ),
      );
      expect(res.status).toBe(404);
      expect(await countRows("users")).toBe(before);
    });
  }
});

describe("an admin manages users", () => {
  it("creates a user, refusing bad input first", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("admin@accord.test");
    const form = userForm(ctx);
    const weak = await call(newUserAction, post("/admin/users/new", form, cookie));
    expect(weak.status).toBe(400);
    expect((weak.data as { fieldErrors: Record<string, string> }).fieldErrors.password).toMatch(/too common/);

    const badRole = await call(
      newUserAction,
      post("/admin/users/new", { ...form, role: "minister", password: "Monazite-sands-2026" }, cookie),
    );
    expect(badRole.status).toBe(400);

    const badOrg = await call(
      newUserAction,
      post("/admin/users/new", { ...form, organizationId: "nope", password: "Monazite-sands-2026" }, cookie),
    );
    expect(badOrg.status).toBe(400);
    expect(await getDb().selectFrom("users").select("id").where("email", "=", form.email).executeTakeFirst()).toBeUndefined();

    const ok = await call(newUserAction, post("/admin/users/new", { ...form, password: "Monazite-sands-2026" }, cookie));
    expect(ok.status).toBe(302);
    const dup = await call(newUserAction, post("/admin/users/new", { ...form, password: "Monazite-sands-2026" }, cookie));
    expect(dup.status).toBe(409);

    const created = await getDb().selectFrom("users").selectAll().where("email", "=", form.email).executeTakeFirstOrThrow();
    expect(created.role).toBe("official");
    const audit = await getDb().selectFrom("audit_events").selectAll().where("entity_id", "=", created.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["user.create"]);
    expect(audit[0]!.after_json).not.toContain("argon2");
  });

  it("refuses a stale profile edit and keeps the input", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("admin@accord.test");
    const id = ctx.user["mines@accord.test"]!;
    const { version } = await getDb().selectFrom("users").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    const first = await call(
      userAction,
      post(
        `/admin/users/${id}`,
        {
          intent: "profile",
          displayName: "Meera Iyer (Mines)",
          role: "official",
          organizationId: ctx.org.mines,
          version: String(version),
        },
        cookie,
      ),
      { userId: id },
    );
    expect(first.status).toBe(200);
    const second = await call(
      userAction,
      post(
        `/admin/users/${id}`,
        {
          intent: "profile",
          displayName: "Stale name",
          role: "official",
          organizationId: ctx.org.mines,
          version: String(version),
        },
        cookie,
      ),
      { userId: id },
    );
    expect(second.status).toBe(409);
    expect((second.data as { values: Record<string, string> }).values.displayName).toBe("Stale name");
    const row = await getDb().selectFrom("users").select("display_name").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe("Meera Iyer (Mines)");
  });

  it("disables and re-enables an account", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("admin@accord.test");
    const id = ctx.user["industry@accord.test"]!;
    expect((await call(userAction, post(`/admin/users/${id}`, { intent: "disable" }, cookie), { userId: id })).status).toBe(200);
    expect((await getDb().selectFrom("users").select("disabled").where("id", "=", id).executeTakeFirstOrThrow()).disabled).toBe(
      1,
    );
    expect((await call(userAction, post(`/admin/users/${id}`, { intent: "enable" }, cookie), { userId: id })).status).toBe(200);
    expect((await getDb().selectFrom("users").select("disabled").where("id", "=", id).executeTakeFirstOrThrow()).disabled).toBe(
      0,
    );
    const self = ctx.user["admin@accord.test"]!;
    expect((await call(userAction, post(`/admin/users/${self}`, { intent: "disable" }, cookie), { userId: self })).status).toBe(
      400,
    );
  });

  it("answers 404 for an unknown user", async () => {
    const cookie = await cookieFor("admin@accord.test");
    expect((await call(userAction, post("/admin/users/nope", { intent: "disable" }, cookie), { userId: "nope" })).status).toBe(
      404,
    );
  });
});

describe("an admin manages organizations", () => {
  it("creates, edits with a version check, archives and restores", async () => {
    await demoData();
    const cookie = await cookieFor("admin@accord.test");
    const form = {
      name: "Indian Rare Earth Magnet Makers",
      shortName: "IREMM",
      kind: "industry_body",
      country: "India",
      sector: "Magnets",
    };
    expect((await call(newOrgAction, post("/admin/organizations/new", { ...form, kind: "club" }, cookie))).status).toBe(400);
    const created = await call(newOrgAction, post("/admin/organizations/new", form, cookie));
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;
    expect((await call(newOrgAction, post("/admin/organizations/new", form, cookie))).status).toBe(409);

    const edit = await call(
      orgAction,
      post(`/admin/organizations/${id}`, { ...form, sector: "Permanent magnets", version: "1" }, cookie),
      { orgId: id },
    );
    expect(edit.status).toBe(200);
    const stale = await call(orgAction, post(`/admin/organizations/${id}`, { ...form, sector: "Stale", version: "1" }, cookie), {
      orgId: id,
    });
    expect(stale.status).toBe(409);

    expect(
      (await call(orgAction, post(`/admin/organizations/${id}`, { intent: "archive", version: "2" }, cookie), { orgId: id }))
        .status,
    ).toBe(200);
    const list = (await call(orgsLoader, get("/admin/organizations", cookie))).data as { organizations: { id: string }[] };
    expect(list.organizations.some((o) => o.id === id)).toBe(false);
    const all = (await call(orgsLoader, get("/admin/organizations?archived=1", cookie))).data as {
      organizations: { id: string }[];
    };
    expect(all.organizations.some((o) => o.id === id)).toBe(true);
    expect((await call(orgLoader, get(`/admin/organizations/${id}`, cookie), { orgId: id })).status).toBe(200);
    expect(
      (await call(orgAction, post(`/admin/organizations/${id}`, { intent: "restore", version: "3" }, cookie), { orgId: id }))
        .status,
    ).toBe(200);

    const actions = await getDb().selectFrom("audit_events").select("action").where("entity_id", "=", id).orderBy("at").execute();
    expect(actions.map((a) => a.action)).toEqual([
      "organization.create",
      "organization.update",
      "organization.archive",
      "organization.restore",
    ]);
  });
});

describe("the audit log", () => {
  it("filters by action and user, newest first, and pages with a cursor", async () => {
    const ctx = await demoData();
    const cookie = await cookieFor("admin@accord.test");
    const res = await call(auditLoader, get("/admin/audit?action=user.create", cookie));
    const body = res.data as { rows: { action: string; at: string }[]; nextHref: string | null };
    expect(body.rows.length).toBeGreaterThanOrEqual(9);
    expect(body.rows.every((r) => r.action === "user.create")).toBe(true);
    const times = body.rows.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);

    const byUser = await call(auditLoader, get(`/admin/audit?user=${ctx.user["admin@accord.test"]}`, cookie));
    expect(byUser.data.rows.every((r) => r.actor === "Asha Raman")).toBe(true);

    expect((await call(auditLoader, get("/admin/audit?from=yesterday", cookie))).status).toBe(400);
  });
});
