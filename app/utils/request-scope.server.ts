/**
 * One HTTP request's scope. Remix hands each loader of a request its own `Request` object, but the
 * load context is one object per HTTP request: app/server.ts runs the whole request inside
 * `inRequestScope(context, …)` so that per-request memos (the session user) can key on it.
 */
import { AsyncLocalStorage } from "node:async_hooks";

// On globalThis: the server bundle and the Remix build each carry a copy of this module.
const KEY = Symbol.for("accord.requestScope");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<object> };
const scope: AsyncLocalStorage<object> = (holder[KEY] ??= new AsyncLocalStorage());

/** Runs `fn` with `context` (the load context of one HTTP request) as the current request scope. */
export function inRequestScope<T>(context: object, fn: () => T): T {
  return scope.run(context, fn);
}

/** The load context of the HTTP request being served, if any. */
export function currentRequestScope(): object | undefined {
  return scope.getStore();
}
