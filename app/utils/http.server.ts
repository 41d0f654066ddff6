import { data } from "@remix-run/node";

/** A record the user may not see does not exist for that user: always 404, never 403. */
export function notFound(message = "Not found"): never {
  throw data({ message }, { status: 404 });
}

/** Only same-site relative paths may be redirect targets taken from a request. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  return to;
}
