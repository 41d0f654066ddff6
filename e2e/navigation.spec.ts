import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

// Each role's main navigation, exactly. Later features add their sections here.
const NAVIGATION: Record<string, string[]> = {
  "admin@accord.test": ["Home", "Demand", "Supply", "Users", "Organizations", "Audit log"],
  "official@accord.test": ["Home", "Demand", "Supply"],
  "irel@accord.test": ["Home", "Demand", "Supply"],
  "diplomat@accord.test": ["Home", "Demand", "Supply"],
  "counterpart@accord.test": ["Home"],
  "industry@accord.test": ["Home", "Our requests"],
};

for (const [email, expected] of Object.entries(NAVIGATION)) {
  test(`${email} sees the navigation of its role`, async ({ page }) => {
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(expected);
  });
}
