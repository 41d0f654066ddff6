import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD } from "./helpers";

// Signs in whatever language the page speaks.
async function signInAnyLanguage(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel(/^(Email address|メールアドレス|ईमेल पता)/).fill(email);
  await page.getByLabel(/^(Password|パスワード|पासवर्ड)/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(Sign in|ログイン|साइन इन करें)$/ }).click();
  await expect(page.getByRole("navigation", { name: /^(Main|メイン|मुख्य)$/ })).toBeVisible();
}

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, what).toEqual([]);
}

const USERS = ["official@accord.test", "counterpart@accord.test", "industry@accord.test"];

for (const [language, locale] of [
  ["English", "en-IN"],
  ["Japanese", "ja-JP"],
] as const) {
  test.describe(`axe in ${language}`, () => {
    test.use({ locale });

    test(`the sign-in page has no violations in ${language}`, async ({ page }) => {
      await page.goto("/login");
      await expectNoViolations(page, "/login");
    });

    for (const email of USERS) {
      test(`every page of ${email}'s navigation has no violations in ${language}`, async ({ page }) => {
        test.setTimeout(120_000);
        await signInAnyLanguage(page, email);
        const nav = page.getByRole("navigation", { name: /^(Main|メイン)$/ });
        const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
        expect(hrefs.length).toBeGreaterThan(3);
        for (const href of [...hrefs, "/preferences", "/account/security"]) {
          await page.goto(href);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          await expectNoViolations(page, `${email} ${href}`);
        }
      });
    }
  });
}
