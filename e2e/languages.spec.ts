import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "./helpers";

test.describe("a Japanese browser", () => {
  test.use({ locale: "ja-JP" });

  test("a METI user sees Accord in Japanese, from the sign-in page on", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja-JP");
    await expect(page.getByRole("heading", { name: "Accord にログイン" })).toBeVisible();
    await page.getByLabel("メールアドレス").fill("meti@accord.test");
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    const nav = page.getByRole("navigation", { name: "メイン" });
    await expect(nav.getByRole("link", { name: "ホーム" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "協議" })).toBeVisible();
    await expect(page.getByRole("button", { name: "ログアウト" })).toBeVisible();
    await expect(page).toHaveTitle(/Accord/);
  });

  test("a wrong password is explained in Japanese", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("メールアドレス").fill("meti@accord.test");
    await page.getByLabel("パスワード").fill("not the password");
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText("メールアドレスまたはパスワードが正しくありません。");
  });
});

test("an official switches to Hindi, which is remembered, and back to English", async ({ page, context }) => {
  await signIn(page, "mines@accord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Consultations" }).click();
  await expect(page).toHaveURL(/\/consultations/);
  await page.getByRole("button", { name: "हिन्दी" }).click();
  // The same page, now in Hindi.
  await expect(page).toHaveURL(/\/consultations/);
  await expect(page.locator("html")).toHaveAttribute("lang", "hi-IN");
  await expect(page.getByRole("navigation", { name: "मुख्य" }).getByRole("link", { name: "मुखपृष्ठ" })).toBeVisible();
  await expect(page.getByRole("button", { name: "हिन्दी" })).toHaveAttribute("aria-current", "true");

  // Stored with the user, not the browser: with every cookie gone, signing in again speaks Hindi.
  await context.clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email address").fill("mines@accord.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "मुख्य" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-IN");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" })).toBeVisible();
});

test("preferences take a language and a time zone", async ({ page }) => {
  await signIn(page, "diplomat@accord.test");
  await page.getByRole("link", { name: "Preferences" }).click();
  await expect(page.getByRole("heading", { name: "Preferences" })).toBeVisible();
  await page.getByLabel("Language", { exact: true }).selectOption("ja");
  await page.getByLabel("Time zone", { exact: true }).selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status")).toHaveText("設定を保存しました。");
  await expect(page.getByLabel("タイムゾーン", { exact: true })).toHaveValue("Asia/Tokyo");
  await page.getByLabel("表示言語", { exact: true }).selectOption("en");
  await page.getByRole("button", { name: "設定を保存", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Your preferences are saved.");
});
