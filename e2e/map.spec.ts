import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

test("an official reads the stakeholder map with the quarter's movement and records a rating", async ({ page }) => {
  await signIn(page, "official@accord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Map" }).click();
  await expect(page.getByRole("heading", { name: "Stakeholder map", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /Influence and interest of each organization as of/ })).toBeVisible();

  const table = page.getByRole("table", { name: /Ratings as of/ });
  const trei = table.getByRole("row", { name: /Toyotsu Rare Earths India/ });
  await expect(trei.getByRole("cell").nth(2)).toHaveText("Sceptical");
  await expect(trei).toContainText("Influence 0, interest 0, stance +1");

  // An earlier date: the map as it stood before the second reading.
  const at = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  const since = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole("textbox", { name: "Map as of" }).fill(at);
  await page.getByRole("textbox", { name: "Movement since" }).fill(since);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`at=${at}`));
  await expect(
    table
      .getByRole("row", { name: /Toyotsu Rare Earths India/ })
      .getByRole("cell")
      .nth(2),
  ).toHaveText("Opposed");
  await expect(table.getByRole("row", { name: /Toyotsu Rare Earths India/ })).toContainText("Not rated then");

  await page.goto("/map");
  await page
    .getByRole("combobox", { name: "Organization", exact: true })
    .selectOption({ label: "Automotive Component Manufacturers Association of India (ACMA)" });
  await page.getByRole("combobox", { name: "Influence", exact: true }).selectOption("2");
  await page.getByRole("combobox", { name: "Interest", exact: true }).selectOption("5");
  await page.getByRole("combobox", { name: "Stance towards India's aim" }).selectOption({ label: "Supportive" });
  await page.getByRole("textbox", { name: "Note" }).fill("Component makers ask for a magnet allocation.");
  await page.getByRole("button", { name: "Record rating" }).click();
  await expect(page.getByText("Rating recorded.")).toBeVisible();
  await expect(table.getByRole("row", { name: /Automotive Component Manufacturers/ })).toContainText("Supportive");
});

test("external users are told the map does not exist", async ({ page }) => {
  await signIn(page, "counterpart@accord.test");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Map" })).toHaveCount(0);
  const res = await page.goto("/map");
  expect(res?.status()).toBe(404);
});

test("beside the grid at 1280 px the table keeps its words whole", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "official@accord.test");
  await page.goto("/map");
  // The lines a cell's text takes: the page's break-anywhere rule once split these mid-word ("INFL UENC E").
  const lines = (cell: ReturnType<typeof page.getByRole>) =>
    cell.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
  for (const name of ["Influence", "Interest", "Stance"]) {
    expect(await lines(page.getByRole("columnheader", { name, exact: true })), name).toBe(1);
  }
  expect(await lines(page.getByRole("cell", { name: "Supportive", exact: true }).first())).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});
