// Japanese and Hindi pages through the real server, byte for byte: every encoding the server
// offers (brotli, gzip, none), many at once, decoded strictly. Guards the suspicion that a
// multi-byte UTF-8 character split across streamed chunks reaches the browser broken (a full
// e2e run once showed "協議の絞り込み" with U+FFFD inserted).
import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD } from "./helpers";

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

function inflate(raw: Raw): Buffer {
  const coding = raw.headers["content-encoding"];
  if (coding === "br") return zlib.brotliDecompressSync(raw.body);
  if (coding === "gzip") return zlib.gunzipSync(raw.body);
  return raw.body;
}

const strict = new TextDecoder("utf-8", { fatal: true });

/** The loader data React streams into the page, joined as the browser's stream controller would receive it. */
function streamedData(html: string): string {
  return [...html.matchAll(/streamController\.enqueue\((".*?")\);<\/script>/gs)].map((m) => JSON.parse(m[1]!) as string).join("");
}

async function signedInCookie(baseURL: string, email: string): Promise<string> {
  const body = new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }).toString();
  const res = await request(`${baseURL}/login`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(body)),
      origin: baseURL,
    },
    body,
  });
  expect(res.status).toBe(302);
  return ([] as string[])
    .concat(res.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
}

test("Japanese and Hindi pages arrive as valid UTF-8 in every encoding, also many at once", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const cookie = await signedInCookie(baseURL!, "meti@accord.test");
  const pages = ["/consultations", "/search?q=" + encodeURIComponent("日本"), "/", "/issues", "/milestones", "/brief"];
  const cases = [
    { language: "ja", words: ["協議の絞り込み", "絞り込む"] },
    { language: "hi", words: ["परामर्श"] },
  ];
  const checked: string[] = [];
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      cases.flatMap(({ language, words }) =>
        pages.flatMap((path) =>
          ["br", "gzip", "identity"].map(async (encoding) => {
            const raw = await request(`${baseURL}${path}`, {
              headers: { cookie, "accept-language": language, "accept-encoding": encoding },
            });
            const what = `${path} (${language}, ${encoding})`;
            expect(raw.status, what).toBe(200);
            if (encoding !== "identity") expect(raw.headers["content-encoding"], what).toBe(encoding);
            const html = strict.decode(inflate(raw)); // throws on any broken byte sequence
            expect(html.includes("\uFFFD"), what).toBe(false);
            const data = streamedData(html);
            expect(data.length, what).toBeGreaterThan(0);
            expect(data.includes("\uFFFD"), what).toBe(false);
            // The words hydration reads come from the language's catalog script, named in the data.
            const catalog = /"(\/locales\/[a-z]+\.[0-9a-f]+\.js)"/.exec(data)?.[1];
            expect(catalog, what).toBeTruthy();
            const script = await request(`${baseURL}${catalog}`, { headers: { "accept-encoding": encoding } });
            expect(script.status, `${catalog} (${encoding})`).toBe(200);
            const catalogText = strict.decode(inflate(script));
            for (const word of words) expect(catalogText, `${catalog} (${encoding})`).toContain(word);
            checked.push(what);
          }),
        ),
      ),
    );
  }
  expect(checked).toHaveLength(3 * 2 * 6 * 3);
  // The consultation list's form carries its Japanese name in the markup itself.
  const list = strict.decode(
    inflate(
      await request(`${baseURL}/consultations`, { headers: { cookie, "accept-language": "ja", "accept-encoding": "gzip" } }),
    ),
  );
  expect(list).toContain('aria-label="協議の絞り込み"');
});
