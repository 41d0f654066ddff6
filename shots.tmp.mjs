import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3400";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const [,, email, ...paths] = process.argv;
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
await page.goto(base + "/login");
await page.getByLabel("Email address").fill(email);
await page.getByLabel("Password").fill("accord-demo-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(base + "/");
for (const p of paths) {
  await page.goto(base + p);
  const name = `/tmp/shot-${email.split("@")[0]}${p.replace(/[^a-z0-9]+/gi, "_")}.png`;
  await page.screenshot({ path: name, fullPage: true });
  console.log(name);
}
await browser.close();
