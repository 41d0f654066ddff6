import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_ARGS } from "./app/utils/chromium";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// E2E_DATABASE_URL runs the suite on PostgreSQL: a throwaway database (its name says e2e or test)
// that is emptied, migrated and seeded for each run. SQLite otherwise.
const databaseUrl = process.env.E2E_DATABASE_URL;
const resetDatabase = databaseUrl ? "npx tsx db/testing/reset-cli.ts" : "rm -f data/e2e.sqlite data/e2e.sqlite-*";
// Debian's Chromium by default; CHROMIUM_PATH overrides, and without either Playwright's own is used.
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "Asia/Kolkata",
    locale: "en-IN",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
  webServer: {
    // A fresh database with the demonstration data for every run, served from the production build.
    command: `${resetDatabase} && npm run -s db:seed -- --demo > /dev/null && NODE_ENV=production node build/server.js`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: databaseUrl ?? "file:./data/e2e.sqlite",
      PORT: String(port),
      HOST: "127.0.0.1",
      COOKIE_SECURE: "false",
      DEMO_PASSWORD: "accord-demo-2026",
    },
  },
});
