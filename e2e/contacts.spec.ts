import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { signIn, uniqueSuffix } from "./helpers";

const ROUND = "IREL–Toyotsu technical review of transition-period volumes";
const LEAD = "Takeshi Morimoto";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("an official records the attendees of a round with Toyotsu, and the delegation lead's page lists it for the counterpart", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const counterpart = await signedIn(browser, "counterpart@accord.test");
  await counterpart.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await counterpart.getByRole("link", { name: LEAD }).click();
  const attended = counterpart.getByRole("region", { name: "Consultations attended" });
  await expect(
    attended.getByRole("link", { name: "Bilateral opening session with Toyotsu on the 2012 arrangement" }),
  ).toBeVisible();
  await expect(attended.getByRole("link", { name: ROUND })).toHaveCount(0);
  const contactUrl = counterpart.url();

  const official = await signedIn(browser, "official@accord.test");
  await official.goto("/consultations");
  await official.getByRole("link", { name: ROUND }).first().click();
  const attendees = official.getByRole("region", { name: "Attendees" });
  await expect(attendees.getByText("No attendees recorded.").first()).toBeVisible();
  await attendees.getByLabel("Person").selectOption({ label: `${LEAD} · Managing Director, Toyotsu Rare Earths India` });
  await attendees.getByLabel("Led the delegation").check();
  await attendees.getByRole("button", { name: "Add attendee", exact: true }).click();
  await expect(official.getByRole("status")).toHaveText("Attendee added.");
  const delegation = attendees.getByRole("region", { name: "Delegation of Toyotsu Rare Earths India" });
  await expect(delegation.getByRole("link", { name: LEAD })).toBeVisible();
  await expect(delegation.getByText("Led the delegation")).toBeVisible();
  // IREL's delegation: a user of IREL, not a contact.
  await attendees.getByLabel("Person").selectOption({ label: "Rahul Menon (user)" });
  await attendees.getByRole("button", { name: "Add attendee", exact: true }).click();
  await expect(
    attendees.getByRole("region", { name: "Delegation of IREL (India) Limited" }).getByText("Rahul Menon"),
  ).toBeVisible();

  await counterpart.goto(contactUrl);
  await expect(
    counterpart.getByRole("region", { name: "Consultations attended" }).getByRole("link", { name: ROUND }),
  ).toBeVisible();
  await counterpart.getByRole("region", { name: "Consultations attended" }).getByRole("link", { name: ROUND }).click();
  await expect(counterpart.getByRole("region", { name: "Attendees" }).getByRole("link", { name: LEAD })).toBeVisible();
  // The counterpart reads the attendees but may not change them.
  await expect(counterpart.getByRole("button", { name: "Add attendee", exact: true })).toHaveCount(0);
});

test("an official records a contact: a malformed e-mail is refused next to the field, then the contact is saved", async ({
  page,
}) => {
  await signIn(page, "official@accord.test");
  await page.goto("/contacts/new");
  const name = `Naoki Test ${uniqueSuffix()}`;
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByLabel("Organization").selectOption({ label: "Ministry of Economy, Trade and Industry (METI)" });
  await page.getByLabel("E-mail").fill("naoki-at-meti");
  await page.getByLabel("Phone").fill("+81 3 1234 5678");
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByText("Enter an e-mail address like name@example.org.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(name);
  await page.getByLabel("E-mail").fill("naoki@meti.example");
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "naoki@meti.example" })).toBeVisible();
});

test("the contact, organization and tag pages and a consultation's attendees have no accessibility violations", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "official@accord.test");
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      what,
    ).toEqual([]);
  };
  await page.goto("/contacts");
  await page.getByRole("link", { name: LEAD }).click();
  await check("contact page");
  await page.getByRole("link", { name: "Toyotsu Rare Earths India" }).click();
  await expect(page.getByRole("heading", { name: "Relationship owners" })).toBeVisible();
  await check("organization page");
  await page.goto("/consultations");
  await page.getByRole("link", { name: "Bilateral opening session with Toyotsu on the 2012 arrangement" }).first().click();
  await expect(page.getByRole("heading", { name: "Attendees" })).toBeVisible();
  await check("consultation page");
  await page.getByRole("link", { name: "Binding terms" }).click();
  await check("tag page");
  await page.goto("/tags");
  await check("tags page");
});
