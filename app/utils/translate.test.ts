import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { resources } from "~/locales/resources.server";
import { translateWith } from "~/utils/translate";

const ja = resources.ja.validation as Record<string, string>;
const hi = resources.hi.validation as Record<string, string>;

describe("translateWith", () => {
  it("translates a known sentence exactly", () => {
    expect(translateWith(ja, "Choose at least one party.")).toBe("当事者を 1 つ以上選択してください。");
    expect(translateWith(hi, "Choose at least one party.")).toBe("कम से कम एक पक्षकार चुनें।");
  });

  it("translates a templated sentence and the field label inside it", () => {
    expect(translateWith(ja, "Title is required.")).toBe("件名を入力してください。");
    expect(translateWith(hi, "Statement must be at most 4000 characters.")).toBe("वक्तव्य अधिकतम 4000 वर्णों का हो सकता है।");
    expect(translateWith(ja, "Quantity must be at most 1,00,000 t.")).toBe("数量は 1,00,000 t 以下で入力してください。");
  });

  it("leaves text no catalog knows as it is", () => {
    expect(translateWith(ja, "Something a person wrote.")).toBe("Something a person wrote.");
    expect(translateWith(undefined, "Title is required.")).toBe("Title is required.");
  });
});

describe("every message Accord's forms and actions give", () => {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "app"], { encoding: "utf8" })
    .split("\n")
    .filter(
      (f) => /^(app\/schemas\/|app\/utils\/(forms|tonnes)\.ts|app\/routes\/|app\/models\/)/.test(f) && !f.includes(".test."),
    );
  const messages = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const patterns =
      file.startsWith("app/schemas/") || file.startsWith("app/utils/")
        ? [/"([A-Z][^"]*[.?!])"/g]
        : [/(?:failure|badRequest|invalidForm|saveRefused)\([^"]*"([A-Z][^"]+)"/g, /(?:formError|message): "([A-Z][^"]+)"/g];
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) messages.add(m[1]!);
  }

  it("found messages to check", () => expect(messages.size).toBeGreaterThan(50));

  for (const [name, bundle] of [
    ["Japanese", ja],
    ["Hindi", hi],
  ] as const) {
    it(`has each of them in ${name}`, () => {
      expect([...messages].filter((m) => translateWith(bundle, m) === m)).toEqual([]);
    });
  }
});
