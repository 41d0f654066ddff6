import { expect, test, type Browser, type Page } from "@playwright/test";

import { signIn, uniqueSuffix } from "./helpers";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("a counterpart never sees the note a milestone carried before it was shared with Toyotsu", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const title = `Walk-away volume for the 2027 schedule ${suffix}`;
  const secret = `SECRETNOTE fall-back if the talks fail ${suffix}`;
  const official = await signedIn(browser, "official@accord.test");
  await official.goto("/milestones/new");
  await official.getByLabel("Title").fill(title);
  await official.getByLabel("Category").selectOption("policy");
  await official.getByLabel("Owner organization").selectOption({ label: "Ministry of Commerce and Industry" });
  await official.getByLabel("Due date").fill("2027-06-30");
  await official.getByLabel("Visibility").selectOption("internal");
  await official.getByLabel("Progress note").fill(secret);
  await official.getByLabel("Toyotsu Rare Earths India").check();
  await official.getByRole("button", { name: "Create milestone" }).click();
  await expect(official.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const path = new URL(official.url()).pathname;

  // Shared with Toyotsu, with a note written for them.
  const edit = official.getByRole("region", { name: "Edit milestone" });
  await edit.getByLabel("Visibility").selectOption("shared");
  await edit.getByLabel("Progress note").fill("Schedule under discussion with Toyotsu.");
  await official.getByRole("button", { name: "Save changes" }).click();
  await expect(official.getByRole("status")).toHaveText("Saved.");
  await expect(official.getByRole("region", { name: "Status history" })).toContainText(secret);
  await official.context().close();

  const counterpart = await signedIn(browser, "counterpart@accord.test");
  await counterpart.goto(path);
  await expect(counterpart.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const history = counterpart.getByRole("region", { name: "Status history" });
  await expect(history).toBeVisible();
  await expect(history).toContainText("No status changes you may see are recorded.");
  await expect(counterpart.locator("body")).not.toContainText("SECRETNOTE");
  await counterpart.screenshot({ path: "/tmp/history-milestone-counterpart.png", fullPage: true });
});

test("IREL never sees a follow-up action's text from when the consultation was restricted", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const title = `Fall-back briefing ${suffix}`;
  const secret = `RESTRICTEDACTION brief the minister on the walk-away volume ${suffix}`;
  const official = await signedIn(browser, "official@accord.test");
  await official.goto("/consultations/new");
  await official.getByLabel("Title").fill(title);
  await official.getByLabel("Date and time").fill("2026-11-28T11:00");
  await official.getByLabel("Time zone the time was given in").selectOption("Asia/Kolkata");
  await official.getByLabel("Kind").selectOption({ label: "Inter-ministerial" });
  await official.getByLabel("Mode").selectOption({ label: "In person" });
  await official.getByLabel("Ministry of Commerce and Industry").check();
  await official.getByLabel("IREL (India) Limited").check();
  await official.getByLabel("Visibility").selectOption("restricted");
  await official.getByLabel("Notes").fill("Options if the talks fail.");
  const first = official.getByRole("listitem").filter({ has: official.getByLabel("Action 1", { exact: true }) });
  await first.getByLabel("Action 1", { exact: true }).fill(secret);
  await first.getByLabel("Owner").selectOption({ label: "Ministry of Commerce and Industry (MoCI)" });
  await official.getByRole("button", { name: "Save consultation" }).click();
  await expect(official.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const path = new URL(official.url()).pathname;

  await official.getByRole("button", { name: `Mark done: ${secret}` }).click();
  await expect(official.getByRole("status").filter({ hasText: "Action marked done." })).toBeVisible();

  await official.goto(`${path}/edit`);
  await official.getByLabel("Action 1", { exact: true }).fill("Brief the minister");
  await official.getByRole("button", { name: "Save changes" }).click();
  await expect(official.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await official.goto(`${path}/edit`);
  await official.getByLabel("Visibility").selectOption("internal");
  await official.getByRole("button", { name: "Save changes" }).click();
  await expect(official.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(official.getByRole("region", { name: "Change history" })).toContainText("RESTRICTEDACTION");
  await official.context().close();

  const irel = await signedIn(browser, "irel@accord.test");
  await irel.goto(path);
  await expect(irel.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const history = irel.getByRole("region", { name: "Change history" });
  await expect(history).toContainText("No changes you may see are recorded.");
  await expect(irel.locator("body")).not.toContainText("RESTRICTEDACTION");
  await irel.screenshot({ path: "/tmp/history-consultation-irel.png", fullPage: true });
});
