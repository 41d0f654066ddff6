import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

// Each role's main navigation, exactly. Later features add their sections here.
const NAVIGATION: Record<string, string[]> = {
  "admin@accord.test": ["Home", "Activity", "Users", "Organizations", "Audit log"],
  "official@accord.test": ["Home", "Activity"],
  "irel@accord.test": ["Home", "Activity"],
  "diplomat@accord.test": ["Home", "Activity"],
  "counterpart@accord.test": ["Home", "Activity"],
  "industry@accord.test": ["Home", "Activity"],
};

for (const [email, expected] of Object.entries(NAVIGATION)) {
  test(`${email} sees the navigation of its role`, async ({ page }) => {
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main" });
    // A link may carry a count after its label ("Activity 3 unread").
    await expect(nav.getByRole("link")).toHaveText(expected.map((label) => new RegExp(`^${label}(\\d+( unread)?)?$`)));
  });
}
