import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn, signOut, uniqueSuffix } from "./helpers";

test("an official signs in, is greeted by name, role and organization, and signs out", async ({ page }) => {
  await page.goto("/consultations");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fconsultations/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, "official@accord.test");
  await expect(page.getByRole("heading", { name: "Welcome, Vikram Sethi" })).toBeVisible();
  await expect(page.getByText("Signed in as Government official, Ministry of Commerce and Industry.")).toBeVisible();
  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password gets a message that does not say whether the account exists", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("diplomat@accord.test");
  await page.getByLabel("Password").fill("definitely-not-it");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The email address or password is incorrect.");
  await page.getByLabel("Email address").fill("nobody@accord.test");
  await page.getByLabel("Password").fill("definitely-not-it");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The email address or password is incorrect.");
});

test("the browser shows field errors before posting", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("sign-in still works and errors still show", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await page.getByLabel("Email address").fill("irel@accord.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Welcome, Rahul Menon" })).toBeVisible();
  });

  test("edit forms arrive filled in", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("admin@accord.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.goto("/admin/organizations");
    await page.getByRole("link", { name: "Ministry of Mines" }).click();
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Ministry of Mines");
    await expect(page.getByLabel("Kind")).toHaveValue("ministry");
  });
});

test("unknown addresses show a 404 page without details", async ({ page }) => {
  await signIn(page, "diplomat@accord.test");
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("non-admins get 404 for administration pages", async ({ page }) => {
  await signIn(page, "official@accord.test");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a cross-site form post is refused with 403", async ({ request }) => {
  const response = await request.post("/login", {
    form: { email: "official@accord.test", password: DEMO_PASSWORD },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const noOrigin = await request.fetch("/logout", { method: "POST", headers: { Origin: "" }, maxRedirects: 0 });
  expect(noOrigin.status()).toBe(403);
});

test("every HTML page carries the security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const health = await request.get("/healthz");
  expect(await health.json()).toEqual({ status: "ok" });
});

test("an admin creates a user, who signs in; disabling the account ends that session", async ({ page, browser }) => {
  const email = `analyst.${uniqueSuffix()}@accord.test`;
  await signIn(page, "admin@accord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "New user" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Display name").fill("Farah Qureshi");
  await page.getByLabel("Role").selectOption("diplomat");
  await page.getByLabel("Organization").selectOption({ label: "Ministry of External Affairs" });
  await page.getByLabel("Initial password").fill("password1234");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("This password is too common; choose another.")).toBeVisible();
  await page.getByLabel("Initial password").fill("Monazite-beach-sands-7");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: "Farah Qureshi" })).toBeVisible();

  const other = await browser.newContext();
  const theirPage = await other.newPage();
  await signIn(theirPage, email, "Monazite-beach-sands-7");
  await expect(theirPage.getByText("Signed in as Diplomat, Ministry of External Affairs.")).toBeVisible();

  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByRole("status")).toContainText("Account disabled");

  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/login/);
  await other.close();

  await page.getByRole("link", { name: "Audit log" }).first().click();
  await page.getByLabel("Action").selectOption("user.disable");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: "user.disable" }).first()).toBeVisible();
});

test("an admin archives and restores an organization", async ({ page }) => {
  const name = `Magnet Makers Forum ${uniqueSuffix()}`;
  await signIn(page, "admin@accord.test");
  await page.goto("/admin/organizations/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByLabel("Short name").fill("MMF");
  await page.getByLabel("Kind").selectOption("industry_body");
  await page.getByLabel("Country").fill("India");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Archive organization" }).click();
  await expect(page.getByRole("status")).toHaveText("Organization archived.");
  await page.goto("/admin/organizations");
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await page.getByLabel("Include archived").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Restore organization" }).click();
  await expect(page.getByRole("status")).toHaveText("Organization restored.");
});
