/**
 * Positions: append-only statements of what a party holds on an issue. Reads go through
 * `visiblePositions`, so the history, the matrix, the convergence figures and the CSV are all
 * computed from the rows the user may see and nothing else.
 */
import { assignableVisibilities, can, type SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { isIndianGovernment } from "~/models/clauses.server";
import {
  convergenceDates,
  convergenceOf,
  positionsAsOf,
  shiftDate,
  type Convergence,
  type PositionPoint,
} from "~/models/convergence";
import { byPartyOrder, isVisibleConsultation, listIssuePage, partiesOf, type IssueParty } from "~/models/issues.server";
import {
  attachToPosition,
  isVolumeIssue,
  scheduleGaps,
  scheduleKindOf,
  schedulesOf,
  type GapRow,
  type ScheduleCell,
} from "~/models/position-concurrence.server";
import { heldPositionIds, visibleConsultations, visiblePositions } from "~/models/scopes.server";
import { matrixQuerySchema } from "~/schemas/issues";
import { todayInIndia } from "~/utils/clock";
import { toCsv } from "~/utils/csv.server";
import type { Cursor } from "~/utils/cursor";
import type { DB } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { newId, nowIso } from "~/utils/ids.server";
import { ISSUE_STATUS_LABELS, STANCE_LABELS } from "~/utils/issue-labels";
import { tonnesInput } from "~/utils/tonnes";
import {
  type Flexibility,
  type Issue,
  type OrganizationSide,
  type Position,
  type ScheduleKind,
  type Stance,
  type Visibility,
} from "~db/schema";

export interface PositionInput {
  organizationId: string;
  stance: Stance;
  statement: string;
  desiredOutcome?: string | undefined;
  flexibility: Flexibility;
  statedOn: string;
  sourceConsultationId?: string | undefined;
  visibility: Visibility;
  redLine: boolean;
  /** Tonnes offered or asked per material and fiscal year (volume issues only). */
  schedule?: readonly ScheduleCell[] | undefined;
}

/** The parties of this issue the user may record a position for. */
export async function recordableParties(db: DB, user: SessionUser, issueId: string): Promise<IssueParty[]> {
  if (!can(user, "positions:record")) return [];
  const parties = await partiesOf(db, [issueId]);
  return parties.filter((p) => can(user, "positions:record", { organizationId: p.organization_id, organizationSide: p.side }));
}

export type RecordResult =
  | { ok: true; position: Position; inConcurrence: boolean }
  | { ok: false; status: 400 | 404; fieldErrors: FieldErrors; formError?: string };

/**
 * Records a new position, superseding the party's previous one. The caller has checked that the
 * user may see the issue. Everything else is checked here, before anything is written.
 */
export async function recordPosition(db: DB, user: SessionUser, issue: Issue, input: PositionInput): Promise<RecordResult> {
  if (!can(user, "positions:record")) return { ok: false, status: 404, fieldErrors: {} };
  if (issue.archived_at)
    return {
      ok: false,
      status: 400,
      fieldErrors: {},
      formError: "This issue is archived: restore it before recording positions.",
    };
  const party = (await partiesOf(db, [issue.id])).find((p) => p.organization_id === input.organizationId);
  if (!party)
    return { ok: false, status: 400, fieldErrors: { organizationId: "That organization is not a party to this issue." } };
  if (!can(user, "positions:record", { organizationId: party.organization_id, organizationSide: party.side })) {
    return { ok: false, status: 400, fieldErrors: { organizationId: `You may not record ${party.short_name}'s position.` } };
  }
  if (input.redLine && !can(user, "positions:red_line")) {
    return { ok: false, status: 400, fieldErrors: { redLine: "Only officials may mark India's red line." } };
  }
  if (input.redLine && party.side !== "india") {
    return { ok: false, status: 400, fieldErrors: { redLine: "A red line is India's: choose an Indian party." } };
  }
  // A red line is restricted whatever was chosen.
  const visibility: Visibility = input.redLine ? "restricted" : input.visibility;
  if (!assignableVisibilities(user).includes(visibility)) {
    return { ok: false, status: 400, fieldErrors: { visibility: "Choose a visibility you may give." } };
  }
  if (input.sourceConsultationId && !(await isVisibleConsultation(db, user, input.sourceConsultationId))) {
    return { ok: false, status: 400, fieldErrors: { sourceConsultationId: "Choose a consultation from the list." } };
  }
  if (input.statedOn > todayInIndia())
    return { ok: false, status: 400, fieldErrors: { statedOn: "A position cannot be dated in the future." } };

  const schedule = input.schedule ?? [];
  const kind = scheduleKindOf(party.side);
  if (schedule.length && !(await isVolumeIssue(db, issue.id)))
    return {
      ok: false,
      status: 400,
      fieldErrors: { schedule0Material: "A tonnage schedule belongs on an issue about volumes." },
    };
  if (schedule.length && !kind)
    return {
      ok: false,
      status: 400,
      fieldErrors: { schedule0Material: "Only the Indian side offers and the Japanese side asks tonnes." },
    };
  // The Government of India's position for the table is held internal until every named
  // ministry has concurred and it is tabled (decision 016).
  const needsConcurrence = visibility === "shared" && isIndianGovernment(party);
  const position = await insertPosition(
    db,
    user.id,
    issue.id,
    { ...input, visibility: needsConcurrence ? "internal" : visibility },
    undefined,
    { needsConcurrence, kind, schedule },
  );
  return { ok: true, position, inConcurrence: needsConcurrence };
}

/** Writes one position and its audit event; the one it supersedes goes in `before`. Used by the seed too. */
export async function insertPosition(
  db: DB,
  actorId: string,
  issueId: string,
  input: PositionInput,
  recordedAt: string = nowIso(),
  extra: { needsConcurrence: boolean; kind: ScheduleKind | null; schedule: readonly ScheduleCell[] } = {
    needsConcurrence: false,
    kind: null,
    schedule: [],
  },
): Promise<Position> {
  return db.transaction().execute(async (tx) => {
    const previous = await tx
      .selectFrom("positions")
      .selectAll()
      .where("issue_id", "=", issueId)
      .where("organization_id", "=", input.organizationId)
      .where("stated_on", "<=", input.statedOn)
      .orderBy("stated_on", "desc")
      .orderBy("recorded_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    const row = await tx
      .insertInto("positions")
      .values({
        id: newId(),
        issue_id: issueId,
        organization_id: input.organizationId,
        stance: input.stance,
        statement: input.statement,
        desired_outcome: input.desiredOutcome ?? null,
        flexibility: input.flexibility,
        stated_on: input.statedOn,
        recorded_at: recordedAt,
        recorded_by: actorId,
        source_consultation_id: input.sourceConsultationId ?? null,
        red_line: input.redLine ? 1 : 0,
        visibility: input.visibility,
        needs_concurrence: extra.needsConcurrence ? 1 : 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await attachToPosition(tx, row.id, { kind: extra.kind, cells: extra.schedule, needsConcurrence: extra.needsConcurrence });
    await recordAudit(tx, {
      actorId,
      action: input.redLine ? "position.record_red_line" : "position.record",
      entityType: "position",
      entityId: row.id,
      before: previous ?? undefined,
      after: row,
      at: recordedAt,
      detail: `issue ${issueId}`,
    });
    return row;
  });
}

export interface PositionView {
  id: string;
  issueId: string;
  organizationId: string;
  organizationName: string;
  organizationShortName: string;
  stance: Stance;
  statement: string;
  desiredOutcome: string | null;
  flexibility: Flexibility;
  statedOn: string;
  recordedAt: string;
  recordedBy: string;
  redLine: boolean;
  visibility: Visibility;
  /** India's position for the table, not yet tabled: only the Indian side sees it. */
  inConcurrence: boolean;
  tabledAt: string | null;
  /** Only when the user may see that consultation. */
  source: { id: string; title: string } | null;
}

/** Every position on these issues that the user may see, stated on or before `until`, oldest first. */
export async function visiblePositionHistory(
  db: DB,
  user: SessionUser,
  issueIds: readonly string[],
  until?: string,
): Promise<PositionView[]> {
  if (issueIds.length === 0) return [];
  return positionViews(db, user, (query) => {
    const onIssues = query.where("p.issue_id", "in", [...issueIds]);
    return until ? onIssues.where("p.stated_on", "<=", until) : onIssues;
  });
}

/**
 * The positions each party of these issues held on each of `dates`, as far as the user may see:
 * for every (issue, party) and date, the latest visible position stated on or before it, without
 * duplicates, oldest first. `positionsAsOf` over this list gives, for each of those dates, what
 * it gives over the whole history; the matrix, the dashboard and the brief need no more than
 * that, and reading it costs the same however long the histories are (decision 012).
 */
export async function positionsHeldOn(
  db: DB,
  user: SessionUser,
  issueIds: readonly string[],
  dates: readonly string[],
): Promise<PositionView[]> {
  if (issueIds.length === 0 || dates.length === 0) return [];
  const held = (await heldPositionIds(db, user, issueIds, dates).execute()) as Record<string, string | null>[];
  const ids = new Set<string>();
  for (const row of held) for (let k = 0; k < dates.length; k++) if (row[`held${k}`]) ids.add(row[`held${k}`]!);
  if (ids.size === 0) return [];
  // Read through the full scope again, so this list holds nothing `visiblePositions` would not.
  return positionViews(db, user, (query) => query.where("p.id", "in", [...ids]));
}

/** Visible positions with their party, recorder and (when visible) source consultation, oldest first. */
async function positionViews(
  db: DB,
  user: SessionUser,
  narrow: (query: ReturnType<typeof visiblePositions>) => ReturnType<typeof visiblePositions>,
): Promise<PositionView[]> {
  const rows = await narrow(visiblePositions(db, user))
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .innerJoin("users as u", "u.id", "p.recorded_by")
    .leftJoin("position_tablings as pt", "pt.position_id", "p.id")
    .select([
      "p.needs_concurrence",
      "pt.tabled_at",
      "p.id",
      "p.issue_id",
      "p.organization_id",
      "o.name as org_name",
      "o.short_name as org_short",
      "p.stance",
      "p.statement",
      "p.desired_outcome",
      "p.flexibility",
      "p.stated_on",
      "p.recorded_at",
      "u.display_name as recorder",
      "p.red_line",
      "p.visibility",
      "p.source_consultation_id",
    ])
    .orderBy("p.stated_on")
    .orderBy("p.recorded_at")
    .orderBy("p.id")
    .execute();
  const sourceIds = [...new Set(rows.map((r) => r.source_consultation_id).filter((id): id is string => id !== null))];
  const sources = new Map<string, string>();
  if (sourceIds.length) {
    for (const c of await visibleConsultations(db, user).select(["c.id", "c.title"]).where("c.id", "in", sourceIds).execute())
      sources.set(c.id, c.title);
  }
  return rows.map((r) => ({
    id: r.id,
    issueId: r.issue_id,
    organizationId: r.organization_id,
    organizationName: r.org_name,
    organizationShortName: r.org_short,
    stance: r.stance,
    statement: r.statement,
    desiredOutcome: r.desired_outcome,
    flexibility: r.flexibility,
    statedOn: r.stated_on,
    recordedAt: r.recorded_at,
    recordedBy: r.recorder,
    redLine: r.red_line === 1,
    // Tabling is the moment India's position becomes shared with the parties.
    visibility: r.tabled_at ? "shared" : r.visibility,
    inConcurrence: r.needs_concurrence === 1 && !r.tabled_at,
    tabledAt: r.tabled_at,
    source:
      r.source_consultation_id && sources.has(r.source_consultation_id)
        ? { id: r.source_consultation_id, title: sources.get(r.source_consultation_id)! }
        : null,
  }));
}

function asPoint(p: PositionView): PositionPoint & PositionView {
  return p;
}

export interface MatrixCell {
  stance: Stance;
  flexibility: Flexibility;
  statedOn: string;
  redLine: boolean;
}

export interface MatrixRow {
  id: string;
  title: string;
  status: Issue["status"];
  /** Organization id → the stance held on the date; null: a party without a visible position. Absent: not a party. */
  cells: Record<string, MatrixCell | null>;
  convergence: Convergence;
  /** Latest offer against latest ask per material and fiscal year, from the visible schedules. */
  gaps: GapRow[];
}

export interface Matrix {
  asOf: string;
  columns: { id: string; name: string; shortName: string }[];
  rows: MatrixRow[];
  next: Cursor | null;
}

/** The positions matrix on `asOf`, for one page of visible active issues. */
export async function positionsMatrix(
  db: DB,
  user: SessionUser,
  asOf: string,
  cursor: Cursor | null,
  limit?: number,
): Promise<Matrix> {
  const { rows: issues, next } = await listIssuePage(db, user, {}, cursor, limit);
  const ids = issues.map((i) => i.id);
  const parties = await partiesOf(db, ids);
  // The cells and the 30- and 90-day comparisons need only what each party held on those dates.
  const history = (await positionsHeldOn(db, user, ids, convergenceDates(asOf))).map(asPoint);
  const held = positionsAsOf(history, asOf);
  const gaps = scheduleGaps(
    history,
    await schedulesOf(
      db,
      user,
      history.map((p) => p.id),
    ),
  );
  const columns = new Map<string, { id: string; name: string; shortName: string; side: OrganizationSide }>();
  for (const p of parties)
    columns.set(p.organization_id, { id: p.organization_id, name: p.name, shortName: p.short_name, side: p.side });
  const rows: MatrixRow[] = issues.map((issue) => {
    const partyIds = parties.filter((p) => p.issue_id === issue.id).map((p) => p.organization_id);
    const cells: Record<string, MatrixCell | null> = {};
    for (const orgId of partyIds) {
      const p = held.get(issue.id)?.get(orgId);
      cells[orgId] = p ? { stance: p.stance, flexibility: p.flexibility, statedOn: p.statedOn, redLine: p.redLine } : null;
    }
    return {
      id: issue.id,
      title: issue.title,
      status: issue.status,
      cells,
      convergence: convergenceOf(history, issue.id, partyIds, asOf),
      gaps: gaps.get(issue.id) ?? [],
    };
  });
  return {
    asOf,
    columns: [...columns.values()].sort(byPartyOrder).map(({ id, name, shortName }) => ({ id, name, shortName })),
    rows,
    next,
  };
}

/** The whole matrix on `asOf` as CSV: every visible active issue, one column per party. */
export async function positionsMatrixCsv(db: DB, user: SessionUser, asOf: string): Promise<string> {
  const rows: MatrixRow[] = [];
  const columns = new Map<string, Matrix["columns"][number]>();
  let cursor: Cursor | null = null;
  do {
    const page: Matrix = await positionsMatrix(db, user, asOf, cursor, 200);
    rows.push(...page.rows);
    for (const c of page.columns) columns.set(c.id, c);
    cursor = page.next;
  } while (cursor);
  const parties = [...columns.values()];
  const fmt = (n: number | null) => (n === null ? "" : String(n));
  const records = rows.map((r) => [
    r.title,
    ISSUE_STATUS_LABELS[r.status],
    ...parties.map((p) => {
      if (!(p.id in r.cells)) return "not a party";
      const cell = r.cells[p.id];
      return cell ? STANCE_LABELS[cell.stance] : "no position";
    }),
    fmt(r.convergence.now),
    fmt(r.convergence.days30),
    fmt(r.convergence.days90),
    r.convergence.trend,
    r.gaps
      .map((g) => {
        const t = (kg: number | null) => (kg === null ? "-" : `${tonnesInput(kg)} t`);
        return `${g.fiscalYear} ${g.material}: offer ${t(g.offerKg)}, ask ${t(g.askKg)}, gap ${t(g.gapKg)}`;
      })
      .join("; "),
  ]);
  return toCsv([
    [
      "Issue",
      "Status",
      ...parties.map((p) => p.shortName),
      `Spread on ${asOf}`,
      `Spread on ${shiftDate(asOf, -30)}`,
      `Spread on ${shiftDate(asOf, -90)}`,
      "Trend",
      "Offer-ask gap",
    ],
    ...records,
  ]);
}

/** The matrix date from `?asOf=`: today when absent; an invalid or future date is reported and replaced by today. */
export function matrixDate(url: URL): { asOf: string; today: string; dateError: string | null } {
  const today = todayInIndia();
  const parsed = matrixQuerySchema.safeParse({ asOf: url.searchParams.get("asOf") || undefined });
  if (!parsed.success) return { asOf: today, today, dateError: "Use a date like 2026-01-31; showing today instead." };
  const asOf = parsed.data.asOf ?? today;
  if (asOf > today) return { asOf: today, today, dateError: "The matrix cannot show a future date; showing today instead." };
  return { asOf, today, dateError: null };
}

/** The offer–ask gap per year on each of these issues, from the positions the user may see. */
export async function gapsOfIssues(db: DB, user: SessionUser, issueIds: readonly string[]): Promise<Map<string, GapRow[]>> {
  const history = await visiblePositionHistory(db, user, issueIds);
  return scheduleGaps(
    history,
    await schedulesOf(
      db,
      user,
      history.map((p) => p.id),
    ),
  );
}
