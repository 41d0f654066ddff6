import { describe, expect, it } from "vitest";

import { hashPassword, passwordProblem, verifyPassword } from "./password.server";

describe("password policy", () => {
  it("refuses short, long and common passwords", () => {
    expect(passwordProblem("short")).toMatch(/at least 12/);
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem("password1234")).toMatch(/too common/);
    expect(passwordProblem("Tariff-lanthanide-9")).toBeNull();
  });

  it("hashes with argon2id and verifies", async () => {
    const hash = await hashPassword("Tariff-lanthanide-9");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "Tariff-lanthanide-9")).toBe(true);
    expect(await verifyPassword(hash, "Tariff-lanthanide-8")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});
