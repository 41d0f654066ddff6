// Each test file gets its own migrated SQLite file: integration tests run against a real database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-test-"));
process.env.DATABASE_URL = `file:${path.join(dir, "test.sqlite")}`;
process.env.NODE_ENV = "test";

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
