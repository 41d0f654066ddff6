import { expect, test } from "@playwright/test";

import type { Role } from "../db/schema";
import { DEMO_ACCOUNTS, ONE_ACCOUNT_PER_ROLE } from "../db/seed/accounts";
import { signIn } from "./helpers";

const EVERY_ROLE: Role[] = ["admin", "official", "irel", "diplomat", "counterpart", "industry"];
const INDIAN_SIDE: Role[] = ["admin", "official", "irel", "diplomat"];

// The main navigation's links in order, and the roles that see each. Later features add their sections here.
const LINKS: [label: string, roles: Role[]][] = [
  ["Home", EVERY_ROLE],
  ["Consultations", EVERY_ROLE],
  ["Actions", EVERY_ROLE],
  ["Issues", EVERY_ROLE],
  ["Positions", EVERY_ROLE],
  ["Agreement", EVERY_ROLE],
  ["Milestones", EVERY_ROLE],
  ["Contacts", EVERY_ROLE],
  ["Demand", INDIAN_SIDE],
  ["Our requests", ["industry"]],
  ["Supply", INDIAN_SIDE],
  ["Brief", EVERY_ROLE],
  ["Map", INDIAN_SIDE],
  ["Activity", EVERY_ROLE],
  ["Admin", ["admin"]],
];

for (const email of ONE_ACCOUNT_PER_ROLE) {
  const role = DEMO_ACCOUNTS.find((a) => a.email === email)!.role;
  const expected = LINKS.filter(([, roles]) => roles.includes(role)).map(([label]) => label);
  test(`${email} sees the navigation of its role`, async ({ page }) => {
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main" });
    // A link may carry a count after its label ("Activity 3 unread").
    await expect(nav.getByRole("link")).toHaveText(expected.map((label) => new RegExp(`^${label}(\\d+( unread)?)?$`)));
  });
}
