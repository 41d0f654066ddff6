/**
 * The one way to change a versioned record: read it, refuse what is not allowed, claim the version
 * the editor saw with `UPDATE … WHERE id = ? AND version = ?`, write what goes with it, and audit
 * the change, all in one transaction. The claim, not the transaction's lock, decides who wins:
 * under PostgreSQL's read committed two writers may both read version n, and only the one whose
 * UPDATE still finds version n changes a row; the other is rolled back and answered "conflict".
 *
 * Every UPDATE of a versioned table in app/models goes through this module (a structure test
 * checks it), so "every change carries its version" holds by construction.
 */
import type { Kysely, Transaction, Updateable } from "kysely";

import { recordAudit } from "~/models/audit.server";
import type { DB } from "~/utils/db.server";
import { nowIso } from "~/utils/ids.server";
import type { Database } from "~db/schema";

export type Tx = Transaction<Database>;

/** Tables whose rows carry a `version` that every change moves on by one. */
export const VERSIONED_TABLES = {
  organizations: "organization",
  users: "user",
  consultations: "consultation",
  follow_up_actions: "follow_up_action",
  issues: "issue",
  demand_requests: "demand_request",
  supply_figures: "supply_figure",
  supply_scenarios: "supply_scenario",
  milestones: "milestone",
  minutes: "minutes",
  minutes_amendments: "minutes_amendment",
  documents: "document",
  clauses: "clause",
  contacts: "contact",
  tags: "tag",
} as const satisfies Partial<Record<keyof Database, string>>;

export type VersionedTable = keyof typeof VERSIONED_TABLES;

// ---- The result of every model write --------------------------------------------------------

/**
 * What a model write answers, with one meaning everywhere:
 * - `ok`: done; `record` is the record as now stored.
 * - `not_found`: no such record, or not one the user may see (the route answers 404).
 * - `conflict`: the record changed since the editor loaded it; nothing was written, and `current`
 *   is the record as now stored (the route answers 409 and keeps the user's input).
 * - `refused`: the write is not allowed as asked; `code` says why, with any detail beside it.
 */
export type WriteResult<T, R extends Refused<string> = never> =
  { ok: true; record: T } | NotFound | { ok: false; reason: "conflict"; current: T } | R;

/** What a create answers: the same shape, where a record that is not there yet cannot be missing or stale. */
export type CreateResult<T, R extends Refused<string> = never> = { ok: true; record: T } | R;

export type NotFound = { ok: false; reason: "not_found" };

export type Refused<Code extends string, Detail extends object = object> = {
  ok: false;
  reason: "refused";
  code: Code;
} & Detail;

export const notFound: NotFound = { ok: false, reason: "not_found" };

export function refused<Code extends string>(code: Code): Refused<Code>;
export function refused<Code extends string, Detail extends object>(code: Code, detail: Detail): Refused<Code, Detail>;
export function refused(code: string, detail: object = {}) {
  return { ok: false as const, reason: "refused" as const, code, ...detail };
}

// ---- The versioned update --------------------------------------------------------------------

/** Thrown inside a transaction to roll it back when a claim finds the version moved on. */
class StaleVersion extends Error {
  constructor(
    readonly table: VersionedTable,
    readonly id: string,
  ) {
    super(`${table} ${id} changed since it was read`);
  }
}

type Columns<TB extends VersionedTable> = Omit<Updateable<Database[TB]>, "id" | "version" | "updated_at">;

/**
 * `UPDATE table SET …, version = expected + 1, updated_at = now WHERE id = ? AND version = expected`.
 * When no row matched, the whole transaction rolls back and the write answers "conflict".
 * For rows changed together with the record `versionedUpdate` writes (a consultation's actions).
 */
export async function claimVersion<TB extends VersionedTable>(
  tx: Tx,
  table: TB,
  id: string,
  expectedVersion: number,
  columns: Columns<TB>,
  now: string,
): Promise<void> {
  // Kysely cannot check `set` against a table chosen by a type parameter; `Columns<TB>` does.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const result = await (tx as unknown as Kysely<any>)
    .updateTable(table as string)
    .set({
      ...(columns as Record<string, unknown>),
      version: expectedVersion + 1,
      updated_at: now,
    })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new StaleVersion(table, id);
}

