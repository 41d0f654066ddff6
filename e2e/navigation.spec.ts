import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

// Each role's main navigation, exactly. Later features add their sections here.
const NAVIGATION: Record<string, string[]> = {
  "admin@accord.test": ["Home", "Milestones", "Users", "Organizations", "Audit log"],
  "official@accord.test": ["Home", "Milestones"],
  "irel@accord.test": ["Home", "Milestones"],
  "diplomat@accord.test": ["Home", "Milestones"],
  "counterpart@accord.test": ["Home", "Milestones"],
  "industry@accord.test": ["Home", "Milestones"],
};

for (const [email, expected] of Object.entries(NAVIGATION)) {
  test(`${email} sees the navigation of its role`, async ({ page }) => {
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(expected);
  });
}
