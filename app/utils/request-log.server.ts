/**
 * One structured log line per request (docs/decisions/010-hardening.md). The HTTP server opens a
 * context per request; the session code notes the signed-in user in it. The server and the Remix
 * build are separate bundles, so the context lives on a global symbol both of them read.
 */
import { AsyncLocalStorage } from "node:async_hooks";

import { nowIso } from "~/utils/clock";

export interface RequestLogContext {
  userId: string | null;
}

const KEY = Symbol.for("accord.requestLogContext");
type WithStore = typeof globalThis & {
  [KEY]?: AsyncLocalStorage<RequestLogContext>;
};

export function requestLogStorage(): AsyncLocalStorage<RequestLogContext> {
  const g = globalThis as WithStore;
  return (g[KEY] ??= new AsyncLocalStorage<RequestLogContext>());
}

/** Records who made the current request, for its log line. */
export function noteRequestUser(userId: string): void {
  const store = requestLogStorage().getStore();
  if (store) store.userId = userId;
}

export interface RequestLogLine {
  method: string;
  path: string;
  status: number;
  ms: number;
  userId: string | null;
}

/** The path as logged: a calendar feed's address is its secret, so it is never written down. */
export function loggedPath(path: string): string {
  return path.startsWith("/calendar/feed/") ? "/calendar/feed/[secret]" : path;
}

/** A JSON line; the query string is left out, since it may carry search words. */
export function formatRequestLog(line: RequestLogLine): string {
  return JSON.stringify({
    t: nowIso(),
    msg: "request",
    ...line,
    path: loggedPath(line.path),
    ms: Math.round(line.ms * 10) / 10,
  });
}
