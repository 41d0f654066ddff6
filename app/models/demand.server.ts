/**
 * Demand requests and their decisions. Visibility comes from `visibleDemandRequests`, so a
 * request an industry user may not see never leaves the database. Decisions are append-only:
 * a change of decision is a new row that names the one it supersedes.
 */
import { can, UNDECIDED_DEMAND, type SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { notifyDemandDecided } from "~/models/notifications.server";
import { visibleDemandRequests } from "~/models/scopes.server";
import { refused, versionedUpdate, type Refused, type Tx, type WriteResult } from "~/models/writes.server";
import type { DemandRequestInput } from "~/schemas/demand";
import type { Cursor } from "~/utils/cursor";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { DecisionOutcome, DemandDecision, DemandRequest, DemandSector, DemandStatus, Material } from "~db/schema";

/** Statuses whose allocation counts against the balance, and those still waiting. */
export const ALLOCATED_STATUSES: readonly DemandStatus[] = ["approved", "partially_approved"];
export const PENDING_STATUSES = UNDECIDED_DEMAND;

export interface DemandFilter {
  material?: Material;
  fiscalYear?: string;
  sector?: DemandSector;
  organizationId?: string;
  status?: DemandStatus;
}

export const DEMAND_PAGE_SIZE = 50;

function filtered(db: DB, user: SessionUser, filter: DemandFilter) {
  let query = visibleDemandRequests(db, user).innerJoin("organizations as o", "o.id", "r.organization_id");
  if (filter.material) query = query.where("r.material", "=", filter.material);
  if (filter.fiscalYear) query = query.where("r.fiscal_year", "=", filter.fiscalYear);
  if (filter.sector) query = query.where("r.sector", "=", filter.sector);
  if (filter.organizationId) query = query.where("r.organization_id", "=", filter.organizationId);
  if (filter.status) query = query.where("r.status", "=", filter.status);
  return query;
}

const listColumns = [
  "r.id",
  "r.organization_id",
  "r.material",
  "r.fiscal_year",
  "r.quantity_kg",
  "r.sector",
  "r.end_use",
  "r.status",
  "r.allocated_kg",
  "r.for_indian_magnets",
  "r.created_at",
  "r.updated_at",
  "o.short_name as organization_short_name",
  "o.name as organization_name",
] as const;

/** Newest first, keyset-paginated on (created_at, id). */
export async function listDemandRequests(
  db: DB,
  user: SessionUser,
  filter: DemandFilter,
  cursor: Cursor | null,
  limit = DEMAND_PAGE_SIZE,
) {
  let query = filtered(db, user, filter).select(listColumns);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb("r.created_at", "<", cursor.key), eb.and([eb("r.created_at", "=", cursor.key), eb("r.id", "<", cursor.id)])]),
    );
  }
  const rows = await query
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? { key: last.created_at, id: last.id } : null };
}

export type DemandListRow = Awaited<ReturnType<typeof listDemandRequests>>["rows"][number];

/** Every visible request matching the filter, oldest first, for the CSV export. */
export async function exportDemandRequests(db: DB, user: SessionUser, filter: DemandFilter) {
  return filtered(db, user, filter)
    .select([...listColumns, "r.justification"])
    .orderBy("r.created_at", "asc")
    .orderBy("r.id", "asc")
    .execute();
}

/** Count and sums over all matching requests the user may see (every page, not just one). */
export async function demandTotals(db: DB, user: SessionUser, filter: DemandFilter) {
  const row = await filtered(db, user, filter)
    .select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.coalesce(eb.fn.sum<number>("r.quantity_kg"), eb.lit(0)).as("requested_kg"),
      eb.fn.coalesce(eb.fn.sum<number>("r.allocated_kg"), eb.lit(0)).as("allocated_kg"),
    ])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), requestedKg: Number(row.requested_kg), allocatedKg: Number(row.allocated_kg) };
}

/** Organizations with at least one request the user may see, for the filter. */
export async function demandOrganizations(db: DB, user: SessionUser) {
  return visibleDemandRequests(db, user)
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .select(["o.id", "o.short_name", "o.name"])
    .distinct()
    .orderBy("o.short_name")
    .execute();
}

export async function getDemandRequest(db: DB, user: SessionUser, id: string) {
  return visibleDemandRequests(db, user)
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .leftJoin("users as u", "u.id", "r.submitted_by")
    .selectAll("r")
    .select(["o.short_name as organization_short_name", "o.name as organization_name", "u.display_name as submitter_name"])
    .where("r.id", "=", id)
    .executeTakeFirst();
}

