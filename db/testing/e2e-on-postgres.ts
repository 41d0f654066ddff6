// Runs the Playwright suite against a throwaway PostgreSQL cluster: starts one on a free loopback
// port, makes an `accord_e2e` database, hands it to playwright.config.ts as E2E_DATABASE_URL and
// removes the cluster afterwards, whatever the outcome. Arguments go to `playwright test`.
import { spawnSync } from "node:child_process";

import { createTestDatabase, startTestCluster } from "./pg-cluster";

const cluster = await startTestCluster();
let status = 1;
try {
  const url = await createTestDatabase(cluster.url(), "accord_e2e");
  const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, E2E_DATABASE_URL: url },
  });
  status = run.status ?? 1;
} finally {
  cluster.stop();
}
process.exit(status);
