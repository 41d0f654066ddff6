import { expect, test } from "@playwright/test";

import { signIn, signOut } from "./helpers";

const ISSUE = "Transition-period volumes";

test("Mines concurs on India's offer of tonnes, tables it, Toyotsu sees it with the gap per year, and it opens as a scenario", async ({
  page,
}) => {
  await signIn(page, "mines@accord.test");
  const awaiting = page.getByRole("region", { name: "Awaiting Mines's concurrence" });
  await expect(awaiting).toBeVisible();
  await awaiting.getByRole("link", { name: `Position of MoCI on ${ISSUE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: ISSUE })).toBeVisible();

  const india = page.getByRole("listitem", { name: "Position of MoCI, 20 Nov 2026" });
  await expect(india.getByText("In concurrence")).toBeVisible();
  await expect(india.getByRole("table", { name: "Tonnage schedule" })).toContainText("600 t");
  await india.getByLabel("Answer").selectOption("concur");
  await india.getByRole("button", { name: "Give concurrence" }).click();
  await expect(page.getByRole("status")).toHaveText(/answer is recorded/);

  await page
    .getByRole("listitem", { name: "Position of MoCI, 20 Nov 2026" })
    .getByRole("button", { name: "Table this position" })
    .click();
  await expect(page.getByRole("status")).toHaveText(/Tabled/);
  await expect(page.getByRole("listitem", { name: "Position of MoCI, 20 Nov 2026" }).getByText("On the table")).toBeVisible();
  const issueUrl = page.url();
  await signOut(page);

  await signIn(page, "counterpart@accord.test");
  await page.goto(issueUrl);
  const seen = page.getByRole("listitem", { name: "Position of MoCI, 20 Nov 2026" });
  await expect(seen).toContainText("Offers 600 t of neodymium oxide");
  await expect(seen.getByRole("table", { name: "Concurrence" })).toHaveCount(0);
  const gaps = page.getByRole("table", { name: "Offer–ask gap per year" });
  await expect(gaps.getByRole("row", { name: /FY2026-27/ })).toContainText("100 t");
  await expect(gaps.getByRole("row", { name: /FY2027-28/ })).toContainText("100 t");

  await page.goto("/agreement");
  await page
    .getByRole("link", { name: /Annual volumes/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Positions on the table" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Offer–ask gap per year" }).first()).toContainText("600 t (MoCI)");

  await page.goto("/positions");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(ISSUE) }) });
  await expect(row.getByRole("list", { name: "Offer–ask gap per year" })).toContainText("FY2026-27");
  await expect(row.getByRole("list", { name: "Offer–ask gap per year" })).toContainText("gap 100 t");
  await signOut(page);

  await signIn(page, "official@accord.test");
  await page.goto(issueUrl);
  await page
    .getByRole("listitem", { name: "Position of MoCI, 20 Nov 2026" })
    .getByRole("button", { name: "Open as scenario" })
    .click();
  await expect(page).toHaveURL(/\/supply\/scenarios\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("MoCI schedule");
});
