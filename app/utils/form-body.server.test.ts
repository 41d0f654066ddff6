import { describe, expect, it } from "vitest";

import { parseUrlEncoded, readFormData } from "./form-body.server";

const encoder = new TextEncoder();

describe("readFormData", () => {
  it("parses urlencoded bodies as URLSearchParams does", async () => {
    const body = "a=1&b=x+y&c=%E2%82%AC&c=2&&d&e=";
    const ours = [...parseUrlEncoded(encoder.encode(body)).entries()];
    expect(ours).toEqual([...new URLSearchParams(body).entries()]);
  });

  it("marks a value that is not valid UTF-8 instead of replacing it silently", () => {
    const value = String(parseUrlEncoded(encoder.encode("t=a%ED%A0%80b")).get("t"));
    expect(value.startsWith("\uFFFF")).toBe(true);
  });

  it("refuses bodies that are not HTML forms with 415", async () => {
    for (const type of ["application/json", "text/plain", "application/xml", ""]) {
      const request = new Request("http://x/", {
        method: "POST",
        body: "{}",
        headers: type ? { "Content-Type": type } : {},
      });
      if (!type) request.headers.delete("Content-Type");
      const thrown = (await readFormData(request).catch((e: unknown) => e)) as {
        init: { status: number };
      };
      expect(thrown.init.status).toBe(415);
    }
  });

  it("answers 400 to a multipart body it cannot read", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: "--x\r\nbroken",
      headers: { "Content-Type": "multipart/form-data; boundary=y" },
    });
    const thrown = (await readFormData(request).catch((e: unknown) => e)) as {
      init: { status: number };
    };
    expect(thrown.init.status).toBe(400);
  });
});

describe("readFormData field count", () => {
  it("refuses a flood of fields with 413 before decoding them", async () => {
    const body = Array.from({ length: 60_000 }, (_, i) => `x.${i}=1`).join("&");
    const request = new Request("http://x/", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const started = performance.now();
    const thrown = (await readFormData(request).catch((e: unknown) => e)) as {
      init: { status: number };
    };
    expect(thrown.init.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
