import zlib from "node:zlib";
import { describe, expect, it } from "vitest";

import { simplePdf } from "~db/seed/pdf";

import { attachmentDisposition, detectFileType, extractText, pdfText, sanitizeFileName } from "./document-files.server";

/** A little-endian record of `size` bytes holding the given fields, zero elsewhere. */
function record(size: number, fields: [offset: number, width: 2 | 4, value: number][]): Buffer {
  const buffer = Buffer.alloc(size);
  for (const [offset, width, value] of fields) {
    if (width === 2) buffer.writeUInt16LE(value, offset);
    else buffer.writeUInt32LE(value, offset);
  }
  return buffer;
}

/** A ZIP of stored (uncompressed) entries: enough to make an Office Open XML file. */
function storedZip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    // CRC, both sizes and the name's length: the same in the local and the central header, at `at`.
    const described = (at: number): [number, 2 | 4, number][] => [
      [at, 4, zlib.crc32(data)],
      [at + 4, 4, data.length],
      [at + 8, 4, data.length],
      [at + 12, 2, nameBytes.length],
    ];
    // Signature, then "version needed" (2.0); the central header also has "version made by".
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], ...described(14)]);
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], ...described(16), [42, 4, offset]]);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const count = Object.keys(entries).length;
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, count],
    [10, 2, count],
    [12, 4, dir.length],
    [16, 4, offset],
  ]);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const office = (part: string, main: string) =>
  storedZip({
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${main}.main+xml"/></Types>`,
    [part]: "<x/>",
  });

describe("detectFileType", () => {
  it("reads binary types from their first bytes, whatever the name", async () => {
    expect(await detectFileType(simplePdf(["x"]), "slides.pptx")).toBe("pdf");
    expect(await detectFileType(office("word/document.xml", "wordprocessingml.document"), "a.bin")).toBe("docx");
    expect(await detectFileType(office("xl/workbook.xml", "spreadsheetml.sheet"), "a.bin")).toBe("xlsx");
    expect(await detectFileType(office("ppt/presentation.xml", "presentationml.presentation"), "a.bin")).toBe("pptx");
    expect(await detectFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), "p")).toBe(
      "jpeg",
    );
  });

  it("takes UTF-8 without NUL bytes as text, and only then reads the name for CSV", async () => {
    const csv = new TextEncoder().encode("material,tonnes\nNdPr,820\n");
    expect(await detectFileType(csv, "figures.csv")).toBe("csv");
    expect(await detectFileType(csv, "figures.txt")).toBe("text");
    expect(await detectFileType(new TextEncoder().encode("議事録の案"), "memo")).toBe("text");
    expect(await detectFileType(new Uint8Array([0x61, 0, 0x62]), "a.csv")).toBeNull();
    expect(await detectFileType(new Uint8Array([0xc3, 0x28]), "a.txt")).toBeNull();
  });

  it("refuses every other type and an empty file", async () => {
    expect(await detectFileType(new Uint8Array(0), "a.pdf")).toBeNull();
    expect(await detectFileType(storedZip({ "a.txt": "hello" }), "a.docx")).toBeNull();
    expect(
      await detectFileType(new Uint8Array(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1")), "a.png"),
    ).toBeNull();
    // Markup is text like any other: it is served as text/plain, as an attachment, never rendered.
    expect(await detectFileType(new Uint8Array(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")), "a.svg")).toBe("text");
  });
});

describe("file names", () => {
  it("drops paths, controls, bidi and quoting characters, and takes the detected type's extension", () => {
    expect(sanitizeFileName("C:\\Users\\x\\Minutes v2.docx", "pdf")).toBe("Minutes v2.pdf");
    expect(sanitizeFileName("../../etc/passwd", "text")).toBe("passwd.txt");
    expect(sanitizeFileName('a"b<c>d|e?f*\u202eg\u0007.pdf', "pdf")).toBe("a b c d e f g.pdf");
    expect(sanitizeFileName("...", "png")).toBe("document.png");
    expect(sanitizeFileName("x".repeat(300) + ".pdf", "pdf")).toHaveLength(124);
    expect(sanitizeFileName("議事録 案.pdf", "pdf")).toBe("議事録 案.pdf");
  });

  it("offers an ASCII name and the UTF-8 one (RFC 5987)", () => {
    expect(attachmentDisposition("議事録.pdf")).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''%E8%AD%B0%E4%BA%8B%E9%8C%B2.pdf`,
    );
    expect(attachmentDisposition("it's (final) 100%.pdf")).toBe(
      `attachment; filename="it's (final) 100_.pdf"; filename*=UTF-8''it%27s%20%28final%29%20100%25.pdf`,
    );
  });
});

describe("text for search", () => {
  it("reads a PDF's words through pdftotext and a text file's own", async () => {
    expect(await extractText("pdf", simplePdf(["Dysprosium offtake schedule"]))).toContain("Dysprosium offtake schedule");
    expect(await extractText("csv", new TextEncoder().encode("a,b\n1,2\n"))).toBe("a,b\n1,2");
    expect(await extractText("png", new Uint8Array([1]))).toBeNull();
  });

  it("gives null, not an error, for a broken PDF or a missing pdftotext", async () => {
    expect(await pdfText(new TextEncoder().encode("%PDF-1.4 broken"))).toBeNull();
    expect(await pdfText(simplePdf(["x"]), "/nonexistent/pdftotext")).toBeNull();
  });
});
