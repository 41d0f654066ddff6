/**
 * PDF documents are printed by the system Chromium from the same page the user sees, so the PDF
 * and the browser's print view never drift apart. One browser process is kept and shared; each
 * document gets its own context (cookies) and a hard time limit.
 */
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

import { CHROMIUM_ARGS } from "~/utils/chromium";

export class PdfUnavailableError extends Error {}
export class PdfRenderError extends Error {}

export function chromiumPath(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return fs.existsSync(configured) ? configured : null;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
}

export function pdfAvailable(): boolean {
  return chromiumPath() !== null;
}

let browserPromise: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new PdfUnavailableError("No Chromium is installed for PDF output (set CHROMIUM_PATH).");
  if (!browserPromise) {
    browserPromise = chromium
      .launch({
        executablePath,
        args: [...CHROMIUM_ARGS],
        timeout: 15_000,
      })
      .then((browser) => {
        browser.on("disconnected", () => {
          browserPromise = null;
        });
        return browser;
      })
      .catch((error: unknown) => {
        browserPromise = null;
        throw new PdfRenderError(`Chromium did not start: ${(error as Error).message}`);
      });
  }
  return browserPromise;
}

export interface PdfRequest {
  url: string;
  /** Cookies to send with the page request, e.g. the user's session, so the page is theirs. */
  cookies?: { name: string; value: string }[];
  timeoutMs?: number;
  /** Small text printed in every page footer, e.g. the classification. */
  footerText?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function renderPdf({ url, cookies = [], timeoutMs = 20_000, footerText = "" }: PdfRequest): Promise<Buffer> {
  const browser = await sharedBrowser();
  const context = await browser.newContext();
  const timer = setTimeout(() => void context.close().catch(() => {}), timeoutMs + 2_000);
  try {
    if (cookies.length > 0) {
      const origin = new URL(url).origin;
      await context.addCookies(cookies.map((c) => ({ ...c, url: origin })));
    }
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    // data: URLs have no response; a real page must answer 2xx.
    if (response && !response.ok()) throw new PdfRenderError(`The page answered ${response.status()}.`);
    await page.emulateMedia({ media: "print" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "16mm", bottom: "18mm", left: "14mm", right: "14mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;color:#444"><span>${escapeHtml(footerText)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    });
  } catch (error) {
    if (error instanceof PdfRenderError) throw error;
    throw new PdfRenderError(`Printing failed: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
}

export async function closePdfBrowser(): Promise<void> {
  const pending = browserPromise;
  browserPromise = null;
  if (pending) await (await pending).close().catch(() => {});
}
