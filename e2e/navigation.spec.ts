import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

// Each role's main navigation, exactly. Later features add their sections here.
const NAVIGATION: Record<string, string[]> = {
  "admin@accord.test": [
    "Home",
    "Consultations",
    "Actions",
    "Issues",
    "Positions",
    "Agreement",
    "Milestones",
    "Contacts",
    "Demand",
    "Supply",
    "Brief",
    "Map",
    "Activity",
    "Admin",
  ],
  "official@accord.test": [
    "Home",
    "Consultations",
    "Actions",
    "Issues",
    "Positions",
    "Agreement",
    "Milestones",
    "Contacts",
    "Demand",
    "Supply",
    "Brief",
    "Map",
    "Activity",
  ],
  "irel@accord.test": [
    "Home",
    "Consultations",
    "Actions",
    "Issues",
    "Positions",
    "Agreement",
    "Milestones",
    "Contacts",
    "Demand",
    "Supply",
    "Brief",
    "Map",
    "Activity",
  ],
  "diplomat@accord.test": [
    "Home",
    "Consultations",
    "Actions",
    "Issues",
    "Positions",
    "Agreement",
    "Milestones",
    "Contacts",
    "Demand",
    "Supply",
    "Brief",
    "Map",
    "Activity",
  ],
  "counterpart@accord.test": [
    "Home",
    "Consultations",
    "Actions",
    "Issues",
    "Positions",
    "Agreement",
    "Milestones",
    "Contacts",
    "Brief",
    "Activity",
  ],
  "industry@accord.test": [
    "Home",
    "Consultations",
    "Actions",
    "Issues",
    "Positions",
    "Agreement",
    "Milestones",
    "Contacts",
    "Our requests",
    "Brief",
    "Activity",
  ],
};

for (const [email, expected] of Object.entries(NAVIGATION)) {
  test(`${email} sees the navigation of its role`, async ({ page }) => {
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main" });
    // A link may carry a count after its label ("Activity 3 unread").
    await expect(nav.getByRole("link")).toHaveText(expected.map((label) => new RegExp(`^${label}(\\d+( unread)?)?$`)));
  });
}
