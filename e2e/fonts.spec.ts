import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./helpers";

/**
 * The brief PDF prints Japanese and Hindi (the demo consultations minuted in each) with fonts that
 * cover them embedded: Noto CJK and Noto Devanagari, which .ci/run installs. pdffonts lists every
 * font a PDF uses and whether it is embedded. Each script is read from the brief of a reader whose
 * few consultations always include it, so consultations other tests add cannot push it out.
 */
async function briefPdf(page: Page, email: string, title: string): Promise<{ fonts: string[]; text: string }> {
  await signIn(page, email);
  await page.goto("/brief");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter((line) => line.trim());
  return { fonts, text: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }) };
}

/** Fonts whose "emb" column says yes. */
const embedded = (fonts: string[], pattern: RegExp) =>
  fonts.filter((line) => pattern.test(line) && /\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(line));

test("the brief PDF embeds a Devanagari font and prints Hindi as text", async ({ page }) => {
  test.setTimeout(60_000);
  const { fonts, text } = await briefPdf(page, "industry@accord.test", "SIAM के साथ दुर्लभ मृदा चुंबकों की माँग पर परामर्श");
  expect(embedded(fonts, /Devanagari/i), fonts.join("\n")).not.toEqual([]);
  expect(text).toContain("परामर्श");
});

test("the brief PDF embeds Japanese glyphs and prints Japanese as text", async ({ page }) => {
  test.setTimeout(60_000);
  const { fonts, text } = await briefPdf(page, "meti@accord.test", "経済産業省との実務者協議：レアアース供給の移行期間について");
  // Noto CJK has CFF outlines, which Chromium embeds as unnamed Type 3 fonts: there must be
  // embedded ones, and the Japanese must come out as text through their ToUnicode maps.
  expect(embedded(fonts, /CJK|JP|Type 3/i), fonts.join("\n")).not.toEqual([]);
  expect(text).toContain("経済産業省");
});
