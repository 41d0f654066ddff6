/**
 * The flags for the headless Chromium that prints PDFs and that the end-to-end tests drive: no
 * sandbox (it runs in containers), no GPU, nothing fetched or updated in the background.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;
