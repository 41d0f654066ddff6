import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

// Words that exist only in internal or restricted demo records.
const INTERNAL_WORDS = [
  "Restricted note on India's fall-back options",
  "Inter-ministerial meeting of Commerce, Mines, Atomic Energy and External Affairs",
  "Domestic priority allocation",
  "Fallback position on the binding terms approved",
  "Fallback: reserve at least half",
  "Cabinet Secretariat",
];

const ISSUE_TITLES = [
  "Phase-down of exports under the 2012 arrangement",
  "Transition-period volumes",
  "Binding terms of the 2012 agreement",
  "Domestic priority allocation",
  "Joint magnet-manufacturing partnership in India",
  "Alternative supply for Japan",
];

function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test("a diplomat reads the dashboard, follows a late milestone and downloads the brief as PDF", async ({ page }) => {
  await signIn(page, "diplomat@accord.test");
  await expect(page.getByRole("heading", { name: "The negotiation at a glance" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Latest diplomatic assessment" })).toBeVisible();

  const milestones = page.getByRole("region", { name: "Transition milestones" });
  const late = milestones.getByRole("listitem").filter({ hasText: "Late" }).first();
  const title = (await late.getByRole("link").first().textContent())!.trim();
  await late.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/late/i).first()).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Brief" }).click();
  await expect(page.getByRole("note", { name: "Classification" }).first()).toContainText("RESTRICTED");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  if (!fs.existsSync("/usr/bin/pdftotext")) test.skip(true, "pdftotext is not installed");
  const text = pdfText(file).replace(/\s+/g, " ");
  expect(text).toContain("RESTRICTED");
  for (const issue of ISSUE_TITLES) expect(text, issue).toContain(issue);
});

test("a counterpart's dashboard and brief hold no internal word", async ({ page }) => {
  await signIn(page, "counterpart@accord.test");
  await expect(page.getByRole("heading", { name: "Your organization's positions" })).toBeVisible();
  const home = await page.locator("main").innerText();
  for (const word of INTERNAL_WORDS) expect(home, word).not.toContain(word);

  await page.goto("/brief");
  await expect(page.getByRole("note", { name: "Classification" }).first()).toContainText("SHARED");
  const brief = await page.locator("main").innerText();
  for (const word of INTERNAL_WORDS) expect(brief, word).not.toContain(word);

  const refused = await page.goto("/brief?levels=internal");
  expect(refused?.status()).toBe(400);

  const download = page.waitForEvent("download");
  await page.goto("/brief");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await (await download).path();
  if (!fs.existsSync("/usr/bin/pdftotext")) test.skip(true, "pdftotext is not installed");
  const text = pdfText(file).replace(/\s+/g, " ");
  expect(text).toContain("SHARED");
  for (const word of INTERNAL_WORDS) expect(text, word).not.toContain(word);
});

test("the activity feed counts unread changes and marks them read", async ({ page }) => {
  await signIn(page, "official@accord.test");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: /Activity/ }).click();
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await page.getByLabel("Kind").selectOption("consultation");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Consultations" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(nav.getByRole("link", { name: /Activity/ })).toHaveText("Activity");
});
