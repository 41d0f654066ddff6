/**
 * The flags the system Chromium runs with, both for PDF output (app/models/pdf.server.ts) and for
 * the e2e suite (playwright.config.ts): no sandbox (containers), no GPU, and nothing fetched in the
 * background, so a headless run does the same on every machine.
 */
export const HEADLESS_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
