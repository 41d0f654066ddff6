/** Each reader's time zone: the session user's zone, the times pages show, and CSV exports. */
import { describe, expect, it } from "vitest";

import { loader as rootLoader } from "~/root";
import { loader as csvLoader } from "~/routes/consultations.export[.csv]";
import { loader as demandCsvLoader } from "~/routes/demand.export[.csv]";
import { loader as milestonesCsvLoader } from "~/routes/milestones.export[.csv]";
import { formatDateTime, readerFor } from "~/utils/format";
import { readerTimeZone } from "~/utils/zones";

import { call, cookieFor, get } from "./fixtures";

const context = { nonce: "test", clientAddress: "127.0.0.1" };

async function bytesOf(loader: (args: never) => unknown, path: string, email: string): Promise<Uint8Array> {
  const response = (await (loader as (args: unknown) => Promise<Response>)({
    request: get(path, await cookieFor(email)),
    params: {},
    context,
  })) as Response;
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  return new Uint8Array(await response.arrayBuffer());
}

/** The text after the byte-order mark, which must be there (Response.text() would hide it). */
function afterBom(bytes: Uint8Array): string {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3));
}

describe("a reader's time zone", () => {
  it("comes from the organization's country unless the user chose one", () => {
    expect(readerTimeZone({ organizationCountry: "Japan" })).toBe("Asia/Tokyo");
    expect(readerTimeZone({ organizationCountry: "India" })).toBe("Asia/Kolkata");
    expect(readerTimeZone({ organizationCountry: "Japan", timeZone: "Europe/London" })).toBe("Europe/London");
    // A stored zone that Intl does not know is ignored, not trusted.
    expect(readerTimeZone({ organizationCountry: "Japan", timeZone: "Mars/Olympus" })).toBe("Asia/Tokyo");
    expect(readerTimeZone(null)).toBe("Asia/Kolkata");
  });

  it("is handed to every page by the root loader", async () => {
    const meti = await call(rootLoader, get("/", await cookieFor("meti@accord.test")));
    expect((meti.data as { user: { timeZone: string } }).user.timeZone).toBe("Asia/Tokyo");
    const official = await call(rootLoader, get("/", await cookieFor("official@accord.test")));
    expect((official.data as { user: { timeZone: string } }).user.timeZone).toBe("Asia/Kolkata");
    // The formatter pages read (`useFormat()`) carries the same zone.
    expect((meti.data as { reader: { timeZone: string } }).reader.timeZone).toBe("Asia/Tokyo");
  });

  it("is part of the reader every formatter takes", () => {
    expect(readerFor({ organizationCountry: "Japan" }, "ja")).toEqual({ locale: "ja-JP", timeZone: "Asia/Tokyo" });
    expect(readerFor(null)).toEqual({ locale: "en-IN", timeZone: "Asia/Kolkata" });
  });

  it("formats the same instant as each reader's wall clock, naming the zone", () => {
    const at = "2026-03-14T05:00:00.000Z";
    expect(formatDateTime(at, { locale: "en-IN", timeZone: "Asia/Kolkata" })).toMatch(/10:30.*IST$/);
    expect(formatDateTime(at, { locale: "en-IN", timeZone: "Asia/Tokyo" })).toMatch(/2:00.*pm.*JST$|14:00.*JST$/);
    expect(formatDateTime(at, { locale: "en-IN", timeZone: "UTC" })).toMatch(/5:00.*UTC$/);
  });
});

describe("CSV exports", () => {
  it("begin with a byte-order mark and carry UTC and the reader's zone", async () => {
    const meti = afterBom(await bytesOf(csvLoader, "/consultations/export.csv", "meti@accord.test"));
    const header = meti.split("\n")[0]!.split(",");
    expect(header.slice(2, 4)).toEqual(["starts_at_utc", "starts_at_Asia/Tokyo"]);
    const official = afterBom(await bytesOf(csvLoader, "/consultations/export.csv", "official@accord.test"));
    expect(official.split("\n")[0]!.split(",").slice(2, 4)).toEqual(["starts_at_utc", "starts_at_Asia/Kolkata"]);
    // The same meeting, 5:00 UTC: 10:30 for the official, 14:00 for METI.
    expect(official).toContain("2025-01-22T05:00:00.000Z,2025-01-22 10:30,");
  });

  it("keep Japanese and Hindi text intact as UTF-8", async () => {
    const text = afterBom(await bytesOf(csvLoader, "/consultations/export.csv", "official@accord.test"));
    expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("give demand requests' submission time in UTC and the reader's zone", async () => {
    const text = afterBom(await bytesOf(demandCsvLoader, "/demand/export.csv", "industry@accord.test"));
    const header = text.split("\n")[0]!.split(",");
    expect(header.slice(-2)).toEqual(["submitted_at_utc", "submitted_at_Asia/Kolkata"]);
    const row = text.split("\n")[1]!.split(",");
    expect(row.at(-2)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(row.at(-1)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it("holds a BOM on every export, dates-only ones too", async () => {
    afterBom(await bytesOf(milestonesCsvLoader, "/milestones/export.csv", "meti@accord.test"));
  });
});