export interface VersionedUpdate<TB extends VersionedTable, S extends { version: number }, T, R extends Refused<string>, A> {
  table: TB;
  id: string;
  actorId: string | null;
  /**
   * The version the editor loaded. Omitted for an action on whatever is stored (disable a user):
   * the version read here is claimed instead, so a change made meanwhile is still never lost.
   */
  expectedVersion?: number | undefined;
  /** The record as the audit log keeps it; undefined when it does not exist or the user may not see it. */
  load: (tx: Tx) => Promise<S | undefined>;
  /** The snapshot after the change; `load` unless the after view is read differently. */
  reload?: (tx: Tx) => Promise<S | undefined>;
  /** Refusals judged before the version is compared: may this user do this at all. */
  permit?: (before: S) => R | null;
  /** Rules judged on the current version (state, references); "conflict" when the request no longer fits it. */
  check?: (before: S, tx: Tx) => Promise<R | "conflict" | null> | R | "conflict" | null;
  /** The columns to change; version and updated_at are the helper's. */
  set: (before: S, now: string) => Columns<TB>;
  /** Writes that go with the change (links, child rows, search text), after the row is claimed. */
  alongside?: (tx: Tx, before: S, now: string) => Promise<A>;
  action: string | ((before: S, after: S, extra: A) => string);
  /** What the audit event keeps of a snapshot; the snapshot itself by default. */
  auditView?: (snapshot: S) => unknown;
  /** What the after snapshot adds to the audit event, e.g. the decision written alongside. */
  auditAfter?: (view: unknown, extra: A) => unknown;
  /** What callers get back as `record` (and as `current` on a conflict). */
  result: (snapshot: S) => T;
  at?: string | undefined;
}

/**
 * Update a versioned record, write its audit event, answer a conflict. Checks run in this order:
 * not found, `permit`, the version, `check`; then the claim, the writes alongside and the audit.
 */
export async function versionedUpdate<
  TB extends VersionedTable,
  S extends { version: number },
  T,
  R extends Refused<string> = never,
  A = undefined,
>(db: DB, spec: VersionedUpdate<TB, S, T, R, A>): Promise<WriteResult<T, R>> {
  const view = spec.auditView ?? ((s: S) => s);
  try {
    return await db.transaction().execute(async (tx): Promise<WriteResult<T, R>> => {
      const before = await spec.load(tx);
      if (!before) return notFound;
      const refusal = spec.permit?.(before);
      if (refusal) return refusal;
      const expected = spec.expectedVersion ?? before.version;
      if (before.version !== expected)
        return {
          ok: false,
          reason: "conflict",
          current: spec.result(before),
        };
      const checked = await spec.check?.(before, tx);
      if (checked === "conflict")
        return {
          ok: false,
          reason: "conflict",
          current: spec.result(before),
        };
      if (checked) return checked;
      const now = spec.at ?? nowIso();
      await claimVersion(tx, spec.table, spec.id, expected, spec.set(before, now), now);
      const extra = (await spec.alongside?.(tx, before, now)) as A;
      const after = await (spec.reload ?? spec.load)(tx);
      if (!after) throw new Error(`${spec.table} ${spec.id} vanished inside its own update`);
      const action = typeof spec.action === "string" ? spec.action : spec.action(before, after, extra);
      const afterView = spec.auditAfter ? spec.auditAfter(view(after), extra) : view(after);
      await recordAudit(tx, {
        actorId: spec.actorId,
        action,
        entityType: VERSIONED_TABLES[spec.table],
        entityId: spec.id,
        before: view(before),
        after: afterView,
        at: now,
      });
      return { ok: true, record: spec.result(after) };
    });
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    // Another writer won between our read and our claim: answer with what it stored.
    const current = await db.transaction().execute((tx) => spec.load(tx));
    return current ? { ok: false, reason: "conflict", current: spec.result(current) } : notFound;
  }
}

// ---- Bookkeeping columns ---------------------------------------------------------------------

/**
 * A user's sign-in times are not part of what an administrator edits, so they change without
 * moving the version: a sign-in must not turn an open edit of that user into a conflict.
 */
export async function stampSignIn(
  db: DB | Tx,
  userId: string,
  columns: Required<Pick<Updateable<Database["users"]>, "last_sign_in_at" | "previous_sign_in_at">>,
): Promise<void> {
  await db.updateTable("users").set(columns).where("id", "=", userId).execute();
}

/**
 * A user's own language and time zone are not part of what an administrator edits either: they
 * change without moving the version (the caller audits them).
 */
export async function stampPreferences(
  db: DB | Tx,
  userId: string,
  columns: Required<Pick<Updateable<Database["users"]>, "locale" | "time_zone" | "updated_at">>,
): Promise<void> {
  await db.updateTable("users").set(columns).where("id", "=", userId).execute();
}
