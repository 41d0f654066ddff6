// Each test file gets its own migrated database: a SQLite file by default, or with
// ACCORD_TEST_DIALECT=postgres a database of its own on the throwaway cluster.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";

import { createTestDatabase } from "~db/testing/pg-cluster";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-test-"));
process.env.NODE_ENV = "test";
if (process.env.ACCORD_TEST_DIALECT === "postgres") {
  process.env.DATABASE_URL = await createTestDatabase(inject("pgAdminUrl"), `accord_${crypto.randomBytes(6).toString("hex")}`);
} else {
  process.env.DATABASE_URL = `file:${path.join(dir, "test.sqlite")}`;
}

beforeAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  const { migrateToLatest } = await import("~db/migrate");
  await migrateToLatest(getDb());
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});
