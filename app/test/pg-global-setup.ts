// With ACCORD_TEST_DIALECT=postgres the integration suite runs on one throwaway cluster; each
// test file makes its own database on it (app/test/setup.ts).
import type { TestProject } from "vitest/node";

import { startTestCluster } from "~db/testing/pg-cluster";

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide("pgAdminUrl", cluster.url());
  return () => cluster.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
