/**
 * A database that cannot be reached. It is a 503 Response so that a loader or action that meets
 * it answers "Service Unavailable" through Remix's thrown-response path, with no route having to
 * catch it; a write that meets it is never reported as saved.
 */
export class DatabaseUnavailable extends Response {
  readonly message: string;
  readonly cause: unknown;
  constructor(cause: unknown) {
    super("Accord cannot reach its database just now. Nothing was saved; try again in a minute.", {
      status: 503,
      statusText: "Service Unavailable",
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "10", "Cache-Control": "no-store" },
    });
    this.message = `database unavailable: ${reasonOf(cause)}`;
    this.cause = cause;
  }
}

// Socket errors, and PostgreSQL's connection-exception (08…) and shutdown (57P0…) SQLSTATEs.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

export function isConnectionError(error: unknown): boolean {
  if (error instanceof DatabaseUnavailable) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (NETWORK_CODES.has(code) || code.startsWith("08") || /^57P0[1-3]$/.test(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is not open/i.test(
    error.message,
  );
}

/** One line saying why, without a stack: for start-up messages and logs. */
export function reasonOf(error: unknown): string {
  if (error instanceof DatabaseUnavailable) return reasonOf(error.cause);
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message || (typeof code === "string" ? code : error.name);
    return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(error);
}

/** A database URL fit to print: the password, if any, is replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return url.split("?")[0]!;
  }
}
