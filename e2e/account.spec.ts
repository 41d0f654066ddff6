import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn, signOut } from "./helpers";

test("a user changes their own password, then signs in with it", async ({ page }) => {
  // Other journeys sign in as tsusho@ too: the password is put back at the end.
  await signIn(page, "tsusho@accord.test");
  await page.getByRole("link", { name: "Password" }).click();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("Bastnaesite-ore-2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password").fill("Bastnaesite-ore-2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other sessions have ended.")).toBeVisible();
  await signOut(page);
  await signIn(page, "tsusho@accord.test", "Bastnaesite-ore-2026");
  await page.getByRole("link", { name: "Password" }).click();
  await page.getByLabel("Current password").fill("Bastnaesite-ore-2026");
  await page.getByLabel("New password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other sessions have ended.")).toBeVisible();
});

test("the forgotten-password page answers the same for any address", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  // The sign-in page has an "Email address" too: wait for the new page before filling.
  await expect(page.getByRole("heading", { name: "Forgotten password" })).toBeVisible();
  await page.getByLabel("Email address").fill("nobody.here@accord.test");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  const answer = page.getByText(/If that address belongs to an Accord account/);
  await expect(answer).toBeVisible();
  const text = await answer.textContent();
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill("meti@accord.test");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText(/If that address belongs to an Accord account/)).toHaveText(text ?? "");
  await page.goto("/reset-password/made-up-token");
  await expect(page.getByText("This reset link is not valid. Ask for a new one.")).toBeVisible();
});

// Typing before the page hydrates must survive react-hook-form registering the field.
test("the forgotten-password form says when an address is malformed", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
});

test("notification choices are kept, and the admin page says mail is off", async ({ page }) => {
  await signIn(page, "meti@accord.test");
  await page.getByRole("link", { name: "Preferences" }).click();
  await page.getByLabel("Send me").selectOption("digest");
  await page.getByLabel("Digest hour (in your time zone)").selectOption("7");
  await page.getByRole("button", { name: "Save notification choices" }).click();
  await expect(page.getByText("Notification choices saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Send me")).toHaveValue("digest");
  await expect(page.getByLabel("Digest hour (in your time zone)")).toHaveValue("7");
  await signOut(page);
  await signIn(page, "admin@accord.test");
  await page.goto("/admin/users");
  await expect(page.getByText(/Mail is off \(SMTP_URL is not set\)/)).toBeVisible();
});
