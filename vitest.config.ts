import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^~db\//, replacement: `${path.resolve("db")}/` },
      { find: /^~\//, replacement: `${path.resolve("app")}/` },
    ],
  },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts"],
    environment: "node",
    setupFiles: ["app/test/setup.ts"],
    // The second run of `npm run test:unit`: the same suite on a throwaway PostgreSQL cluster.
    globalSetup: process.env.ACCORD_TEST_DIALECT === "postgres" ? ["app/test/pg-global-setup.ts"] : [],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
