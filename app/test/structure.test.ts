import { execFileSync } from "node:child_process";

import { describe, expect, it } from "vitest";

function filesMatching(pattern: string): string[] {
  try {
    return execFileSync("git", ["grep", "--untracked", "-l", "-E", pattern, "--", "app", "db"], { encoding: "utf8" }).split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

describe("one way to do each thing", () => {
  it("writes CSV only through toCsv, which neutralises formulas", () => {
    expect(filesMatching("from \"csv-stringify")).toEqual(["app/utils/csv.server.ts"]);
  });

  it("keeps raw SQL fragments in db/sql.ts (and frozen migrations)", () => {
    const users = filesMatching("sql`").filter((f) => !f.startsWith("db/migrations/") && !f.endsWith(".test.ts"));
    expect(users).toEqual(["db/sql.ts"]);
  });
});
