/**
 * `npm run db:seed -- --demo` loads the demonstration data (idempotent).
 * `npm run db:seed` with ADMIN_EMAIL, ADMIN_NAME and ADMIN_PASSWORD creates a first administrator.
 * The demo data never loads in production unless `--allow-production` is passed as well.
 */
import { createOrganization } from "~/models/organizations.server";
import { passwordProblem } from "~/models/password.server";
import { createUser } from "~/models/users.server";

import { createDatabase } from "./connection";
import { migrateToLatest } from "./migrate";
import { DEMO_ACCOUNTS, seedDemo } from "./seed/demo";

const args = new Set(process.argv.slice(2));
const db = createDatabase();
try {
  await migrateToLatest(db);
  if (args.has("--demo")) {
    if (process.env.NODE_ENV === "production" && !args.has("--allow-production")) {
      console.error("Refusing to load demonstration data with NODE_ENV=production. Pass --allow-production to insist.");
      process.exitCode = 1;
    } else {
      const password = process.env.DEMO_PASSWORD ?? "accord-demo-2026";
      let added = 0;
      await seedDemo(db, { password, log: () => added++ });
      console.log(added ? `Demonstration data loaded (${added} new records).` : "Demonstration data already present.");
      console.log(`\nDemo sign-ins (password: ${password}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(26)} ${a.role}`);
    }
  } else {
    const { ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD } = process.env;
    if (!ADMIN_EMAIL || !ADMIN_PASSWORD) {
      console.log("Nothing to do. Pass --demo for demonstration data, or set ADMIN_EMAIL and ADMIN_PASSWORD.");
    } else {
      const problem = passwordProblem(ADMIN_PASSWORD);
      if (problem) throw new Error(`ADMIN_PASSWORD: ${problem}`);
      const exists = await db.selectFrom("users").select("id").where("email", "=", ADMIN_EMAIL.toLowerCase()).executeTakeFirst();
      if (exists) {
        console.log(`${ADMIN_EMAIL} already exists.`);
      } else {
        const orgName = process.env.ADMIN_ORGANIZATION ?? "Ministry of Commerce and Industry";
        const org =
          (await db.selectFrom("organizations").select("id").where("name", "=", orgName).executeTakeFirst()) ??
          (await createOrganization(db, null, {
            name: orgName,
            shortName: orgName.slice(0, 40),
            kind: "ministry",
            country: "India",
          }));
        await createUser(db, null, {
          email: ADMIN_EMAIL,
          displayName: ADMIN_NAME ?? "Administrator",
          role: "admin",
          organizationId: org.id,
          password: ADMIN_PASSWORD,
        });
        console.log(`Administrator ${ADMIN_EMAIL} created.`);
      }
    }
  }
} finally {
  await db.destroy();
}
