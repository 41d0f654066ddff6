/**
 * India's positions for the table: the same inter-ministerial concurrence as its proposed
 * amendments (decision 016), and the tonnage schedules positions on volume issues carry — per
 * material and Indian fiscal year, what the Indian side offers and the Japanese side asks, in
 * exact kilograms. Reads go through the scopes; writes return codes, never sentences.
 */
import { can, isInternal, type SessionUser } from "~/models/access.server";
import type { Executor } from "~/models/audit.server";
import * as concurrence from "~/models/concurrence.server";
import { compareFiscalYears, parseFiscalYear } from "~/models/fiscal-year";
import type { GapRow } from "~/models/schedule-gaps";
import { visibleIssues, visiblePositionConcurrences, visiblePositions } from "~/models/scopes.server";
import { createScenario } from "~/models/supply.server";
import { notFound, refused, type Refused, type WriteResult } from "~/models/writes.server";
import { SCHEDULE_ROWS } from "~/schemas/schedule";
import type { DB } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { newId } from "~/utils/ids.server";
import { parseTonnes } from "~/utils/tonnes";
import { MATERIALS, type Material, type OrganizationSide, type ScheduleKind } from "~db/schema";

/**
 * The term of the 2012 arrangement as Accord records it. Illustrative, like the clause text:
 * the real term is not public. Schedules name only fiscal years inside it.
 */
export const AGREEMENT_TERM = { first: "FY2012-13", last: "FY2031-32" } as const;

export { SCHEDULE_ROWS };

export interface ScheduleCell {
  material: Material;
  fiscalYear: string;
  kg: number;
}

/** Who offers and who asks: the Indian side offers supply, the Japanese side asks for it. */
export function scheduleKindOf(side: OrganizationSide): ScheduleKind | null {
  return side === "india" ? "offer" : side === "japan" ? "ask" : null;
}

export type ScheduleParse = { ok: true; cells: ScheduleCell[] } | { ok: false; fieldErrors: FieldErrors };

/**
 * The schedule rows as typed (`schedule<N>Material`, `schedule<N>Year`, `schedule<N>Tonnes`);
 * a row left wholly empty is skipped. Every refusal names the field it belongs beside.
 */
export function parseSchedule(values: Record<string, unknown>): ScheduleParse {
  const fieldErrors: FieldErrors = {};
  const cells: ScheduleCell[] = [];
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  for (let n = 0; n < SCHEDULE_ROWS; n++) {
    const material = text(values[`schedule${n}Material`]);
    const year = text(values[`schedule${n}Year`]);
    const tonnes = text(values[`schedule${n}Tonnes`]);
    if (!material && !year && !tonnes) continue;
    if (!(MATERIALS as readonly string[]).includes(material))
      fieldErrors[`schedule${n}Material`] = "Choose a material from the list.";
    const start = parseFiscalYear(year);
    if (start === null || compareFiscalYears(year, AGREEMENT_TERM.first) < 0 || compareFiscalYears(year, AGREEMENT_TERM.last) > 0)
      fieldErrors[`schedule${n}Year`] = `Choose a fiscal year from ${AGREEMENT_TERM.first} to ${AGREEMENT_TERM.last}.`;
    const kg = parseTonnes(tonnes, { allowZero: true, label: "Tonnes" });
    if (!kg.ok) fieldErrors[`schedule${n}Tonnes`] = kg.error;
    if (fieldErrors[`schedule${n}Material`] || fieldErrors[`schedule${n}Year`] || !kg.ok) continue;
    if (cells.some((c) => c.material === material && c.fiscalYear === year)) {
      fieldErrors[`schedule${n}Year`] = "This material and year are already in the schedule.";
      continue;
    }
    cells.push({ material: material as Material, fiscalYear: year, kg: kg.kg });
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, cells };
}

