import { describe, expect, it } from "vitest";

import { revalidateAfterConflict } from "./revalidate";

type Args = Parameters<typeof revalidateAfterConflict>[0];
const args = (actionStatus: number | undefined, defaultShouldRevalidate: boolean) =>
  ({ actionStatus, defaultShouldRevalidate }) as unknown as Args;

describe("revalidateAfterConflict", () => {
  it("reloads after a 409 even when single fetch would not", () => {
    expect(revalidateAfterConflict(args(409, false))).toBe(true);
  });
  it("otherwise keeps Remix's own choice", () => {
    expect(revalidateAfterConflict(args(400, false))).toBe(false);
    expect(revalidateAfterConflict(args(200, true))).toBe(true);
    expect(revalidateAfterConflict(args(undefined, false))).toBe(false);
  });
});
