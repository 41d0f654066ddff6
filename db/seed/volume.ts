/**
 * Bulk volume for the page benchmark (e2e/bench/pages.ts): `count` consultations on top of the
 * demo data, with proportionate follow-up actions, issues, positions, milestones and demand
 * requests, each with its audit history. Written with prepared statements in one transaction per
 * batch, because going through the models would take minutes at 100,000 records. Deterministic:
 * two runs build the same data.
 */
import type SQLite from "better-sqlite3";

import { MATERIALS, MILESTONE_CATEGORIES, STANCES, VISIBILITIES } from "./../schema";

/** Words in nearly every record, and one word in a single record, for the search pages. */
export const COMMON_WORD = "neodymium";
export const RARE_WORD = "monazite";
/** Issues and milestones at least, at any size (more than the longest page lists of either). */
export const MIN_LISTED = 60;
/** The words generated records are written in; the model benchmark (e2e/bench/consultations.ts) uses them too. */
export const VOLUME_WORDS = [
  COMMON_WORD,
  "oxide",
  "shipment",
  "transition",
  "magnet",
  "clearance",
  "volumes",
  "review",
  "export",
  "refining",
  "Odisha",
  "Kerala",
];

export interface VolumeOptions {
  count: number;
  /** Every organization id; three take part in each consultation. */
  organizationIds: string[];
  /** Industry organizations, which file the demand requests. */
  industryOrganizationIds: string[];
  /** Author of every generated record. */
  authorId: string;
  /** Generated history falls in the year before this instant. */
  now: Date;
}

