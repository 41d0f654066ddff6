/** Request-level protections applied by the HTTP server and the document renderer. */

export interface OriginCheckInput {
  method: string;
  origin: string | undefined;
  /** The origin this request was addressed to, e.g. http://127.0.0.1:3000 */
  requestOrigin: string;
  /** APP_ORIGIN, when the app sits behind a proxy. */
  configuredOrigin?: string;
}

/** Cross-site request forgery guard: state-changing requests must come from our own pages. */
export function isAllowedOrigin({ method, origin, requestOrigin, configuredOrigin }: OriginCheckInput): boolean {
  const m = method.toUpperCase();
  if (m === "GET" || m === "HEAD") return true;
  if (!origin || origin === "null") return false;
  const expected = configuredOrigin ? new URL(configuredOrigin).origin : requestOrigin;
  return origin === expected;
}

export function contentSecurityPolicy(nonce: string, production: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The development live-reload socket is the only extra connection Accord makes.
    production ? "connect-src 'self'" : "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ];
  return directives.join("; ");
}

export function securityHeaders(nonce: string, production: boolean): Record<string, string> {
  return headersWithPolicy(contentSecurityPolicy(nonce, production), production);
}

/**
 * Headers for every response that is not an HTML document: nothing may run, be framed or be
 * sniffed into another type. A CSV, .ics or PDF opened in a tab stays inert.
 */
export function baselineSecurityHeaders(production: boolean): Record<string, string> {
  return headersWithPolicy("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", production);
}

/** The headers every response carries, around its content security policy. */
function headersWithPolicy(policy: string, production: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
