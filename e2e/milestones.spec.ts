import { expect, request as playwrightRequest, test } from "@playwright/test";

import { signIn, signOut, uniqueSuffix } from "./helpers";

const PRODUCTION = "IREL produces 450 t of neodymium";
const PHASE_DOWN = "Export phase-down schedule agreed with Toyotsu";
const CLEARANCES = "Clearances for four new mines";

test("IREL marks its production milestone in progress and an official sees the downstream milestone flagged", async ({
  page,
}) => {
  await signIn(page, "irel@accord.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Milestones" }).click();
  // The home dashboard lists milestones too: wait for the list itself.
  await expect(page).toHaveURL(/\/milestones$/);
  await page.getByRole("link", { name: PRODUCTION }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRODUCTION })).toBeVisible();
  // IREL reports progress but does not get the full edit form.
  await expect(page.getByRole("heading", { name: "Edit milestone" })).toHaveCount(0);
  const note = `Separation plant in Odisha at full rate (${uniqueSuffix()})`;
  await page.getByRole("combobox", { name: /^Status/ }).selectOption("in_progress");
  await page.getByLabel("Progress note").fill(note);
  await page.getByRole("button", { name: "Save progress" }).click();
  await expect(page.getByRole("status")).toHaveText("Progress saved.");
  const history = page.getByRole("region", { name: "Status history" });
  await expect(history.getByRole("row").filter({ hasText: note })).toContainText("Planned → In progress");
  await signOut(page);

  await signIn(page, "official@accord.test");
  await page.goto("/milestones");
  await page.getByRole("combobox", { name: "Risk" }).selectOption("threatened");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/risk=threatened/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: PHASE_DOWN }) });
  await expect(row).toContainText("Threatened");
  await row.getByRole("link", { name: PHASE_DOWN }).click();
  const risk = page.getByRole("region", { name: /Threatened as of/ });
  await expect(risk).toContainText(`Depends on '${PRODUCTION}', due 2026-03-31, which is late.`);
  const upstream = page.getByRole("region", { name: "Dependencies" });
  await expect(upstream.getByRole("listitem").filter({ hasText: PRODUCTION })).toContainText("In progress");

  await page.goto("/milestones/timeline?zoom=years");
  const timeline = page.getByRole("group", { name: "Transition milestones timeline" });
  await expect(timeline.getByRole("link", { name: new RegExp(`^${PHASE_DOWN}.*Threatened`) })).toBeVisible();
  await expect(timeline.getByRole("link", { name: new RegExp(`^${PRODUCTION}.*Late`) })).toHaveAttribute(
    "href",
    /^\/milestones\/[0-9a-f-]+$/,
  );
  await expect(timeline).toContainText("THREATENED");
  await page.screenshot({ path: "/tmp/milestones-timeline.png", fullPage: true });
  await page.getByRole("link", { name: "Quarters" }).click();
  await expect(page).toHaveURL(/zoom=quarters/);
  await expect(page.getByRole("link", { name: "Zoom out" })).toBeVisible();
});

test("a counterpart sees only the shared milestones its organization is party to", async ({ page, browser }) => {
  // The official finds the internal milestone's address…
  const officialPage = await (await browser.newContext()).newPage();
  await signIn(officialPage, "official@accord.test");
  await officialPage.goto("/milestones");
  const internalHref = await officialPage.getByRole("link", { name: CLEARANCES }).getAttribute("href");
  expect(internalHref).toMatch(/^\/milestones\/[0-9a-f-]+$/);
  await officialPage.context().close();

  // …which does not exist for Toyotsu.
  await signIn(page, "counterpart@accord.test");
  await page.goto("/milestones");
  await expect(page.getByRole("link", { name: PRODUCTION })).toBeVisible();
  await expect(page.getByRole("link", { name: PHASE_DOWN })).toBeVisible();
  await expect(page.getByRole("link", { name: CLEARANCES })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New milestone" })).toHaveCount(0);
  const response = await page.goto(internalHref!);
  expect(response?.status()).toBe(404);

  await page.goto("/milestones/timeline");
  const timeline = page.getByRole("group", { name: "Transition milestones timeline" });
  await expect(timeline.getByRole("link", { name: new RegExp(`^${PRODUCTION}`) })).toBeVisible();
  await expect(timeline).not.toContainText("Clearances");

  const csv = await page.request.get("/milestones/export.csv");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(PHASE_DOWN);
  expect(text).not.toContain(CLEARANCES);
  expect(text).not.toContain("Neodymium output doubled");

  // The production milestone's page: no edit, no progress form, no internal upstream.
  await page.goto("/milestones");
  await page.getByRole("link", { name: PRODUCTION }).click();
  await expect(page.getByRole("button", { name: "Save progress" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Dependencies" })).not.toContainText("Clearances");
});

test("a counterpart subscribes to its calendar feed, which a reset turns off", async ({ page, baseURL }) => {
  await signIn(page, "counterpart@accord.test");
  await page.goto("/milestones");
  await page.getByRole("link", { name: "Calendar feed" }).click();
  await page.getByRole("button", { name: /Create feed address|Reset feed address/ }).click();
  const address = await page.getByLabel("Feed address", { exact: true }).inputValue();
  expect(address).toMatch(/\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);

  // A calendar client has no session.
  const client = await playwrightRequest.newContext({ baseURL });
  const feed = await client.get(address);
  expect(feed.status()).toBe(200);
  const ics = await feed.text();
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics).toContain(`SUMMARY:Milestone due: ${PRODUCTION}`);
  expect(ics).toContain("DTSTART;VALUE=DATE:20260331");
  expect(ics).not.toContain("Clearances");

  await page.getByRole("button", { name: "Reset feed address" }).click();
  const field = page.getByLabel("Feed address", { exact: true });
  await expect(field).not.toHaveValue(address);
  const renewed = await field.inputValue();
  expect((await client.get(address)).status()).toBe(404);
  expect((await client.get(renewed)).status()).toBe(200);
  await client.dispose();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an official creates a milestone and a cycle is refused with a message naming it", async ({ page }) => {
    await signIn(page, "official@accord.test");
    const title = `Joint magnet venture term sheet ${uniqueSuffix()}`;
    await page.goto("/milestones/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Category").selectOption("industry");
    await page.getByLabel("Owner organization").selectOption({ label: "IREL (India) Limited" });
    await page.getByLabel("Due date").fill("2027-12-31");
    await page.getByLabel(/^Partner chosen for India's first magnet plant/).check();
    await page.getByRole("button", { name: "Create milestone" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const created = page.url();

    // Now make the partner milestone depend on the new one: a cycle.
    await page.goto("/milestones");
    await page.getByRole("link", { name: "Partner chosen for India's first magnet plant" }).click();
    await page.getByLabel(new RegExp(`^${title}`)).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(
      page.getByText(
        `This would create a cycle: 'Partner chosen for India's first magnet plant' would depend on '${title}', which depends on 'Partner chosen for India's first magnet plant'.`,
      ),
    ).toBeVisible();
    await page.goto(created);
    await expect(page.getByRole("region", { name: "Dependencies" }).getByText("No milestone waits on this one.")).toBeVisible();
  });
});
