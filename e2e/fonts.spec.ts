import { execFileSync } from "node:child_process";
import fs from "node:fs";

import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

/**
 * The brief PDF holds Japanese and Hindi (the demo consultations minuted in each) and embeds
 * fonts that cover them: Noto CJK and Noto Devanagari, which .ci/run installs. pdffonts lists
 * every font the PDF uses and whether it is embedded.
 */
test("the brief PDF embeds fonts for Japanese and Devanagari", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "official@accord.test");
  await page.goto("/brief");
  await expect(page.getByRole("link", { name: "経済産業省との実務者協議：レアアース供給の移行期間について" })).toBeVisible();
  await expect(page.getByRole("link", { name: "SIAM के साथ दुर्लभ मृदा चुंबकों की माँग पर परामर्श" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter((line) => line.trim());
  const embedded = (pattern: RegExp) => fonts.filter((line) => pattern.test(line) && /\byes\b/.test(line.slice(line.search(/\s(yes|no)\s/))));
  expect(embedded(/Devanagari/i), fonts.join("\n")).not.toEqual([]);
  // Noto CJK has CFF outlines, which Chromium embeds as Type 3 fonts without a name: there must
  // be embedded ones, and the Japanese below must come out as text through their ToUnicode maps.
  expect(embedded(/CJK|JP/i).length + embedded(/Type 3/).length, fonts.join("\n")).toBeGreaterThan(0);
  // And the text is really there, not boxes.
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  expect(text).toContain("経済産業省");
  expect(text).toContain("परामर्श");
});
