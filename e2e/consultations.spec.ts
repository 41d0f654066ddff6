import { expect, test, type Browser, type Page } from "@playwright/test";

import { signIn, uniqueSuffix } from "./helpers";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function fillAction(page: Page, n: number, description: string, owner: string, due: string) {
  const row = page.getByRole("listitem").filter({ has: page.getByLabel(`Action ${n}`, { exact: true }) });
  await row.getByLabel(`Action ${n}`, { exact: true }).fill(description);
  await row.getByLabel("Owner").selectOption({ label: owner });
  await row.getByLabel("Due date").fill(due);
}

/** Logs a consultation through the form and returns its record path. */
async function logConsultation(page: Page, title: string, notes: string, options: { actions?: boolean } = {}) {
  await page.goto("/consultations");
  await page.getByRole("link", { name: "Log a consultation" }).click();
  await expect(page.getByRole("heading", { name: "Log a consultation" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date and time").fill("2026-11-30T15:00");
  await page.getByLabel("Time zone the time was given in").selectOption("Asia/Tokyo");
  await page.getByLabel("Kind").selectOption({ label: "Technical" });
  await page.getByLabel("Mode").selectOption({ label: "Video call" });
  await page.getByLabel("IREL (India) Limited").check();
  await page.getByLabel("Toyotsu Rare Earths India").check();
  await page.getByLabel("Visibility").selectOption("shared");
  await page.getByLabel("Notes").fill(notes);
  await page.getByLabel("Outcome").fill("Lot sizes agreed for the first quarter.");
  if (options.actions) {
    await fillAction(page, 1, "Send the revised lot calendar", "IREL (India) Limited (IREL)", "2026-12-15");
    await fillAction(page, 2, "Confirm vessel bookings at Kochi", "Toyotsu Rare Earths India (TREI)", "2026-12-20");
  }
  await page.getByRole("button", { name: "Save consultation" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("an official logs a consultation with two follow-up actions and finds it by a word from its notes", async ({ page }) => {
  const suffix = uniqueSuffix();
  const title = `Technical call on lot sizes ${suffix}`;
  const word = `xenotime${suffix}`;
  await signIn(page, "official@accord.test");

  // The browser refuses an incomplete form before posting.
  await page.goto("/consultations/new");
  await page.getByRole("button", { name: "Save consultation" }).click();
  await expect(page.getByText("Title is required.")).toBeVisible();
  await expect(page.getByText("Choose at least one participating organization.")).toBeVisible();

  const path = await logConsultation(page, title, `We reviewed the **${word}** concentrate and the oxide lots.`, {
    actions: true,
  });
  expect(path).toMatch(/^\/consultations\/[0-9a-f-]{36}$/);
  // 15:00 in Tokyo is 11:30 in India.
  await expect(page.getByText("30 Nov 2026, 11:30 am IST")).toBeVisible();
  await expect(page.getByText("30 Nov 2026, 3:00 pm JST")).toBeVisible();
  const actions = page.getByRole("region", { name: "Follow-up actions" });
  await expect(actions.getByRole("row")).toHaveCount(3);
  await expect(actions.getByText("Send the revised lot calendar")).toBeVisible();
  await expect(actions.getByText("Confirm vessel bookings at Kochi")).toBeVisible();

  const search = page.getByRole("search");
  await search.getByLabel("Search consultations").fill(word);
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByLabel("Words to find")).toHaveValue(word);
  const hit = page.getByRole("link", { name: title });
  await expect(hit).toHaveAttribute("href", path);
  await expect(page.locator("mark", { hasText: word })).toBeVisible();
  await hit.click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  // The list's own word filter finds it too.
  await page.goto(`/consultations?q=${word}`);
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", path);
});

test("a counterpart sees the shared meeting its organization attended and gets 404 for an internal one", async ({
  page,
  browser,
}) => {
  const official = await signedIn(browser, "official@accord.test");
  await official.goto("/consultations?visibility=internal");
  const internalHref = await official
    .getByRole("link", { name: "Inter-ministerial meeting of Commerce, Mines, Atomic Energy and External Affairs" })
    .getAttribute("href");
  await official.goto("/consultations");
  const metiHref = await official
    .getByRole("link", { name: "Meeting with METI on rare-earth supply cooperation" })
    .getAttribute("href");
  await official.context().close();

  await signIn(page, "counterpart@accord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Consultations" }).click();
  // The home dashboard lists consultations too: wait for the list itself.
  await expect(page).toHaveURL(/\/consultations$/);
  await expect(page.getByRole("link", { name: "Meeting with METI on rare-earth supply cooperation" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Inter-ministerial/ })).toHaveCount(0);
  await page.getByRole("link", { name: "IREL–Toyotsu technical review of transition-period volumes" }).click();
  await expect(page.getByRole("heading", { name: "IREL–Toyotsu technical review of transition-period volumes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Change history" })).toHaveCount(0);

  for (const href of [internalHref!, metiHref!, `${internalHref}/edit`]) {
    const response = await page.goto(href);
    expect(response?.status(), href).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("two people edit the same consultation: the second sees the conflict with its text intact", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const first = await signedIn(browser, "official@accord.test");
  const path = await logConsultation(first, `Shipment review ${suffix}`, "Original notes.");
  const second = await signedIn(browser, "admin@accord.test");

  await first.goto(`${path}/edit`);
  await second.goto(`${path}/edit`);
  await first.getByLabel("Notes").fill(`Official's notes ${suffix}`);
  await second.getByLabel("Notes").fill(`Administrator's notes, typed with care ${suffix}`);

  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByRole("region", { name: "Notes" }).getByText(`Official's notes ${suffix}`)).toBeVisible();

  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "Someone else saved this consultation" })).toBeVisible();
  await expect(second.getByLabel("Notes")).toHaveValue(`Administrator's notes, typed with care ${suffix}`);
  await expect(second.getByText(/^What is saved now/)).toBeVisible();
  await expect(second.locator(".conflict").getByText(`Official's notes ${suffix}`)).toBeVisible();

  // The first save stands until the second person chooses to save again.
  await first.reload();
  await expect(first.getByRole("region", { name: "Notes" }).getByText(`Official's notes ${suffix}`)).toBeVisible();
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("heading", { name: `Shipment review ${suffix}`, level: 1 })).toBeVisible();
  await expect(
    second.getByRole("region", { name: "Notes" }).getByText(`Administrator's notes, typed with care ${suffix}`),
  ).toBeVisible();
  await expect(second.getByRole("heading", { name: "Change history" })).toBeVisible();
});

test("the owner organization marks its follow-up action done on /actions", async ({ page }) => {
  await signIn(page, "counterpart@accord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" }).click();
  await expect(page.getByRole("heading", { name: "Follow-up actions" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Share Japanese customers' minimum requirements" });
  await expect(row.getByText("Overdue")).toBeVisible();
  // Actions of other organizations carry no button.
  await expect(page.getByRole("row").filter({ hasText: "Model a two-year step-down" }).getByRole("button")).toHaveCount(0);
  await row.getByRole("button", { name: /Mark done/ }).click();
  await expect(page.getByRole("status")).toHaveText("Action marked done.");
  await expect(page.getByRole("row").filter({ hasText: "Share Japanese customers' minimum requirements" })).toHaveCount(0);
});

test("a counterpart comments on a shared meeting; an official's restricted remark stays hidden from it", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const official = await signedIn(browser, "official@accord.test");
  await official.goto("/consultations");
  await official.getByRole("link", { name: "IREL–Toyotsu technical review of transition-period volumes" }).click();
  await official.getByLabel("Your comment").fill(`Fall-back: accept two years ${suffix}`);
  await official.getByLabel("Who may read it").selectOption("restricted");
  await official.getByRole("button", { name: "Post comment" }).click();
  await expect(official.getByRole("status")).toHaveText("Comment posted.");
  await expect(official.getByRole("listitem").filter({ hasText: `Fall-back: accept two years ${suffix}` })).toBeVisible();
  const path = new URL(official.url()).pathname;
  await official.context().close();

  await signIn(page, "counterpart@accord.test");
  await page.goto(path);
  await expect(page.getByLabel("Who may read it")).toHaveValue("shared");
  await expect(page.getByLabel("Who may read it").getByRole("option")).toHaveText(["Shared"]);
  await page.getByLabel("Your comment").fill(`TREI will send the customer list ${suffix}`);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `TREI will send the customer list ${suffix}` })).toBeVisible();
  await expect(page.getByLabel("Your comment")).toHaveValue("");
  await expect(page.getByText(`Fall-back: accept two years ${suffix}`)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("an official logs a consultation and a bad date is refused next to the field", async ({ page }) => {
    const suffix = uniqueSuffix();
    await signIn(page, "official@accord.test");
    await page.goto("/consultations/new");
    await page.getByLabel("Title").fill(`No-script call ${suffix}`);
    await page.getByLabel("Kind").selectOption({ label: "Bilateral" });
    await page.getByLabel("Mode").selectOption({ label: "Phone call" });
    await page.getByLabel("Ministry of Mines").check();
    await page.getByLabel("Notes").fill("Notes typed without scripts.");
    await page.getByRole("button", { name: "Save consultation" }).click();
    await expect(page.getByText("Enter the date and time.")).toBeVisible();
    await expect(page.getByLabel("Notes")).toHaveValue("Notes typed without scripts.");
    await page.getByLabel("Date and time").fill("2026-11-02T10:00");
    await page.getByRole("button", { name: "Save consultation" }).click();
    await expect(page.getByRole("heading", { name: `No-script call ${suffix}`, level: 1 })).toBeVisible();
  });
});
