import { expect, test } from "@playwright/test";

import { signIn, signOut } from "./helpers";

test("Mines concurs on India's volumes wording, tables it, and Toyotsu then sees it on the clause page", async ({ page }) => {
  await signIn(page, "mines@accord.test");
  const awaiting = page.getByRole("region", { name: "Awaiting Mines's concurrence" });
  await expect(awaiting).toBeVisible();
  await awaiting.getByRole("link", { name: "Clause 3: Annual volumes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clause 3: Annual volumes" })).toBeVisible();

  const india = page.getByRole("listitem", { name: "Proposal by MoCI" });
  await expect(india.getByText("In concurrence")).toBeVisible();
  // The word-level difference shows what the wording adds.
  await expect(india.locator("ins").first()).toBeVisible();
  await india.getByLabel("Answer").selectOption("concur");
  await india.getByRole("button", { name: "Give concurrence" }).click();
  await expect(page.getByRole("status")).toHaveText(/answer is recorded/);

  await page.getByRole("listitem", { name: "Proposal by MoCI" }).getByRole("button", { name: "Table this proposal" }).click();
  await expect(page.getByRole("status")).toHaveText(/Tabled/);
  await expect(page.getByRole("listitem", { name: "Proposal by MoCI" }).getByText("On the table")).toBeVisible();
  const url = page.url();
  await signOut(page);

  await signIn(page, "counterpart@accord.test");
  await page.goto(url);
  const seen = page.getByRole("listitem", { name: "Proposal by MoCI" });
  await expect(seen.getByText("On the table")).toBeVisible();
  await expect(seen.getByText("Brief the Japanese government")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Concurrence" })).toHaveCount(0);
});
