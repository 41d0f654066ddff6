import { expect, request as playwrightRequest, test } from "@playwright/test";

import { signIn } from "./helpers";

// Compression and caching (decision 012): every kind of response a reader fetches is compressed
// by Accept-Encoding, hashed build assets are cached for a year, and nothing personal may be
// kept by a shared cache.
const gzip = { "Accept-Encoding": "gzip" };

test("pages, data, scripts, styles, CSV and the calendar feed are compressed, with the right cache headers", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "diplomat@accord.test");
  const api = page.context().request;

  for (const path of ["/", "/consultations", "/consultations.data", "/consultations/export.csv"]) {
    const res = await api.get(path, { headers: gzip });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-encoding"], path).toBe("gzip");
    expect(res.headers()["cache-control"], path).toBe("private, no-store");
  }
  const brotli = await api.get("/", { headers: { "Accept-Encoding": "br" } });
  expect(brotli.headers()["content-encoding"]).toBe("br");

  const html = await (await api.get("/")).text();
  const assets = [...html.matchAll(/<link rel="(?:modulepreload|stylesheet)" href="(\/build\/[^"]+)"/g)].map((m) => m[1]!);
  expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
  expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
  for (const asset of assets) {
    const res = await api.get(asset, { headers: gzip });
    expect(res.status(), asset).toBe(200);
    // Below a kilobyte compression costs more than it saves, and is skipped.
    if ((await res.body()).length >= 1024) expect(res.headers()["content-encoding"], asset).toBe("gzip");
    expect(res.headers()["cache-control"], asset).toBe("public, max-age=31536000, immutable");
  }

  await page.goto("/calendar");
  await page.getByRole("button", { name: /Create feed address|Reset feed address/ }).click();
  const address = await page.getByLabel("Feed address", { exact: true }).inputValue();
  const client = await playwrightRequest.newContext({ baseURL });
  const feed = await client.get(address, { headers: gzip });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(feed.headers()["content-encoding"]).toBe("gzip");
  expect(feed.headers()["cache-control"]).toBe("private, no-store");
  await client.dispose();
});
