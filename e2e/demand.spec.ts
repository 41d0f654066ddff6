import { expect, test, type Page } from "@playwright/test";

import { signIn, signOut, uniqueSuffix } from "./helpers";

async function fillRequest(page: Page, endUse: string, quantity: string, material = "Samarium", fiscalYear = "FY2030-31") {
  await page.goto("/demand/new");
  await page.getByLabel("Material").selectOption({ label: material });
  await page.getByLabel("Quantity (tonnes)").fill(quantity);
  await page.getByLabel("Fiscal year").selectOption(fiscalYear);
  await page.getByLabel("Sector").selectOption({ label: "Automotive" });
  await page.getByLabel("End use").fill(endUse);
  await page.getByLabel("Justification").fill("Needed for an end-to-end test of the demand workflow.");
  await page.getByLabel("The need is for magnets made in India").check();
}

/** The balance cell of one fiscal year in the supply table of a material. */
async function balanceOf(page: Page, material: string, fiscalYear: string): Promise<string> {
  await page.goto(`/supply?material=${material}`);
  const table = page.getByRole("table", { name: /the chart's figures/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(fiscalYear) }) });
  const text = await row.getByRole("cell").nth(5).innerText();
  return text.split("\n")[0]!.trim();
}

test("industry submits a request, fixes a bad quantity, and an official approves part of it: the balance moves by exactly that", async ({
  page,
}) => {
  const endUse = `Samarium-cobalt sensors ${uniqueSuffix()}`;
  await signIn(page, "official@accord.test");
  const before = await balanceOf(page, "samarium", "FY2030-31");
  expect(before).toBe("80 t");
  await signOut(page);

  await signIn(page, "industry@accord.test");
  await fillRequest(page, endUse, "0");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Quantity must be more than zero.")).toBeVisible();
  await page.getByLabel("Quantity (tonnes)").fill("100000.5");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Quantity must be at most 1,00,000 t.")).toBeVisible();
  await page.getByLabel("Quantity (tonnes)").fill("10.25");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByRole("heading", { name: "Samarium, 10.25 t for FY2030-31" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Request submitted");
  await expect(page.locator("header").getByText("Submitted", { exact: true })).toBeVisible();
  const requestUrl = page.url().split("?")[0]!;
  await page.goto("/demand");
  const row = page.getByRole("row").filter({ hasText: endUse });
  await expect(row.getByText("Submitted")).toBeVisible();
  await expect(row.getByRole("link", { name: "Samarium" })).toHaveAttribute("href", new URL(requestUrl).pathname);
  await signOut(page);

  await signIn(page, "official@accord.test");
  await page.goto(requestUrl);
  await page.getByRole("button", { name: "Take under review" }).click();
  await expect(page.getByRole("status")).toContainText("taken under review");
  await page.getByLabel("Approve in part").check();
  await page.getByLabel("Allocated tonnes").fill("4.125");
  await page.getByLabel("Reasons").fill("Part of the request fits the FY2030-31 samarium balance.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded: partially approved, 4.125 t allocated.");
  expect(await balanceOf(page, "samarium", "FY2030-31")).toBe("75.875 t");
  await signOut(page);

  await signIn(page, "industry@accord.test");
  await page.goto(requestUrl);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Part of the request fits the FY2030-31 samarium balance.")).toBeVisible();
  await expect(page.getByText(/Supply of samarium/)).toHaveCount(0);
});

test("ELCINA never sees SIAM's request, by address, in its list or in its export", async ({ page }) => {
  const endUse = `SIAM confidential motors ${uniqueSuffix()}`;
  await signIn(page, "industry@accord.test");
  await fillRequest(page, endUse, "3", "Neodymium oxide", "FY2028-29");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByRole("heading", { name: /Neodymium oxide, 3 t for FY2028-29/ })).toBeVisible();
  const path = new URL(page.url()).pathname;
  const id = path.split("/").pop()!;
  await signOut(page);

  await signIn(page, "elcina@accord.test");
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto("/demand");
  await expect(page.getByRole("heading", { name: "Our demand requests" })).toBeVisible();
  await expect(page.getByText(endUse)).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "SIAM" })).toHaveCount(0);
  const csv = await page.request.get("/demand/export.csv");
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body).toContain("Electronic Industries Association of India");
  expect(body).not.toContain(id);
  expect(body).not.toContain("Society of Indian Automobile Manufacturers");
  expect((await page.request.get("/supply")).status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the request form still validates on the server and submits", async ({ page }) => {
    await signIn(page, "elcina@accord.test");
    await fillRequest(page, `No-script request ${uniqueSuffix()}`, "ten", "Terbium oxide", "FY2027-28");
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByText("Quantity must be a number of tonnes, like 120 or 12.5.")).toBeVisible();
    await expect(page.getByLabel("End use")).toHaveValue(/No-script request/);
    await page.getByLabel("Quantity (tonnes)").fill("0.5");
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByRole("heading", { name: "Terbium oxide, 0.5 t for FY2027-28" })).toBeVisible();
  });

  test("approving beyond the balance warns, keeps the input, and needs an explicit confirmation", async ({ page }) => {
    const endUse = `Terbium magnets ${uniqueSuffix()}`;
    await signIn(page, "elcina@accord.test");
    await fillRequest(page, endUse, "5", "Terbium oxide", "FY2026-27");
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByRole("heading", { name: "Terbium oxide, 5 t for FY2026-27" })).toBeVisible();
    const path = new URL(page.url()).pathname;
    await signOut(page);

    await signIn(page, "mines@accord.test");
    await page.goto(path);
    await page.getByLabel("Reasons").fill("Magnet-grade terbium for a strategic line.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("alert").first()).toContainText("more than the 1.5 t remaining for Terbium oxide in FY2026-27");
    await expect(page.getByLabel("Reasons")).toHaveValue("Magnet-grade terbium for a strategic line.");
    await page.getByLabel("I confirm this allocation exceeds the remaining balance").check();
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("status")).toContainText("Decision recorded: approved, 5 t allocated.");
    await expect(page.getByText("Confirmed beyond balance")).toBeVisible();
    await page.goto("/supply?material=terbium_oxide");
    await expect(page.getByRole("status")).toContainText("Terbium oxide FY2026-27");
  });

  test("the what-if recalculates with its button", async ({ page }) => {
    await signIn(page, "official@accord.test");
    await page.goto("/supply/scenarios");
    const nd = page.getByRole("table", { name: /Demand that can be met/ }).getByRole("row", { name: /^Neodymium oxide/ });
    await expect(nd).toContainText("1,920 t");
    await page.getByLabel("Neodymium oxide exports, FY2026-27, tonnes").fill("0");
    await page.getByRole("button", { name: "Recalculate" }).click();
    await expect(nd).toContainText("2,240 t");
    await expect(page.getByLabel("Neodymium oxide exports, FY2026-27, tonnes")).toHaveValue("0");
  });
});

test("the what-if follows the official's typing, and a scenario can be saved and compared", async ({ page }) => {
  await signIn(page, "official@accord.test");
  await page.goto("/supply/scenarios");
  const nd = page.getByRole("table", { name: /Demand that can be met/ }).getByRole("row", { name: /^Neodymium oxide/ });
  await expect(nd).toContainText("1,920 t");
  await page.getByLabel("Neodymium oxide exports, FY2026-27, tonnes").fill("100");
  await expect(nd).toContainText("2,140 t");
  await expect(nd).toContainText("100%");
  const name = `Nd first ${uniqueSuffix()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Save scenario" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByLabel("Neodymium oxide exports, FY2026-27, tonnes")).toHaveValue("100");
  await page.getByRole("link", { name: "Compare with committed" }).click();
  const exports = page.getByRole("table", { name: /Exports to Japan per fiscal year/ });
  await expect(exports.getByRole("row", { name: /^As committed/ })).toContainText("1,050 t");
  await expect(exports.getByRole("row", { name: new RegExp(name) })).toContainText("830 t");
});
