/**
 * The append-only audit log. This module offers no update or delete: an event, once written,
 * stays as it was.
 */
import type { Transaction } from "kysely";

import type { Cursor } from "~/utils/cursor";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { AuditEvent, Database } from "~db/schema";

export type Executor = DB | Transaction<Database>;

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  detail?: string | null;
  at?: string;
}

export async function recordAudit(db: Executor, input: AuditInput): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: newId(),
      at: input.at ?? nowIso(),
      actor_id: input.actorId,
      action: input.action,
      entity_type: input.entityType ?? null,
      entity_id: input.entityId ?? null,
      before_json: input.before === undefined ? null : JSON.stringify(input.before),
      after_json: input.after === undefined ? null : JSON.stringify(input.after),
      ip: input.ip ?? null,
      detail: input.detail ?? null,
    })
    .execute();
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  /** Inclusive ISO dates (YYYY-MM-DD), interpreted in UTC. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = AuditEvent & { actor_name: string | null; actor_email: string | null };

/** Newest first, keyset-paginated on (at, id). */
export async function listAuditEvents(
  db: DB,
  filter: AuditFilter,
  cursor: Cursor | null,
  limit = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRow[]; next: Cursor | null }> {
  let query = db
    .selectFrom("audit_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .selectAll("e")
    .select(["u.display_name as actor_name", "u.email as actor_email"]);
  if (filter.actorId) query = query.where("e.actor_id", "=", filter.actorId);
  if (filter.action) query = query.where("e.action", "=", filter.action);
  if (filter.from) query = query.where("e.at", ">=", `${filter.from}T00:00:00.000Z`);
  if (filter.to) query = query.where("e.at", "<=", `${filter.to}T23:59:59.999Z`);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb("e.at", "<", cursor.key), eb.and([eb("e.at", "=", cursor.key), eb("e.id", "<", cursor.id)])]),
    );
  }
  const rows = await query
    .orderBy("e.at", "desc")
    .orderBy("e.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? { key: last.at, id: last.id } : null };
}

export async function listAuditActions(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("audit_events").select("action").distinct().orderBy("action").execute();
  return rows.map((r) => r.action);
}

/**
 * Every event of one record, oldest first, unscoped: only for records that have no visibility
 * level and are read by internal users alone (supply figures). A record with a level shows its
 * history through `visibleHistoryEvents` in the scopes module, which judges each version.
 */
export async function auditHistoryOf(db: DB, entityType: string, entityId: string) {
  return db
    .selectFrom("audit_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .select(["e.id", "e.at", "e.action", "e.before_json", "e.after_json", "u.display_name as actor_name"])
    .where("e.entity_type", "=", entityType)
    .where("e.entity_id", "=", entityId)
    .orderBy("e.at", "asc")
    .orderBy("e.id", "asc")
    .execute();
}
