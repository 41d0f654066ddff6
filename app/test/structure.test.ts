import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { VERSIONED_TABLES } from "~/models/writes.server";

function filesMatching(pattern: string): string[] {
  try {
    return execFileSync("git", ["grep", "--untracked", "-l", "-E", pattern, "--", "app", "db"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  } catch {
    return [];
  }
}

describe("one way to do each thing", () => {
  it("writes CSV only through toCsv, which neutralises formulas", () => {
    expect(filesMatching('from "csv-stringif[y]') /* the bracket keeps this line from matching itself */).toEqual([
      "app/utils/csv.server.ts",
    ]);
  });

  it("keeps raw SQL in db/ only: the sql tag and CompiledQuery.raw alike", () => {
    const outsideDb = (files: string[]) => files.filter((f) => !f.startsWith("db/") && !f.endsWith(".test.ts"));
    expect(outsideDb(filesMatching("sql`"))).toEqual([]);
    expect(outsideDb(filesMatching("\\bsql\\.(raw|ref|lit|id|join|table|val)\\b"))).toEqual([]);
    expect(outsideDb(filesMatching("CompiledQuery\\.raw"))).toEqual([]);
    expect(outsideDb(filesMatching('import \\{[^}]*\\bsql\\b[^}]*\\} from "kysely"'))).toEqual([]);
  });

  it("updates a versioned table only through the versioned-write helper, which claims the version", () => {
    const tables = Object.keys(VERSIONED_TABLES).join("|");
    const writers = filesMatching(`updateTable\\(\\s*["'](${tables})["'\\s]`).filter(
      (f) => !f.endsWith(".test.ts") && !f.startsWith("db/migrations/"),
    );
    expect(writers).toEqual(["app/models/writes.server.ts"]);
    // No table name hidden behind a variable elsewhere either.
    const dynamic = filesMatching("updateTable\\(\\s*[^\"' ]").filter(
      (f) => !f.endsWith(".test.ts") && !f.startsWith("db/migrations/"),
    );
    expect(dynamic).toEqual(["app/models/writes.server.ts"]);
    const helper = readFileSync("app/models/writes.server.ts", "utf8");
    expect(helper).toMatch(
      /\.updateTable\(table as string\)\s*\.set\(\{[^}]*version: expectedVersion \+ 1[^]*?\.where\("version", "=", expectedVersion\)/,
    );
    expect(helper).toMatch(/numUpdatedRows\) !== 1\) throw new StaleVersion/);
  });
});
