import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

// Each role's main navigation, exactly. Later features add their sections here.
const NAVIGATION: Record<string, string[]> = {
  "admin@accord.test": ["Home", "Consultations", "Actions", "Search", "Users", "Organizations", "Audit log"],
  "official@accord.test": ["Home", "Consultations", "Actions", "Search"],
  "irel@accord.test": ["Home", "Consultations", "Actions", "Search"],
  "diplomat@accord.test": ["Home", "Consultations", "Actions", "Search"],
  "counterpart@accord.test": ["Home", "Consultations", "Actions", "Search"],
  "industry@accord.test": ["Home", "Consultations", "Actions", "Search"],
};

for (const [email, expected] of Object.entries(NAVIGATION)) {
  test(`${email} sees the navigation of its role`, async ({ page }) => {
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(expected);
  });
}
