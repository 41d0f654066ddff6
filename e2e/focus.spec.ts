import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

test("after a client-side navigation focus is on the new page's heading and its title is announced", async ({ page }) => {
  await signIn(page, "official@accord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Milestones" }).click();
  const heading = page.getByRole("heading", { level: 1, name: "Milestones" });
  await expect(heading).toBeFocused();
  await expect(page.getByTestId("route-announcer")).toHaveText("Milestones · Accord");

  await page.getByRole("link", { name: "Timeline" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeFocused();
  await expect(page.getByTestId("route-announcer")).toHaveText("Milestone timeline · Accord");
});

test("after sign-in the first Tab reaches the top of the page, not the middle", async ({ page }) => {
  await signIn(page, "official@accord.test");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Accord home" })).toBeFocused();
});

test("a form's result is announced in the same live region", async ({ page }) => {
  await signIn(page, "official@accord.test");
  await page.goto("/calendar");
  await page.getByRole("button", { name: /Create feed address|Reset feed address/ }).click();
  await page.getByRole("button", { name: "Turn off feed" }).click();
  await expect(page.getByTestId("route-announcer")).toHaveText("The form was accepted; the page shows the result.");
});

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });
  test("the announcement is the Japanese title", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("メールアドレス").fill("counterpart@accord.test");
    await page.locator("input[type=password]").fill("accord-demo-2026");
    await page.locator("main form button[type=submit]").click();
    await page.getByRole("navigation").getByRole("link", { name: "マイルストーン" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "マイルストーン" })).toBeFocused();
    await expect(page.getByTestId("route-announcer")).toHaveText(/マイルストーン/);
  });
});