export type DecisionRow = DemandDecision & { decided_by_name: string };

/** The decisions on a request, oldest first. Callers have checked the request is visible. */
export async function listDecisions(db: DB, requestId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom("demand_decisions as d")
    .innerJoin("users as u", "u.id", "d.decided_by")
    .selectAll("d")
    .select("u.display_name as decided_by_name")
    .where("d.request_id", "=", requestId)
    .orderBy("d.decided_at", "asc")
    .orderBy("d.id", "asc")
    .execute();
}

/** What the audit log keeps of a request: its fields, not its ids or timestamps. */
const AUDITED = [
  "organization_id",
  "material",
  "fiscal_year",
  "quantity_kg",
  "sector",
  "end_use",
  "justification",
  "for_indian_magnets",
  "status",
  "allocated_kg",
  "current_decision_id",
  "version",
] as const satisfies readonly (keyof DemandRequest)[];

function auditView(r: DemandRequest): Pick<DemandRequest, (typeof AUDITED)[number]> {
  return Object.fromEntries(AUDITED.map((k) => [k, r[k]])) as Pick<DemandRequest, (typeof AUDITED)[number]>;
}

/**
 * Stores a request for an organization. Routes call `submitDemandRequest`; this lower-level
 * form also records requests that arrived by letter (no submitting user), as the demo does.
 */
export async function insertDemandRequest(
  db: DB,
  actorId: string | null,
  organizationId: string,
  input: DemandRequestInput,
  options: { submittedBy?: string | null; at?: string } = {},
): Promise<DemandRequest> {
  const now = options.at ?? nowIso();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("demand_requests")
      .values({
        id: newId(),
        organization_id: organizationId,
        submitted_by: options.submittedBy ?? null,
        material: input.material,
        fiscal_year: input.fiscalYear,
        quantity_kg: input.quantity,
        sector: input.sector,
        end_use: input.endUse,
        justification: input.justification,
        for_indian_magnets: input.forIndianMagnets ? 1 : 0,
        status: "submitted",
        allocated_kg: null,
        current_decision_id: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId,
      action: "demand_request.create",
      entityType: "demand_request",
      entityId: row.id,
      after: auditView(row),
      at: now,
    });
    return row;
  });
}

/** An industry user submits for its own organization; the caller has checked `demand:submit`. */
export async function submitDemandRequest(db: DB, user: SessionUser, input: DemandRequestInput): Promise<DemandRequest> {
  return insertDemandRequest(db, user.id, user.organizationId, input, { submittedBy: user.id });
}

export type TransitionResult = WriteResult<DemandRequest, Refused<"not_allowed", { current: DemandRequest }>>;

async function transition(
  db: DB,
  user: SessionUser,
  id: string,
  expectedVersion: number,
  action: "demand:withdraw" | "demand:review",
  to: DemandStatus,
): Promise<TransitionResult> {
  return versionedUpdate(db, {
    ...demandRecord(id),
    actorId: user.id,
    expectedVersion,
    // Scoped, so an industry user cannot touch another organization's request even by id.
    load: (tx) => visibleDemandRequests(tx, user).selectAll("r").where("r.id", "=", id).executeTakeFirst(),
    check: (before) =>
      can(user, action, { organizationId: before.organization_id, status: before.status })
        ? null
        : refused("not_allowed", { current: before }),
    set: () => ({ status: to }),
    action: to === "withdrawn" ? "demand_request.withdraw" : "demand_request.review",
  });
}

function demandRecord(id: string) {
  return {
    table: "demand_requests" as const,
    id,
    load: (tx: Tx) => tx.selectFrom("demand_requests").selectAll().where("id", "=", id).executeTakeFirst(),
    auditView,
    result: (row: DemandRequest) => row,
  };
}

export function withdrawDemandRequest(db: DB, user: SessionUser, id: string, expectedVersion: number) {
  return transition(db, user, id, expectedVersion, "demand:withdraw", "withdrawn");
}

export function takeUnderReview(db: DB, user: SessionUser, id: string, expectedVersion: number) {
  return transition(db, user, id, expectedVersion, "demand:review", "under_review");
}

/**
 * What is left for a request of this material and year: production − exports − reserve −
 * allocations of the other approved requests. With no supply figure, nothing is available.
 */