export function addVolume(sqlite: SQLite.Database, o: VolumeOptions): void {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const level = () => VISIBILITIES[rand() < 0.6 ? 0 : rand() < 0.75 ? 1 : 2]!;
  const parties = (n: number) => [...new Set(Array.from({ length: n }, () => pick(o.organizationIds)))].sort();
  const end = o.now.getTime();
  const yearMs = 365 * 86_400_000;
  const instant = () => new Date(end - Math.floor(rand() * yearMs)).toISOString();
  const day = (offsetDays: number) => new Date(end + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const stamp = o.now.toISOString();

  const insert = {
    consultation: sqlite.prepare(
      `insert into consultations (id, title, starts_at, time_zone, mode, kind, location, agenda, notes, outcome, visibility, created_by, archived_at, created_at, updated_at)
       values (?, ?, ?, 'Asia/Kolkata', 'video', 'technical', null, '', ?, '', ?, ?, ?, ?, ?)`,
    ),
    participant: sqlite.prepare("insert into consultation_participants (consultation_id, organization_id) values (?, ?)"),
    search: sqlite.prepare(
      "insert into consultation_search (rowid, consultation_id, title, agenda, notes, outcome, actions) select rowid, id, title, '', notes, '', '' from consultations where id = ?",
    ),
    action: sqlite.prepare(
      `insert into follow_up_actions (id, consultation_id, description, owner_organization_id, due_date, status, completed_at, position, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, null, 0, ?, ?)`,
    ),
    issue: sqlite.prepare(
      `insert into issues (id, title, description, status, priority, visibility, created_by, archived_at, created_at, updated_at)
       values (?, ?, '', ?, 'medium', ?, ?, null, ?, ?)`,
    ),
    issueParty: sqlite.prepare("insert into issue_parties (issue_id, organization_id) values (?, ?)"),
    position: sqlite.prepare(
      `insert into positions (id, issue_id, organization_id, stance, statement, desired_outcome, flexibility, stated_on, recorded_at, recorded_by, source_consultation_id, red_line, visibility)
       values (?, ?, ?, ?, ?, null, 'negotiable', ?, ?, ?, null, 0, ?)`,
    ),
    milestone: sqlite.prepare(
      `insert into milestones (id, title, description, category, owner_organization_id, due_date, status, completed_on, progress_note, visibility, created_by, archived_at, created_at, updated_at)
       values (?, ?, '', ?, ?, ?, 'planned', null, '', ?, ?, null, ?, ?)`,
    ),
    milestoneParty: sqlite.prepare("insert into milestone_parties (milestone_id, organization_id) values (?, ?)"),
    demand: sqlite.prepare(
      `insert into demand_requests (id, organization_id, submitted_by, material, fiscal_year, quantity_kg, sector, end_use, justification, for_indian_magnets, status, allocated_kg, current_decision_id, created_at, updated_at)
       values (?, ?, null, ?, 'FY2026-27', ?, 'automotive', 'Traction motors', 'Volume benchmark', 1, 'submitted', null, null, ?, ?)`,
    ),
    audit: sqlite.prepare(
      `insert into audit_events (id, at, actor_id, action, entity_type, entity_id, before_json, after_json, ip, detail)
       values (?, ?, ?, ?, ?, ?, null, ?, null, null)`,
    ),
  };
  const audit = (entityType: string, id: string, at: string, after: Record<string, unknown>) =>
    insert.audit.run(`bench-e-${id}`, at, o.authorId, `${entityType}.create`, entityType, id, JSON.stringify(after));

  // One issue per 500 consultations and one milestone per 200, but never fewer than MIN_LISTED of
  // each: the brief lists 40 issues and the timeline 40 milestones, so the smallest size still
  // fills every page and a size ratio compares full pages, not part of one with a full one.
  const issueEvery = Math.max(1, Math.min(500, Math.floor(o.count / MIN_LISTED)));
  const milestoneEvery = Math.max(1, Math.min(200, Math.floor(o.count / MIN_LISTED)));
  const issueIds: { id: string; parties: string[]; visibility: string }[] = [];
  const BATCH = 5_000;
  for (let done = 0; done < o.count; done += BATCH) {
    sqlite.transaction(() => {
      for (let i = done; i < Math.min(done + BATCH, o.count); i++) {
        const id = `bench-c-${String(i).padStart(6, "0")}`;
        const visibility = level();
        const at = instant();
        const notes =
          Array.from({ length: 30 }, () => pick(VOLUME_WORDS)).join(" ") + (i === Math.floor(o.count / 2) ? ` ${RARE_WORD}` : "");
        insert.consultation.run(id, `Consultation ${i}`, at, notes, visibility, o.authorId, rand() < 0.05 ? stamp : null, at, at);
        const participants = parties(3);
        for (const org of participants) insert.participant.run(id, org);
        insert.search.run(id);
        audit("consultation", id, at, { id, visibility, participants });
        if (i % 4 === 0) {
          const actionId = `bench-a-${i}`;
          insert.action.run(
            actionId,
            id,
            `Follow up on consultation ${i}`,
            pick(participants),
            day(Math.floor(rand() * 120) - 60),
            rand() < 0.5 ? "open" : "done",
            at,
            at,
          );
        }
        if (i % issueEvery === 0) {
          const issueId = `bench-i-${i}`;
          const issueParties = parties(3);
          const issueLevel = level();
          insert.issue.run(
            issueId,
            `Issue ${i}: ${pick(VOLUME_WORDS)} terms`,
            pick(["open", "converging", "deadlocked"]),
            issueLevel,
            o.authorId,
            at,
            at,
          );
          for (const org of issueParties) insert.issueParty.run(issueId, org);
          audit("issue", issueId, at, {
            id: issueId,
            visibility: issueLevel,
            parties: issueParties,
          });
          issueIds.push({
            id: issueId,
            parties: issueParties,
            visibility: issueLevel,
          });
        }
        if (i % 20 === 0 && issueIds.length > 0) {
          const issue = pick(issueIds);
          const positionId = `bench-p-${i}`;
          insert.position.run(
            positionId,
            issue.id,
            pick(issue.parties),
            pick(STANCES),
            `Position ${i}`,
            at.slice(0, 10),
            at,
            o.authorId,
            issue.visibility,
          );
          audit("position", positionId, at, {
            id: positionId,
            visibility: issue.visibility,
          });
        }
        if (i % milestoneEvery === 0) {
          const milestoneId = `bench-m-${i}`;
          const owner = pick(o.organizationIds);
          const milestoneParties = parties(2);
          const milestoneLevel = level();
          insert.milestone.run(
            milestoneId,
            `Milestone ${i}`,
            pick(MILESTONE_CATEGORIES),
            owner,
            day(Math.floor(rand() * 1400) - 400),
            milestoneLevel,
            o.authorId,
            at,
            at,
          );
          for (const org of milestoneParties) insert.milestoneParty.run(milestoneId, org);
          audit("milestone", milestoneId, at, {
            id: milestoneId,
            visibility: milestoneLevel,
            owner_organization_id: owner,
            party_organization_ids: milestoneParties,
          });
        }
        if (i % 20 === 10) {
          const demandId = `bench-d-${i}`;
          insert.demand.run(
            demandId,
            pick(o.industryOrganizationIds),
            pick(MATERIALS),
            1_000 + Math.floor(rand() * 50_000),
            at,
            at,
          );
          audit("demand_request", demandId, at, { id: demandId });
        }
      }
    })();
  }
}
