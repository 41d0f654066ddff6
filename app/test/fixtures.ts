/** Helpers for integration tests: demo data, signed-in requests, and calling routes directly. */
import type { ActionFunctionArgs, LoaderFunctionArgs, data as remixData } from "@remix-run/node";

import type { SessionUser } from "~/models/access.server";
import { createSessionFor, lucia } from "~/models/auth.server";
import { sessionUserByEmail } from "~/models/users.server";
import { getDb } from "~/utils/db.server";
import { nowIso } from "~/utils/ids.server";
import type { Database } from "~db/schema";
import { seedDemo, type DEMO_ACCOUNTS, type DemoContext } from "~db/seed/demo";

export const ORIGIN = "http://localhost";

let demo: Promise<DemoContext> | undefined;

/** Loads the demonstration data once per test file. */
export function demoData(): Promise<DemoContext> {
  return (demo ??= seedDemo(getDb(), { password: "accord-demo-2026" }));
}

export type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

/** A session cookie for a demo user, written straight into the database. */
export async function cookieFor(email: string): Promise<string> {
  const ctx = await demoData();
  const userId = ctx.user[email];
  if (!userId) throw new Error(`no demo user ${email}`);
  const { token } = await createSessionFor(userId, { created_at: nowIso(), ip: "127.0.0.1", user_agent: "vitest" });
  return lucia().createSessionCookie(token).serialize().split(";")[0]!;
}

export function get(pathname: string, cookie?: string): Request {
  return new Request(`${ORIGIN}${pathname}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(pathname: string, form: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(`${ORIGIN}${pathname}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
  });
}

const context = { nonce: "test", clientAddress: "127.0.0.1" };

type RouteFn<A> = (args: A) => unknown;

/**
 * What a loader or action hands the page: the payload of `data()`, or the plain object returned;
 * null for a Response (a redirect). Loaders run in-process here, so no serialisation happens.
 */
export type RoutePayload<F extends RouteFn<never>> = Unwrap<Awaited<ReturnType<F>>>;
type WithInit<D> = ReturnType<typeof remixData<D>>;
type Unwrap<R> = R extends Response ? null : R extends WithInit<infer D> ? D : R;

/**
 * Runs a loader or action and returns its Response or thrown Response, normalised. `data` is typed
 * from what the function returns; a thrown 4xx (e.g. `notFound()`) carries `{ message }` instead,
 * so check `status` before reading it.
 */
export async function call<A extends LoaderFunctionArgs | ActionFunctionArgs, F extends RouteFn<A>>(
  fn: F & RouteFn<A>,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; data: RoutePayload<F>; headers: Headers }> {
  try {
    const result = await fn({ request, params, context } as A);
    return normalise(result) as { status: number; data: RoutePayload<F>; headers: Headers };
  } catch (thrown) {
    return normalise(thrown) as { status: number; data: RoutePayload<F>; headers: Headers };
  }
}

function normalise(value: unknown): { status: number; data: unknown; headers: Headers } {
  if (value instanceof Response) return { status: value.status, data: null, headers: value.headers };
  // Remix's data() helper returns a DataWithResponseInit.
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init: ResponseInit | null };
    return { status: d.init?.status ?? 200, data: d.data, headers: new Headers(d.init?.headers) };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value, headers: new Headers() };
}

/** The SessionUser of a demo account, for calling model functions directly. */
export async function sessionUserFor(email: string): Promise<SessionUser> {
  await demoData();
  return sessionUserByEmail(getDb(), email);
}

/** How many rows a table holds: the tests' way of showing that a refused write stored nothing. */
export async function countRows(table: keyof Database): Promise<number> {
  const row = await getDb()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
