// Documents against a real database: the journey of a non-paper on the latest bilateral round,
// every refusal (each leaving nothing behind), versions, archiving, search and each 404.
import { beforeAll, describe, expect, it } from "vitest";

import { searchDocuments } from "~/models/documents.server";
import { loader as consultationLoader } from "~/routes/consultations.$id";
import { action as documentAction, loader as documentLoader } from "~/routes/documents.$documentId";
import { loader as downloadLoader } from "~/routes/documents.$documentId_.download";
import { action as newAction, loader as newLoader } from "~/routes/documents.new";
import { getDb } from "~/utils/db.server";
import { documentMaxBytes } from "~/utils/env.server";
import { simplePdf } from "~db/seed/pdf";

import { call, cookieFor, countRows, demoData, get, ORIGIN, post, sessionUserFor } from "./fixtures";

const LATEST = "Bilateral review with METI and Toyotsu of the phase-down schedule";
const PDF = simplePdf(["Non-paper on a phased transition", "Indicative praseodymium tranches for fiscal 2027"]);
const PNG = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
);

let consultationId = "";
let internalConsultationId = "";

interface FileSpec {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

function uploadRequest(path: string, fields: Record<string, string>, file: FileSpec | null, cookie: string): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }));
  return new Request(`${ORIGIN}${path}`, { method: "POST", body: form, headers: { Origin: ORIGIN, Cookie: cookie } });
}

const newPath = (id = consultationId, on = "consultation") => `/documents/new?on=${on}&id=${id}`;

async function attach(email: string, fields: Record<string, string>, file: FileSpec | null, path = newPath()) {
  return call(newAction, uploadRequest(path, fields, file, await cookieFor(email)));
}

const fields = (over: Record<string, string> = {}) => ({
  title: "Non-paper on a phased transition",
  kind: "non_paper",
  visibility: "shared",
  ...over,
});

async function counts() {
  return {
    documents: await countRows("documents"),
    versions: await countRows("document_versions"),
    blobs: await countRows("document_blobs"),
  };
}

function fieldErrors(res: { data: unknown }) {
  return (res.data as { fieldErrors: Record<string, string> }).fieldErrors;
}

function idFrom(res: { status: number; headers: Headers }) {
  expect(res.status).toBe(302);
  return res.headers.get("Location")!.replace("/documents/", "");
}

async function download(email: string, id: string, v?: number) {
  const res = await call(downloadLoader, get(`/documents/${id}/download${v ? `?v=${v}` : ""}`, await cookieFor(email)), {
    documentId: id,
  });
  return res;
}

