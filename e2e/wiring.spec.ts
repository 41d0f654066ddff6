import { expect, test, type Browser } from "@playwright/test";

import { signIn, uniqueSuffix } from "./helpers";

async function signedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("two administrators edit the same organization: the second sees the conflict, then saves", async ({ browser }) => {
  const name = `Rare Earth Recyclers Association ${uniqueSuffix()}`;
  const first = await signedIn(browser, "admin@accord.test");
  await first.goto("/admin/organizations/new");
  await first.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await first.getByLabel("Short name").fill("RERA");
  await first.getByLabel("Kind").selectOption("industry_body");
  await first.getByLabel("Country").fill("India");
  await first.getByRole("button", { name: "Create organization" }).click();
  await expect(first.getByRole("heading", { name, level: 1 })).toBeVisible();
  const path = new URL(first.url()).pathname;

  const second = await signedIn(browser, "admin@accord.test");
  await second.goto(path);
  await first.getByLabel("Sector").fill("Magnet recycling");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByRole("status")).toHaveText("Saved.");

  await second.getByLabel("Sector").fill("E-waste recovery");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "Someone else changed this organization" })).toBeVisible();
  await expect(second.getByLabel("Sector")).toHaveValue("E-waste recovery");

  // The page now carries the saved version, so saving again applies the second person's input.
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("status")).toHaveText("Saved.");
  await first.reload();
  await expect(first.getByLabel("Sector")).toHaveValue("E-waste recovery");
});

test("an official links a milestone to an issue and finds each from the other", async ({ page }) => {
  const title = `Volumes for the second transition year agreed ${uniqueSuffix()}`;
  const issue = "Transition-period volumes";
  await signIn(page, "official@accord.test");
  await page.goto("/milestones/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Category").selectOption("negotiation");
  await page.getByLabel("Owner organization").selectOption({ label: "Ministry of Commerce and Industry" });
  await page.getByLabel("Due date").fill("2027-09-30");
  await page.getByRole("group", { name: "Linked negotiation issues" }).getByLabel(issue).check();
  await page.getByRole("button", { name: "Create milestone" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  const linked = page.getByRole("region", { name: "Linked negotiation issues" });
  await linked.getByRole("link", { name: issue }).click();
  await expect(page.getByRole("heading", { name: issue, level: 1 })).toBeVisible();
  await page.getByRole("region", { name: "Milestones" }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
});

test("an official links an issue from the consultation page; a counterpart sees only what it may", async ({ browser }) => {
  const official = await signedIn(browser, "official@accord.test");
  const title = "Bilateral opening session with Toyotsu on the 2012 arrangement";
  await official.goto(`/consultations?q=${encodeURIComponent("Bilateral opening session")}`);
  await official.getByRole("link", { name: title }).click();
  await expect(official.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const path = new URL(official.url()).pathname;
  const issues = official.getByRole("region", { name: "Issues discussed" });
  await issues.getByLabel("Link an issue").selectOption({ label: "Domestic priority allocation" });
  await issues.getByRole("button", { name: "Link issue" }).click();
  await expect(official.getByRole("status")).toHaveText(/Issue linked|already linked/);
  await expect(issues.getByRole("link", { name: "Domestic priority allocation" })).toBeVisible();
  await official.screenshot({ path: "/tmp/wiring-consultation-issues.png", fullPage: true });

  const counterpart = await signedIn(browser, "counterpart@accord.test");
  await counterpart.goto(path);
  await expect(counterpart.getByRole("heading", { level: 1 })).toBeVisible();
  // The internal issue is hidden from the Japanese side, and there is no link form.
  await expect(counterpart.getByRole("link", { name: "Domestic priority allocation" })).toHaveCount(0);
  await expect(counterpart.getByLabel("Link an issue")).toHaveCount(0);
});
