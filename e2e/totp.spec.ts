import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

import { signIn, signOut, uniqueSuffix } from "./helpers";

const PASSWORD = "Xenotime-sands-2026";

/** What the user's phone would show for the secret on the page, `offset` steps from now. */
function codeAt(secret: string, offset = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + offset * 30_000 });
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Enter your authenticator code" })).toBeVisible();
}

test("a user turns on an authenticator, then signs in with its codes and a recovery code", async ({ page }) => {
  const email = `totp.${uniqueSuffix()}@accord.test`;
  await signIn(page, "admin@accord.test");
  await page.goto("/admin/users/new");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Display name").fill("Tara Lobo");
  await page.getByLabel("Role").selectOption("official");
  await page.getByLabel("Organization").selectOption({ label: "Ministry of Mines" });
  await page.getByLabel("Initial password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: "Tara Lobo" })).toBeVisible();
  await signOut(page);

  await signIn(page, email, PASSWORD);
  await page.getByRole("link", { name: "Sign-in security" }).click();
  await page.getByRole("button", { name: "Set up an authenticator" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("Code from your app").fill("12345");
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText("That code is wrong.")).toBeVisible();
  const setupCode = codeAt(secret);
  await page.getByLabel("Code from your app").fill(setupCode);
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent()) ?? "";
  await expect(page.getByRole("heading", { name: "The authenticator is on" })).toBeVisible();
  await signOut(page);

  // The code just used for the set-up cannot be used again; the next step's can.
  await passwordStep(page, email);
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(setupCode);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code was already used.")).toBeVisible();
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(codeAt(secret, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await signOut(page);

  await passwordStep(page, email);
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(recovery);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("link", { name: "Sign-in security" }).click();
  await expect(page.getByText("9 recovery codes are left.")).toBeVisible();
});