async function downloadBytes(email: string, id: string, v?: number) {
  const user = await cookieFor(email);
  const response = (await downloadLoader({
    request: get(`/documents/${id}/download${v ? `?v=${v}` : ""}`, user),
    params: { documentId: id },
    context: { nonce: "t", clientAddress: "127.0.0.1" },
  } as never)) as Response;
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

beforeAll(async () => {
  await demoData();
  const db = getDb();
  consultationId = (await db.selectFrom("consultations").select("id").where("title", "=", LATEST).executeTakeFirstOrThrow()).id;
  internalConsultationId = (
    await db.selectFrom("consultations").select("id").where("visibility", "=", "internal").executeTakeFirstOrThrow()
  ).id;
});

describe("a non-paper on the latest bilateral round", () => {
  let documentId = "";

  it("is uploaded by an official and listed on the consultation", async () => {
    const form = await call(newLoader, get(newPath(), await cookieFor("official@accord.test")));
    expect(form.status).toBe(200);
    expect(form.data.visibilities).toEqual(["shared", "internal", "restricted"]);
    const res = await attach("official@accord.test", fields(), { name: "non-paper.pdf", bytes: PDF });
    documentId = idFrom(res);
    const page = await call(
      consultationLoader,
      get(`/consultations/${consultationId}`, await cookieFor("official@accord.test")),
      {
        id: consultationId,
      },
    );
    expect(page.data.attachments.documents.map((d) => d.title)).toContain("Non-paper on a phased transition");
    expect(page.data.attachments.attachHref).toContain("on=consultation");
  });

  it("is downloaded by Toyotsu, a participant, with the type decided on upload", async () => {
    const page = await call(
      consultationLoader,
      get(`/consultations/${consultationId}`, await cookieFor("counterpart@accord.test")),
      {
        id: consultationId,
      },
    );
    expect(page.data.attachments.documents.map((d) => d.id)).toContain(documentId);
    expect(page.data.attachments.attachHref).toBeNull();
    const { response, bytes } = await downloadBytes("counterpart@accord.test", documentId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="non-paper.pdf"; filename*=UTF-8''non-paper.pdf`,
    );
    expect(Buffer.from(bytes).equals(Buffer.from(PDF))).toBe(true);
  });

  it("is 404 to a user of an organization that did not take part, on the page and the download", async () => {
    for (const email of ["tsusho@accord.test", "industry@accord.test"]) {
      const cookie = await cookieFor(email);
      expect((await call(documentLoader, get(`/documents/${documentId}`, cookie), { documentId })).status).toBe(404);
      expect((await download(email, documentId)).status).toBe(404);
      expect((await download(email, documentId, 1)).status).toBe(404);
      expect(await searchDocuments(getDb(), await sessionUserFor(email), "praseodymium tranches")).toEqual([]);
    }
  });

  it("is found by the words of its PDF text, for those who may see it", async () => {
    for (const email of ["official@accord.test", "counterpart@accord.test", "meti@accord.test"]) {
      const hits = await searchDocuments(getDb(), await sessionUserFor(email), "praseodymium tranches");
      expect(hits.map((h) => h.id)).toEqual([documentId]);
      expect(hits[0]!.snippet.some((p) => p.hit)).toBe(true);
    }
  });

  it("keeps every version: a new upload becomes current and the old one still downloads", async () => {
    const cookie = await cookieFor("official@accord.test");
    const before = await call(documentLoader, get(`/documents/${documentId}`, cookie), { documentId });
    const version = String(before.data.document.version);
    const second = simplePdf(["Non-paper on a phased transition, revised", "Samarium cobalt annex"]);
    const res = await call(
      documentAction,
      uploadRequest(`/documents/${documentId}`, { version }, { name: "non-paper v2.pdf", bytes: second }, cookie),
      { documentId },
    );
    expect(res.status).toBe(200);
    const after = await call(documentLoader, get(`/documents/${documentId}`, cookie), { documentId });
    expect(after.data.document.currentNumber).toBe(2);
    expect(after.data.document.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(Buffer.from((await downloadBytes("counterpart@accord.test", documentId, 1)).bytes).equals(Buffer.from(PDF))).toBe(
      true,
    );
    expect(Buffer.from((await downloadBytes("counterpart@accord.test", documentId)).bytes).equals(Buffer.from(second))).toBe(
      true,
    );
    expect((await download("counterpart@accord.test", documentId, 3)).status).toBe(404);
    // Search follows the current version's text.
    const official = await sessionUserFor("official@accord.test");
    expect((await searchDocuments(getDb(), official, "samarium")).map((h) => h.id)).toEqual([documentId]);
    expect(await searchDocuments(getDb(), official, "praseodymium")).toEqual([]);
    // A stale form is a conflict and writes nothing.
    const stale = await call(
      documentAction,
      uploadRequest(`/documents/${documentId}`, { version }, { name: "late.pdf", bytes: PDF }, cookie),
      { documentId },
    );
    expect(stale.status).toBe(409);
    expect(
      (await call(documentLoader, get(`/documents/${documentId}`, cookie), { documentId })).data.document.currentNumber,
    ).toBe(2);
  });

  it("is archived, never deleted, and takes no new version until restored", async () => {
    const cookie = await cookieFor("official@accord.test");
    const page = await call(documentLoader, get(`/documents/${documentId}`, cookie), { documentId });
    const archived = await call(
      documentAction,
      post(`/documents/${documentId}`, { intent: "archive", version: String(page.data.document.version) }, cookie),
      { documentId },
    );
    expect(archived.status).toBe(200);
    const after = await call(documentLoader, get(`/documents/${documentId}`, cookie), { documentId });
    expect(after.data.document.archivedAt).not.toBeNull();
    expect((await downloadBytes("counterpart@accord.test", documentId)).response.status).toBe(200);
    const refused = await call(
      documentAction,
      uploadRequest(
        `/documents/${documentId}`,
        { version: String(after.data.document.version) },
        { name: "x.pdf", bytes: PDF },
        cookie,
      ),
      { documentId },
    );
    expect(refused.status).toBe(409);
    const restored = await call(
      documentAction,
      post(`/documents/${documentId}`, { intent: "restore", version: String(after.data.document.version) }, cookie),
      { documentId },
    );
    expect(restored.status).toBe(200);
  });

  it("lets no counterpart attach, version or archive", async () => {
    const cookie = await cookieFor("counterpart@accord.test");
    expect((await call(newLoader, get(newPath(), cookie))).status).toBe(404);
    const before = await counts();
    expect((await attach("counterpart@accord.test", fields(), { name: "a.pdf", bytes: PDF })).status).toBe(404);
    expect(
      (await call(documentAction, post(`/documents/${documentId}`, { intent: "archive", version: "1" }, cookie), { documentId }))
        .status,
    ).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe("levels", () => {
  it("refuses a level wider than the record's, beside the field", async () => {
    const before = await counts();
    const res = await attach(
      "official@accord.test",
      fields({ visibility: "shared" }),
      { name: "a.pdf", bytes: PDF },
      newPath(internalConsultationId),
    );
    expect(res.status).toBe(400);
    expect(fieldErrors(res).visibility).toBe("A document cannot be seen more widely than the record it is on.");
    expect(await counts()).toEqual(before);
  });

  it("keeps an internal paper on a shared consultation from the Japanese side everywhere", async () => {
    const res = await attach(
      "official@accord.test",
      fields({ title: "Internal brief on the tranches", visibility: "internal" }),
      { name: "brief.txt", bytes: new TextEncoder().encode("Fallback position: gadolinium quota for domestic magnets.") },
    );
    const id = idFrom(res);
    const cookie = await cookieFor("counterpart@accord.test");
    expect((await call(documentLoader, get(`/documents/${id}`, cookie), { documentId: id })).status).toBe(404);
    expect((await download("counterpart@accord.test", id)).status).toBe(404);
    const page = await call(consultationLoader, get(`/consultations/${consultationId}`, cookie), { id: consultationId });
    expect(page.data.attachments.documents.map((d) => d.id)).not.toContain(id);
    expect(await searchDocuments(getDb(), await sessionUserFor("counterpart@accord.test"), "gadolinium")).toEqual([]);
    const official = await searchDocuments(getDb(), await sessionUserFor("official@accord.test"), "gadolinium");
    expect(official.map((h) => h.id)).toEqual([id]);
    // Plain text downloads as text, never as anything a browser would run.
    const { response } = await downloadBytes("official@accord.test", id);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
  });
});

describe("refusals: each a 4xx beside the file field, and nothing stored", () => {
  const cases: [string, FileSpec | null, number, string][] = [
    ["no file chosen", null, 400, "Choose a file to upload."],
    [
      "an empty file",
      { name: "empty.pdf", bytes: new Uint8Array(0) },
      400,
      "The file is empty; choose a file with something in it.",
    ],
    [
      "a program named like a PDF",
      { name: "minutes.pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]) },
      415,
      "Accord accepts PDF",
    ],
    [
      "a GIF",
      { name: "chart.png", bytes: new Uint8Array(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1")) },
      415,
      "Accord accepts PDF",
    ],
    ["text with a NUL byte", { name: "notes.txt", bytes: new Uint8Array([0x61, 0x00, 0x62]) }, 415, "Accord accepts PDF"],
    ["text that is not UTF-8", { name: "notes.csv", bytes: new Uint8Array([0x61, 0xff, 0xfe, 0x62]) }, 415, "Accord accepts PDF"],
    [
      "a ZIP archive",
      { name: "data.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00]) },
      415,
      "Accord accepts PDF",
    ],
  ];
  for (const [what, file, status, message] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await counts();
      const res = await attach("official@accord.test", fields(), file);
      expect(res.status).toBe(status);
      expect(fieldErrors(res).file).toContain(message);
      expect(await counts()).toEqual(before);
    });
  }

  it("refuses a file over the limit", async () => {
    const before = await counts();
    const big = new Uint8Array(documentMaxBytes() + 1);
    big.set(PNG);
    const res = await attach("official@accord.test", fields(), { name: "huge.png", bytes: big });
    expect(res.status).toBe(413);
    expect(fieldErrors(res).file).toBe("The file is larger than 20 MB; nothing was saved.");
    expect(await counts()).toEqual(before);
  });

  it("refuses a body whose stated length is over the limit without reading it", async () => {
    const cookie = await cookieFor("official@accord.test");
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request(`${ORIGIN}${newPath()}`, {
      method: "POST",
      body,
      // Node's fetch needs `duplex` for a streamed body.
      duplex: "half",
      headers: {
        Origin: ORIGIN,
        Cookie: cookie,
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": String(documentMaxBytes() * 2),
      },
    });
    const res = await call(newAction, request);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("refuses an upload interrupted before the end of the file", async () => {
    const cookie = await cookieFor("official@accord.test");
    const before = await counts();
    const boundary = "----accordtest";
    const head = [
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nCut short\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nnon_paper\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\nshared\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ].join("");
    const truncated = Buffer.concat([Buffer.from(head), Buffer.from(PDF.subarray(0, 200))]);
    const request = new Request(`${ORIGIN}${newPath()}`, {
      method: "POST",
      body: truncated,
      headers: { Origin: ORIGIN, Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` },
    });
    const res = await call(newAction, request);
    expect(res.status).toBe(400);
    expect(fieldErrors(res).file).toBe("The upload was interrupted before the whole file arrived; nothing was saved. Try again.");

    // A connection that breaks mid-body.
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new Uint8Array(truncated));
        } else controller.error(new Error("socket hang up"));
      },
    });
    const res2 = await call(
      newAction,
      new Request(`${ORIGIN}${newPath()}`, {
        method: "POST",
        body: broken,
        // Node's fetch needs `duplex` for a streamed body.
        duplex: "half",
        headers: { Origin: ORIGIN, Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` },
      }),
    );
    expect(res2.status).toBe(400);
    expect(fieldErrors(res2).file).toContain("interrupted");
    expect(await counts()).toEqual(before);
  });

  it("refuses a form that is not multipart", async () => {
    const res = await call(newAction, post(newPath(), fields(), await cookieFor("official@accord.test")));
    expect(res.status).toBe(415);
  });

  it("refuses a missing title beside its field", async () => {
    const before = await counts();
    const res = await attach("official@accord.test", fields({ title: "" }), { name: "a.pdf", bytes: PDF });
    expect(res.status).toBe(400);
    expect(fieldErrors(res).title).toBeTruthy();
    expect(await counts()).toEqual(before);
  });
});

describe("file names", () => {
  it("stores a sanitized name with the extension of the type the bytes are", async () => {
    const res = await attach("official@accord.test", fields({ title: "Slides" }), {
      name: "..\\..\\tranche <plan>\u202egpj.exe",
      bytes: PNG,
    });
    const id = idFrom(res);
    const { response } = await downloadBytes("official@accord.test", id);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="tranche plan gpj.png"; filename*=UTF-8''tranche%20plan%20gpj.png`,
    );
    const ja = await attach("official@accord.test", fields({ title: "議事録" }), { name: "議事録 案.pdf", bytes: PDF });
    const { response: r2 } = await downloadBytes("official@accord.test", idFrom(ja));
    expect(r2.headers.get("Content-Disposition")).toBe(
      `attachment; filename="___ _.pdf"; filename*=UTF-8''${encodeURIComponent("議事録 案.pdf")}`,
    );
  });
});