/** An issue is a volume issue when a clause on volumes belongs to it. */
export async function isVolumeIssue(db: Executor, issueId: string): Promise<boolean> {
  const row = await db
    .selectFrom("clause_issues as ci")
    .innerJoin("clauses as cl", "cl.id", "ci.clause_id")
    .select("ci.issue_id")
    .where("ci.issue_id", "=", issueId)
    .where("cl.topic", "=", "volumes")
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes the schedule and, for India's position for the table, the concurrence requests. Inside the position's transaction. */
export async function attachToPosition(
  tx: Executor,
  positionId: string,
  options: { kind: ScheduleKind | null; cells: readonly ScheduleCell[]; needsConcurrence: boolean },
): Promise<void> {
  if (options.kind && options.cells.length)
    await tx
      .insertInto("position_schedules")
      .values(
        options.cells.map((c) => ({
          id: newId(),
          position_id: positionId,
          material: c.material,
          fiscal_year: c.fiscalYear,
          kind: options.kind!,
          kg: c.kg,
        })),
      )
      .execute();
  if (options.needsConcurrence) await concurrence.ask(tx, "position", positionId);
}

export interface PositionConcurrenceView {
  required: concurrence.RequiredAnswer[];
  complete: boolean;
  tabledAt: string | null;
}

/** Concurrence on these positions, for the Indian side only: who must concur, who has, and tabling. */
export async function concurrenceOfPositions(
  db: DB,
  user: SessionUser,
  positionIds: readonly string[],
): Promise<Map<string, PositionConcurrenceView>> {
  const out = new Map<string, PositionConcurrenceView>();
  if (positionIds.length === 0 || !isInternal(user)) return out;
  const ids = [...positionIds];
  const [requests, answers, tablings] = await Promise.all([
    db
      .selectFrom("position_concurrence_requests as r")
      .innerJoin("organizations as o", "o.id", "r.organization_id")
      .select(["r.position_id", "r.organization_id", "o.short_name"])
      .where("r.position_id", "in", ids)
      .where("r.position_id", "in", visiblePositions(db, user).select("p.id"))
      .orderBy("o.name")
      .execute(),
    visiblePositionConcurrences(db, user)
      .select(["pc.position_id", "pc.organization_id", "pc.response", "pc.comment", "pc.responded_at"])
      .where("pc.position_id", "in", ids)
      .execute(),
    db.selectFrom("position_tablings").select(["position_id", "tabled_at"]).where("position_id", "in", ids).execute(),
  ]);
  for (const r of requests) {
    if (out.has(r.position_id)) continue;
    out.set(r.position_id, {
      ...concurrence.summarize(
        requests.filter((q) => q.position_id === r.position_id),
        answers.filter((a) => a.position_id === r.position_id),
      ),
      tabledAt: tablings.find((t) => t.position_id === r.position_id)?.tabled_at ?? null,
    });
  }
  return out;
}

/** The position, if the user may see it and it belongs to the issue. */
async function positionOnIssue(db: DB, user: SessionUser, issueId: string, positionId: string) {
  return visiblePositions(db, user)
    .select(["p.id", "p.needs_concurrence", "p.visibility", "p.organization_id"])
    .where("p.id", "=", positionId)
    .where("p.issue_id", "=", issueId)
    .executeTakeFirst();
}

export interface PositionConcurrenceInput extends concurrence.AnswerInput {
  positionId: string;
  /** When posted, the organization answering: it must be the user's own. */
  organizationId?: string | undefined;
}

/** One ministry's answer on India's position: for the user's own organization only, once, before tabling. */
export async function respondOnPosition(
  db: DB,
  user: SessionUser,
  issueId: string,
  input: PositionConcurrenceInput,
): Promise<WriteResult<{ id: string }, Refused<"for_another_organization"> | concurrence.AnswerRefusal>> {
  const position = await positionOnIssue(db, user, issueId, input.positionId);
  if (!position || !isInternal(user)) return notFound;
  if (input.organizationId && input.organizationId !== user.organizationId) return refused("for_another_organization");
  return concurrence.answer(db, user, "position", position.id, input, {
    action: "position_concurrence.respond",
    // Not `position`: the feed shows a position's events to whoever sees it once tabled, and
    // the ministries' answers stay with the Indian side.
    entityType: "position_concurrence",
    after: { response: input.response },
    detail: `issue ${issueId}`,
  });
}

/** Tables India's position once every named ministry concurred: from then on it reads as shared. */
export async function tablePosition(
  db: DB,
  user: SessionUser,
  issueId: string,
  positionId: string,
): Promise<WriteResult<{ id: string }, concurrence.TablingRefusal>> {
  const position = await positionOnIssue(db, user, issueId, positionId);
  if (!position || !isInternal(user)) return notFound;
  return concurrence.tableWhenConcurred(db, user, "position", position, (tabledAt) => ({
    action: "position.table",
    entityType: "position",
    after: { tabledAt },
    detail: `issue ${issueId}`,
  }));
}

/** India's positions awaiting the answer of the user's organization: what the dashboard shows a ministry. */
export async function positionsAwaitingConcurrence(db: DB, user: SessionUser) {
  if (!can(user, "concurrence:respond") || !isInternal(user)) return [];
  return visiblePositions(db, user)
    .innerJoin("position_concurrence_requests as r", "r.position_id", "p.id")
    .innerJoin("issues as i2", "i2.id", "p.issue_id")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select(["p.id", "p.issue_id", "i2.title", "o.short_name as proposer", "p.recorded_at"])
    .where("r.organization_id", "=", user.organizationId)
    .where("p.id", "not in", concurrence.settledFor(db, "position", user.organizationId))
    .orderBy("p.recorded_at")
    .limit(20)
    .execute();
}

export interface ScheduleRow extends ScheduleCell {
  positionId: string;
  kind: ScheduleKind;
}

/** The schedules of these visible positions. */
export async function schedulesOf(db: DB, user: SessionUser, positionIds: readonly string[]): Promise<ScheduleRow[]> {
  if (positionIds.length === 0) return [];
  const rows = await db
    .selectFrom("position_schedules as s")
    .select(["s.position_id", "s.material", "s.fiscal_year", "s.kind", "s.kg"])
    .where("s.position_id", "in", [...positionIds])
    .where("s.position_id", "in", visiblePositions(db, user).select("p.id"))
    .execute();
  return rows
    .map((r) => ({ positionId: r.position_id, material: r.material, fiscalYear: r.fiscal_year, kind: r.kind, kg: Number(r.kg) }))
    .sort((a, b) => compareFiscalYears(a.fiscalYear, b.fiscalYear) || a.material.localeCompare(b.material));
}

export type { GapRow };

/**
 * The gap between the latest offer and the latest ask per material and year, from the positions
 * given (each with who stated it and when), oldest first: a later statement replaces an earlier one.
 */
export function scheduleGaps(
  positions: readonly { id: string; issueId: string; organizationShortName: string }[],
  schedules: readonly ScheduleRow[],
): Map<string, GapRow[]> {
  const order = new Map(positions.map((p, k) => [p.id, k]));
  const byIssue = new Map<string, Map<string, GapRow>>();
  const sorted = [...schedules].sort((a, b) => (order.get(a.positionId) ?? 0) - (order.get(b.positionId) ?? 0));
  for (const s of sorted) {
    const p = positions[order.get(s.positionId) ?? -1];
    if (!p) continue;
    const rows = byIssue.get(p.issueId) ?? new Map<string, GapRow>();
    byIssue.set(p.issueId, rows);
    const key = `${s.material}|${s.fiscalYear}`;
    const row = rows.get(key) ?? {
      material: s.material,
      fiscalYear: s.fiscalYear,
      offerKg: null,
      offerBy: null,
      askKg: null,
      askBy: null,
      gapKg: null,
    };
    if (s.kind === "offer") {
      row.offerKg = s.kg;
      row.offerBy = p.organizationShortName;
    } else {
      row.askKg = s.kg;
      row.askBy = p.organizationShortName;
    }
    row.gapKg = row.offerKg !== null && row.askKg !== null ? row.askKg - row.offerKg : null;
    rows.set(key, row);
  }
  const out = new Map<string, GapRow[]>();
  for (const [issueId, rows] of byIssue)
    out.set(
      issueId,
      [...rows.values()].sort((a, b) => compareFiscalYears(a.fiscalYear, b.fiscalYear) || a.material.localeCompare(b.material)),
    );
  return out;
}

/**
 * Opens a position's schedule as a phase-down scenario: the scheduled tonnes become the exports
 * of those years, so the supply balance shows what accepting it would leave for Indian industry.
 */
export async function openScheduleAsScenario(
  db: DB,
  user: SessionUser,
  issueId: string,
  positionId: string,
): Promise<WriteResult<{ id: string }, Refused<"no_schedule">>> {
  if (!can(user, "scenario:edit")) return notFound;
  const position = await visiblePositions(db, user)
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select(["p.id", "p.stated_on", "o.short_name"])
    .where("p.id", "=", positionId)
    .where("p.issue_id", "=", issueId)
    .where("p.issue_id", "in", visibleIssues(db, user).select("i.id"))
    .executeTakeFirst();
  if (!position) return notFound;
  const cells = await schedulesOf(db, user, [position.id]);
  if (cells.length === 0) return refused("no_schedule");
  const exports: Record<string, Record<string, number>> = {};
  for (const c of cells) (exports[c.material] ??= {})[c.fiscalYear] = c.kg;
  const scenario = await createScenario(db, user.id, {
    name: `${position.short_name} schedule of ${position.stated_on}`,
    description: `Exports as in the tonnage schedule of ${position.short_name}'s position stated on ${position.stated_on}.`,
    visibility: "internal",
    exports,
  });
  return { ok: true, record: { id: scenario.id } };
}
