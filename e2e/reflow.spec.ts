import { expect, test } from "@playwright/test";

import { ONE_ACCOUNT_PER_ROLE } from "../db/seed/accounts";
import { signIn } from "./helpers";

/**
 * WCAG 2.2 1.4.10 Reflow: at 320 CSS px no page scrolls sideways; wide tables scroll inside their
 * own box instead. Every page of the navigation, and the main pages under it, for every role.
 */
// Pages below the navigation that hold the widest content (timeline, what-if grid, forms).
const MORE = ["/milestones/timeline", "/calendar", "/supply/scenarios", "/supply/scenarios/compare", "/preferences"];

for (const email of ONE_ACCOUNT_PER_ROLE) {
  test(`every page of the navigation reflows at 320 px for ${email}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 320, height: 640 });
    await signIn(page, email);
    // At this width the sections sit behind the menu button.
    const nav = page.getByRole("navigation", { name: "Main" });
    // (A <summary>: screen readers announce it as a disclosure button; Playwright's roles call it generic.)
    await nav.getByText("Menu", { exact: true }).click();
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(3);
    const wide: string[] = [];
    for (const href of [...hrefs, ...MORE]) {
      const response = await page.goto(href);
      // A page this role may not open answers 403/404; there is nothing to reflow.
      if (!response || response.status() >= 400) continue;
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${href}: ${width}px`);
    }
    expect(wide).toEqual([]);
  });
}

test("the sign-in page reflows at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/login");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("a wide table scrolls in its own focusable, named region", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, "official@accord.test");
  await page.goto("/supply");
  const region = page.getByRole("region", { name: "Balance of every material (scrolls sideways)" });
  await expect(region).toBeVisible();
  const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  await region.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test("below 480 px the navigation folds behind a menu button; search and languages stay in view", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, "official@accord.test");
  const nav = page.getByRole("navigation", { name: "Main" });
  // A <summary> (announced as a disclosure button); its <details> is the group that opens.
  const menu = nav.getByText("Menu", { exact: true });
  const folded = nav.getByRole("group");
  await expect(folded).not.toHaveAttribute("open");
  await expect(nav.getByRole("link", { name: "Consultations" })).toBeHidden();
  await expect(page.getByRole("search").getByLabel("Search consultations")).toBeVisible();
  await expect(page.getByRole("form", { name: "Languages" }).getByRole("button", { name: "日本語" })).toBeVisible();
  // From the keyboard: the button opens the list, and choosing a section folds it again.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(folded).toHaveAttribute("open", "");
  await nav.getByRole("link", { name: "Consultations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
  await expect(folded).not.toHaveAttribute("open");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Wide, there is no button and every section shows.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(nav.getByRole("link", { name: "Consultations" })).toBeVisible();
});
