import { describe, expect, it } from "vitest";

import { safeRedirect } from "./http.server";
import { contentSecurityPolicy, isAllowedOrigin, securityHeaders } from "./security.server";

describe("isAllowedOrigin", () => {
  const requestOrigin = "http://127.0.0.1:3000";
  it("lets reads through without an Origin", () => {
    expect(isAllowedOrigin({ method: "GET", origin: undefined, requestOrigin })).toBe(true);
    expect(isAllowedOrigin({ method: "HEAD", origin: "https://evil.test", requestOrigin })).toBe(true);
  });
  it("refuses writes with a missing, null or foreign Origin", () => {
    expect(isAllowedOrigin({ method: "POST", origin: undefined, requestOrigin })).toBe(false);
    expect(isAllowedOrigin({ method: "POST", origin: "null", requestOrigin })).toBe(false);
    expect(isAllowedOrigin({ method: "DELETE", origin: "https://evil.test", requestOrigin })).toBe(false);
    expect(isAllowedOrigin({ method: "POST", origin: "http://127.0.0.1:3001", requestOrigin })).toBe(false);
  });
  it("accepts its own origin, or APP_ORIGIN behind a proxy", () => {
    expect(isAllowedOrigin({ method: "POST", origin: requestOrigin, requestOrigin })).toBe(true);
    expect(
      isAllowedOrigin({
        method: "POST",
        origin: "https://accord.gov.in",
        requestOrigin,
        configuredOrigin: "https://accord.gov.in/",
      }),
    ).toBe(true);
    expect(
      isAllowedOrigin({ method: "POST", origin: requestOrigin, requestOrigin, configuredOrigin: "https://accord.gov.in" }),
    ).toBe(false);
  });
});

describe("security headers", () => {
  it("allow scripts only by nonce", () => {
    const csp = contentSecurityPolicy("abc", true);
    expect(csp).toContain("script-src 'self' 'nonce-abc'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it("send HSTS in production only", () => {
    expect(securityHeaders("n", true)["Strict-Transport-Security"]).toBeDefined();
    expect(securityHeaders("n", false)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("n", false)["X-Content-Type-Options"]).toBe("nosniff");
    expect(securityHeaders("n", false)["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });
});

describe("safeRedirect", () => {
  it("keeps local paths and refuses everything else", () => {
    expect(safeRedirect("/consultations?x=1")).toBe("/consultations?x=1");
    expect(safeRedirect("//evil.test")).toBe("/");
    expect(safeRedirect("https://evil.test")).toBe("/");
    expect(safeRedirect("/\\evil.test")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
    expect(safeRedirect("/\t/evil.example")).toBe("/");
    expect(safeRedirect("/ok\r\nSet-Cookie: x=1")).toBe("/");
  });
});
