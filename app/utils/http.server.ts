import { data, redirect } from "@remix-run/node";

/** A record the user may not see does not exist for that user: always 404, never 403. */
export function notFound(message = "Not found"): never {
  throw data({ message }, { status: 404 });
}

/** A request the page cannot be read with (a bad filter in the URL): 400 with its reason. */
export function invalidRequest(message: string): never {
  throw data({ message }, { status: 400 });
}

/**
 * The same 400 with its reason as a catalog key and the values it names: the error page words it
 * in the reader's language (`t(key, values)`), so no English is made here.
 */
export function invalidRequestCode(key: string, values: Record<string, string> = {}): never {
  throw data({ code: key, values }, { status: 400 });
}

/** Off to sign in, coming back to `back` (a path and query of this site) afterwards. */
export function redirectToSignIn(back: string): never {
  const params = back && back !== "/" ? `?${new URLSearchParams({ redirectTo: back })}` : "";
  throw redirect(`/login${params}`);
}

/** Somewhere the user must go first (setting up a required authenticator). */
export function redirectTo(path: string): never {
  throw redirect(path);
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
