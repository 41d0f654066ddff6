import { afterAll, describe, expect, it } from "vitest";

import { closePdfBrowser, pdfAvailable, PdfRenderError, renderPdf } from "./pdf.server";

afterAll(closePdfBrowser);

// CI installs Debian's Chromium, so there this always runs; elsewhere it says why it skipped.
describe.skipIf(!pdfAvailable())("renderPdf", () => {
  it("prints a page to a PDF", async () => {
    const html = "<!doctype html><title>t</title><h1>Negotiation brief</h1>";
    const pdf = await renderPdf({ url: `data:text/html,${encodeURIComponent(html)}`, footerText: "INTERNAL" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it("fails with a clear error when the page cannot be loaded", async () => {
    await expect(renderPdf({ url: "http://127.0.0.1:9/brief", timeoutMs: 3_000 })).rejects.toBeInstanceOf(PdfRenderError);
  });
});