export async function remainingBalanceKg(
  db: Executor,
  material: Material,
  fiscalYear: string,
  exceptRequestId?: string,
): Promise<number> {
  const figure = await db
    .selectFrom("supply_figures")
    .select(["production_kg", "exports_kg", "reserve_kg"])
    .where("material", "=", material)
    .where("fiscal_year", "=", fiscalYear)
    .executeTakeFirst();
  let allocated = db
    .selectFrom("demand_requests")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("allocated_kg"), eb.lit(0)).as("kg"))
    .where("material", "=", material)
    .where("fiscal_year", "=", fiscalYear)
    .where("status", "in", [...ALLOCATED_STATUSES]);
  if (exceptRequestId) allocated = allocated.where("id", "<>", exceptRequestId);
  const { kg } = await allocated.executeTakeFirstOrThrow();
  const available = figure ? Number(figure.production_kg) - Number(figure.exports_kg) - Number(figure.reserve_kg) : 0;
  return available - Number(kg);
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  allocatedKg: number;
  reasons: string;
  confirmOverBalance: boolean;
  /** The request version the official saw. */
  version: number;
  /** The decision the official saw as current and means to replace; absent for a first decision. */
  replaces?: string | undefined;
  at?: string;
}

/** A request with its current decision, if any. */
export type DecidedRequest = DemandRequest & { decision: DemandDecision | null };

type DecisionRefusal =
  | Refused<"not_allowed", { current: DemandRequest }>
  | Refused<"needs_confirmation", { remainingKg: number; current: DemandRequest }>;

export type DecisionResult = WriteResult<DecidedRequest, DecisionRefusal>;

/**
 * Decides a request, or changes its decision. Of two officials deciding at once only one wins:
 * the request row is claimed with `UPDATE … WHERE version = ?` before the decision is written, so
 * the second finds the version moved on, writes nothing and is answered "conflict" — under
 * SQLite's single writer and PostgreSQL's read committed alike. An allocation is never counted twice.
 */
export async function decideDemandRequest(db: DB, user: SessionUser, id: string, input: DecisionInput): Promise<DecisionResult> {
  const decisionId = newId();
  let remainingKg = 0;
  const over = () => input.allocatedKg > 0 && input.allocatedKg > remainingKg;
  return versionedUpdate(db, {
    ...demandRecord(id),
    load: async (tx) => {
      const row = await tx.selectFrom("demand_requests").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) return undefined;
      const decision = row.current_decision_id
        ? await tx.selectFrom("demand_decisions").selectAll().where("id", "=", row.current_decision_id).executeTakeFirst()
        : undefined;
      return { ...row, decision: decision ?? null };
    },
    actorId: user.id,
    expectedVersion: input.version,
    at: input.at,
    permit: (before): DecisionRefusal | null =>
      can(user, "demand:decide", { organizationId: before.organization_id, status: before.status })
        ? null
        : refused("not_allowed", { current: before }),
    check: async (before, tx): Promise<DecisionRefusal | "conflict" | null> => {
      // The page's current decision is part of what the official saw: another means a conflict.
      if ((before.current_decision_id ?? undefined) !== input.replaces) return "conflict";
      remainingKg = await remainingBalanceKg(tx, before.material, before.fiscal_year, before.id);
      return over() && !input.confirmOverBalance ? refused("needs_confirmation", { remainingKg, current: before }) : null;
    },
    set: () => ({
      status: input.outcome,
      allocated_kg: input.outcome === "rejected" ? 0 : input.allocatedKg,
      current_decision_id: decisionId,
    }),
    alongside: async (tx, before, at) => {
      const decision = await tx
        .insertInto("demand_decisions")
        .values({
          id: decisionId,
          request_id: id,
          outcome: input.outcome,
          allocated_kg: input.allocatedKg,
          reasons: input.reasons,
          remaining_balance_kg: remainingKg,
          over_balance_confirmed: over() ? 1 : 0,
          supersedes_id: before.current_decision_id,
          decided_by: user.id,
          decided_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // The requesting organization hears of it with the decision itself: both or neither.
      await notifyDemandDecided(tx, { id, organizationId: before.organization_id }, at);
      return decision;
    },
    action: (before) => (before.current_decision_id ? "demand_request.redecide" : "demand_request.decide"),
    auditAfter: (view, decision) => ({ ...(view as object), decision }),
    result: (row: DecidedRequest) => row,
  });
}
