// Structural checks for the layering decided in docs/decisions/011: each fails when a new file
// slips back into the old habit.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function grep(pattern: string, ...paths: string[]): string[] {
  try {
    return execFileSync("git", ["grep", "--untracked", "-l", "-E", pattern, "--", ...paths, ":!*.test.ts"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  } catch {
    return [];
  }
}

describe("layers", () => {
  it("keeps HTTP responses and components out of the models", () => {
    expect(grep("@remix-run/(node|react)|new Response\\(", "app/models")).toEqual([]);
    expect(grep('from "~/components/', "app/models")).toEqual([]);
  });

  it("reads the current time only through the clock", () => {
    expect(grep("new Date\\(\\)|Date\\.now\\(\\)", "app", "db")).toEqual(["app/utils/clock.ts"]);
  });

  it("names a locale only where the reader's default is chosen", () => {
    expect(grep("[\"']en-IN[\"']|toLocale(Date)?String\\(", "app")).toEqual(["app/utils/format.ts"]);
  });

  it("keeps pure domain logic in app/models, not app/utils", () => {
    for (const moved of ["convergence", "supply-balance", "fiscal-year", "search", "brief", "milestone-rules"]) {
      expect(grep(".", `app/utils/${moved}.ts`)).toEqual([]);
    }
  });
});
