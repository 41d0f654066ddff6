import { expect, test, type Browser, type Page } from "@playwright/test";

import { simplePdf } from "../db/seed/pdf";
import { signIn } from "./helpers";

const LATEST = "Bilateral review with METI and Toyotsu of the phase-down schedule";
const TITLE = "Non-paper on the first phase-down step";
const PDF = Buffer.from(simplePdf(["Non-paper on the first phase-down step", "A smaller first tranche of europium exports"]));

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("an official uploads a non-paper to the latest bilateral round, Toyotsu downloads it, an outsider gets 404", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const official = await signedIn(browser, "official@accord.test");
  await official.goto("/consultations");
  await official.getByRole("link", { name: LATEST }).first().click();
  await official.waitForURL(/\/consultations\/[^/]+$/);
  const consultationPath = new URL(official.url()).pathname;
  const documents = official.getByRole("region", { name: "Documents" });
  await documents.getByRole("link", { name: "Attach a document" }).click();
  await expect(official.getByRole("heading", { name: "Attach a document", level: 1 })).toBeVisible();

  // A program dressed as a PDF is refused beside the file field, whatever its name says.
  await official.getByLabel("Title").fill(TITLE);
  await official.getByLabel("Kind of document").selectOption({ label: "Non-paper" });
  await official.getByLabel("Who may see it").selectOption({ label: "Shared" });
  await official.getByLabel("File").setInputFiles({
    name: "non-paper.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"),
  });
  await official.getByRole("button", { name: "Upload" }).click();
  await expect(official.getByText("Accord accepts PDF, PNG, JPEG")).toBeVisible();
  await expect(official.getByLabel("File")).toHaveAttribute("aria-invalid", "true");

  await official.getByLabel("File").setInputFiles({ name: "non-paper.pdf", mimeType: "application/pdf", buffer: PDF });
  await official.getByRole("button", { name: "Upload" }).click();
  await expect(official.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  await expect(official.getByRole("cell", { name: "non-paper.pdf" })).toBeVisible();
  const documentPath = new URL(official.url()).pathname;

  // Toyotsu, a participant, finds it on the consultation and downloads the same bytes.
  const toyotsu = await signedIn(browser, "counterpart@accord.test");
  await toyotsu.goto(consultationPath);
  const listed = toyotsu.getByRole("region", { name: "Documents" });
  await expect(listed.getByRole("link", { name: TITLE, exact: true })).toBeVisible();
  await expect(listed.getByRole("link", { name: "Attach a document" })).toHaveCount(0);
  const [download] = await Promise.all([
    toyotsu.waitForEvent("download"),
    listed.getByRole("link", { name: `Download ${TITLE}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("non-paper.pdf");
  const saved = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
  const headers = await toyotsu.request.get(`${documentPath}/download`);
  expect(headers.headers()["content-type"]).toBe("application/pdf");
  expect(headers.headers()["x-content-type-options"]).toBe("nosniff");
  expect(headers.headers()["content-disposition"]).toContain("attachment;");

  // Its text is found with the consultations.
  await toyotsu.goto("/search?q=europium");
  await expect(toyotsu.getByRole("region", { name: "Documents" }).getByRole("link", { name: TITLE, exact: true })).toBeVisible();

  // Toyota Tsusho took no part in this round: the document and its download do not exist for it.
  const outsider = await signedIn(browser, "tsusho@accord.test");
  const page = await outsider.goto(documentPath);
  expect(page?.status()).toBe(404);
  expect((await outsider.request.get(`${documentPath}/download`)).status()).toBe(404);
  expect((await outsider.request.get(`${documentPath}/download?v=1`)).status()).toBe(404);
  await outsider.goto("/search?q=europium");
  await expect(outsider.getByRole("link", { name: TITLE, exact: true })).toHaveCount(0);

  // An upload over the limit is refused at once, and the server stays responsive.
  const tooBig = await official.request.post(`/documents/new?on=consultation&id=${consultationPath.split("/").pop()}`, {
    headers: { Origin: baseURL! },
    multipart: {
      title: "Too big",
      kind: "data",
      visibility: "shared",
      file: { name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(21 * 1024 * 1024, 0x61) },
    },
  });
  expect(tooBig.status()).toBe(413);
  expect((await official.request.get("/healthz")).status()).toBe(200);
});
