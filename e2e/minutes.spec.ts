import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { signIn } from "./helpers";

const LATEST = "Bilateral review with METI and Toyotsu of the phase-down schedule";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const TEXT = [
  "India presented a draft phase-down schedule of exports under the 2012 arrangement over three fiscal years.",
  "METI and Toyotsu welcomed the negotiated approach.",
  "Both sides asked for the first step to be smaller.",
  "The date of the next round will be fixed by Commerce.",
].join("\n\n");

test("an official drafts and circulates minutes, Toyotsu amends paragraph 3, both Japanese parties confirm version 2, the PDF prints it and an outsider gets 404", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const official = await signedIn(browser, "official@accord.test");
  await official.goto("/consultations");
  await official.getByRole("link", { name: LATEST }).first().click();
  await official.getByRole("link", { name: "Agreed minutes" }).click();
  await expect(official.getByRole("heading", { name: "Minutes", level: 1 })).toBeVisible();
  const minutesPath = new URL(official.url()).pathname;

  // An empty draft is refused next to the field.
  await official.getByRole("button", { name: "Save draft" }).click();
  await expect(official.getByText("The text of the minutes is required.")).toBeVisible();
  await official.getByLabel("Text of the minutes").fill(TEXT);
  await official.getByRole("button", { name: "Save draft" }).click();
  await expect(official.getByRole("status")).toHaveText("Draft saved.");
  await official.getByRole("button", { name: "Circulate version 1" }).click();
  await expect(official.getByText("Circulated, version 1")).toBeVisible();

  // Toyotsu finds the minutes awaiting it and proposes new wording for paragraph 3.
  const toyotsu = await signedIn(browser, "counterpart@accord.test");
  const awaiting = toyotsu.getByRole("region", { name: "Minutes awaiting your organization's confirmation" });
  await expect(awaiting.getByRole("link", { name: LATEST })).toBeVisible();
  await awaiting.getByRole("link", { name: LATEST }).click();
  const v1 = toyotsu.getByRole("list", { name: "Minutes, version 1" });
  await expect(v1.getByRole("listitem")).toHaveCount(4);
  await toyotsu.getByLabel("Paragraph", { exact: true }).selectOption({ label: "Paragraph 3" });
  await toyotsu
    .getByLabel("Proposed wording")
    .fill("Toyotsu and METI asked for the first step to be smaller, to protect Japanese customers' minimum volumes.");
  await toyotsu.getByLabel("Reason").fill("The request came from the Japanese side.");
  await toyotsu.getByRole("button", { name: "Propose amendment" }).click();
  await expect(toyotsu.getByRole("status")).toContainText("Amendment proposed");

  // The official accepts it: version 2 goes round, and the page shows what changed.
  await official.reload();
  await official.getByRole("button", { name: "Accept the amendment to paragraph 3 by TREI" }).click();
  await expect(official.getByText("Circulated, version 2")).toBeVisible();
  const diff = official.getByLabel("Changes from version 1 to version 2");
  await expect(diff.locator("ins")).toContainText(["protect"]);
  await expect(diff.locator("del").first()).toBeVisible();

  await toyotsu.reload();
  await toyotsu.getByRole("button", { name: "Confirm version 2 for TREI" }).click();
  await expect(toyotsu.getByRole("status")).toHaveText("Confirmation recorded.");

  const meti = await signedIn(browser, "meti@accord.test");
  await meti.goto(minutesPath);
  await meti.getByRole("button", { name: "Confirm version 2 for METI" }).click();
  await expect(meti.getByRole("status")).toContainText("the minutes are agreed");
  await expect(meti.getByText("Agreed, version 2")).toBeVisible();
  const agreed = meti.getByRole("region", { name: "Agreed text, version 2" });
  await expect(agreed.getByText(/SHA-256 of the agreed text: [0-9a-f]{64}$/)).toBeVisible();
  const confirmations = agreed.getByRole("table");
  await expect(confirmations.getByRole("row", { name: /Toyotsu Rare Earths India.*Kenji Sato.*IST.*JST/ })).toBeVisible();
  await expect(confirmations.getByRole("row", { name: /Ministry of Economy, Trade and Industry.*Yuko Tanaka/ })).toBeVisible();

  // The PDF prints the agreed text with both confirmations.
  const pdf = await meti.request.get(`${minutesPath}.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "accord-minutes-")), "minutes.pdf");
  fs.writeFileSync(file, await pdf.body());
  // Table cells wrap in the PDF: compare with whitespace folded.
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("to protect Japanese customers");
  expect(text).toContain("Toyotsu Rare Earths India");
  expect(text).toContain("Ministry of Economy, Trade and Industry");
  const digest = (await agreed.locator("code").textContent()) ?? "";
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  expect(text.replace(/ /g, "")).toContain(digest);

  // Toyota Tsusho did not take part: the minutes and the PDF do not exist for it.
  const outsider = await signedIn(browser, "tsusho@accord.test");
  expect((await outsider.goto(minutesPath))?.status()).toBe(404);
  expect((await outsider.request.get(`${minutesPath}.pdf`)).status()).toBe(404);
});
