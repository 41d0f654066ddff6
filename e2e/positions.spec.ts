import { expect, test, type Page } from "@playwright/test";

import { signIn, signOut, uniqueSuffix } from "./helpers";

/** The matrix cell of one party on one issue, found through the column headers. */
async function matrixCell(page: Page, issue: string, party: string) {
  const headers = (await page.getByRole("columnheader").allTextContents()).map((t) => t.trim());
  const index = headers.indexOf(party);
  expect(index, `column ${party}`).toBeGreaterThan(0);
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(issue) }) })
    .locator("th, td")
    .nth(index);
}

test("a counterpart records Toyotsu's new position on a shared issue and sees it in its matrix", async ({ page }) => {
  const statement = `Toyotsu will take part of its needs from Australian sources (${uniqueSuffix()}).`;
  await signIn(page, "counterpart@accord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Issues" }).click();
  // The home dashboard lists issues too: wait for the register itself, whose heading comes with it
  // (the address changes a moment before the new page renders).
  await expect(page).toHaveURL(/\/issues$/);
  await expect(page.getByRole("heading", { level: 1, name: "Issue register" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Alternative supply for Japan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alternative supply for Japan" })).toBeVisible();

  const form = page.getByRole("form", { name: "Record a position" });
  await expect(form.getByLabel("Party")).toHaveValue(/.+/);
  await expect(form.getByLabel("Party").locator("option")).toHaveText(["Toyotsu Rare Earths India"]);
  // Errors show before anything is posted.
  await form.getByRole("button", { name: "Record position" }).click();
  await expect(form.getByText("Choose a stance from the list.")).toBeVisible();
  await expect(form.getByText("Statement is required.")).toBeVisible();

  await form.getByLabel("Stance").selectOption("supports");
  await form.getByLabel("Statement").fill(statement);
  await form.getByLabel("Flexibility").selectOption("open");
  await form.getByRole("button", { name: "Record position" }).click();
  await expect(page.getByRole("status")).toHaveText(/Position recorded/);
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem").first()).toContainText(statement);
  await expect(history.getByRole("listitem").first()).toContainText("Current");
  await expect(history.getByText("Superseded").first()).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Positions" }).click();
  await expect(page.getByRole("heading", { name: "Positions matrix" })).toBeVisible();
  await expect(await matrixCell(page, "Alternative supply for Japan", "TREI")).toContainText("Supports");
});

test("a counterpart never sees a red line or an internal issue, by URL, in the matrix or in the CSV", async ({ page }) => {
  await signIn(page, "official@accord.test");
  await page.goto("/issues");
  await page.getByRole("link", { name: "Domestic priority allocation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Domestic priority allocation" })).toBeVisible();
  const internalUrl = new URL(page.url()).pathname;
  await page.goto("/issues");
  await page.getByRole("link", { name: "Binding terms of the 2012 agreement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Binding terms of the 2012 agreement" })).toBeVisible();
  const bindingUrl = new URL(page.url()).pathname;
  await expect(page.getByText("Red line").first()).toBeVisible();
  await expect(page.getByText(/no extension of the export commitment/).first()).toBeVisible();
  await signOut(page);

  await signIn(page, "counterpart@accord.test");
  const response = await page.goto(internalUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto(`${internalUrl}/edit`))?.status()).toBe(404);

  await page.goto(bindingUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Binding terms of the 2012 agreement" })).toBeVisible();
  await expect(page.getByText("Red line")).toHaveCount(0);
  await expect(page.getByText(/no extension of the export commitment/)).toHaveCount(0);

  await page.goto("/positions");
  await expect(page.getByRole("rowheader", { name: /Binding terms of the 2012 agreement/ })).toBeVisible();
  await expect(page.getByText("Domestic priority allocation")).toHaveCount(0);
  await expect(page.getByText("Red line")).toHaveCount(0);
  await expect(await matrixCell(page, "Binding terms of the 2012 agreement", "MoCI")).toContainText("Supports");

  await page.goto("/issues");
  await expect(page.getByRole("link", { name: "Domestic priority allocation" })).toHaveCount(0);

  const csv = await page.request.get("/positions.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
  const text = await csv.text();
  expect(text).toContain("Binding terms of the 2012 agreement");
  expect(text).not.toContain("Domestic priority allocation");
  expect(text).not.toMatch(/red line/i);
});

test("an official moves the matrix date back and sees the earlier stances", async ({ page }) => {
  await signIn(page, "official@accord.test");
  await page.goto("/positions");
  const issue = "Phase-down of exports under the 2012 arrangement";
  await expect(await matrixCell(page, issue, "TREI")).toContainText("Conditional");
  await expect(await matrixCell(page, issue, "METI")).toContainText("Conditional");
  await expect(page.getByRole("row").filter({ hasText: issue })).toContainText("Converging");

  await page.getByLabel("Matrix as of").fill("2025-08-01");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/asOf=2025-08-01/);
  await expect(page.getByText("as it stood on")).toContainText("1 Aug 2025");
  await expect(await matrixCell(page, issue, "TREI")).toContainText("Opposes");
  await expect(await matrixCell(page, issue, "METI")).toContainText("Opposes");
  await expect(await matrixCell(page, issue, "MoCI")).toContainText("Supports");

  // Before Japan had stated a position on transition volumes at all.
  await page.getByLabel("Matrix as of").fill("2025-06-22");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(await matrixCell(page, "Transition-period volumes", "TREI")).toContainText("No position");

  await page.getByRole("link", { name: "Today" }).click();
  await expect(await matrixCell(page, issue, "TREI")).toContainText("Conditional");
  await page.screenshot({ path: "/tmp/positions-matrix.png", fullPage: true });
});

test("an official opens a new issue with its parties and finds it in the register and the matrix", async ({ page }) => {
  const title = `Stockpile of dysprosium oxide ${uniqueSuffix()}`;
  await signIn(page, "official@accord.test");
  await page.goto("/issues");
  await page.getByRole("link", { name: "New issue" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create issue" }).click();
  await expect(page.getByText("Choose at least one party.")).toBeVisible();
  await page.getByLabel("Ministry of Mines").check();
  await page.getByLabel("Toyotsu Rare Earths India").check();
  await page.getByLabel("Visibility").selectOption("shared");
  await page.getByRole("button", { name: "Create issue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Ministry of Mines" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Toyotsu Rare Earths India" })).toBeVisible();
  await page.goto("/positions");
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", /^\/issues\/[0-9a-f-]{36}$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("IREL records its position and a bad one is refused with a message", async ({ page }) => {
    const statement = `IREL can add 100 t of NdPr oxide from the Odisha plant (${uniqueSuffix()}).`;
    await signIn(page, "irel@accord.test");
    await page.goto("/issues");
    await page.getByRole("link", { name: "Transition-period volumes" }).click();
    const form = page.getByRole("form", { name: "Record a position" });
    await form.getByLabel("Stance").selectOption("supports");
    await form.getByRole("button", { name: "Record position" }).click();
    await expect(page.getByText("Statement is required.")).toBeVisible();
    await form.getByLabel("Statement").fill(statement);
    await form.getByLabel("Visibility").selectOption("internal");
    await form.getByRole("button", { name: "Record position" }).click();
    await expect(page.getByRole("status")).toHaveText(/Position recorded/);
    await expect(page.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText(statement);
  });
});
