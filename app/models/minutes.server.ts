/**
 * Agreed minutes of a consultation: drafted by the Indian side, circulated as frozen numbered
 * versions, confirmed or amended by each organization a version was circulated to, agreed when
 * all of them have confirmed the same version. Every change is a versioned write of the minutes
 * row (so two writers never both win) and one audit event of entity type `minutes`, which the
 * activity feed reads.
 */
import { createHash } from "node:crypto";
import { diffWords } from "diff";

import { can, isInternal, type SessionUser } from "~/models/access.server";
import { recordAudit, type Executor } from "~/models/audit.server";
import { canonicalMinutes, paragraphsOf, type MinutesRefusalDetail } from "~/models/minutes";
import { minutesUnconfirmedBy, notifyMinutesCirculated } from "~/models/notifications.server";
import { visibleConsultations, visibleMinutes } from "~/models/scopes.server";
import {
  claimVersion,
  refused,
  versionedUpdate,
  type CreateResult,
  type Refused,
  type Tx,
  type VersionedUpdate,
  type WriteResult,
} from "~/models/writes.server";
import type { AmendmentForm } from "~/schemas/minutes";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { MinutesStatus, Visibility } from "~db/schema";

/** Minutes circulated longer than this without being agreed are flagged to the diplomat. */
export const MINUTES_WAITING_DAYS = 7;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Word-level difference between two texts. */
export function diffMinutes(from: string, to: string): DiffPart[] {
  return diffWords(from, to).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

/**
 * The organizations a version goes to for confirmation: every participant outside the Government
 * of India (ministries and IREL speak through the drafter, whose circulation is India's
 * confirmation). A consultation among Indian government bodies alone goes to the participants
 * other than the drafter's own.
 */
async function confirmingParties(db: Executor, consultationId: string, draftingOrganizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("consultation_participants as cp")
    .innerJoin("organizations as o", "o.id", "cp.organization_id")
    .select(["o.id", "o.country", "o.kind"])
    .where("cp.consultation_id", "=", consultationId)
    .orderBy("o.id")
    .execute();
  const indianGovernment = (r: { country: string; kind: string }) =>
    r.country === "India" && (r.kind === "ministry" || r.kind === "public_sector_undertaking");
  const others = rows.filter((r) => !indianGovernment(r)).map((r) => r.id);
  return others.length > 0 ? others : rows.map((r) => r.id).filter((id) => id !== draftingOrganizationId);
}

// ---- The record as every write sees it -------------------------------------------------------

/** The organizations a per-version table lists for one version of the minutes, in a stable order. */
function organizationsOfVersion(
  tx: Executor,
  table: "minutes_version_parties" | "minutes_confirmations",
  minutesId: string,
  number: number,
) {
  return tx
    .selectFrom(table)
    .select("organization_id")
    .where("minutes_id", "=", minutesId)
    .where("number", "=", number)
    .orderBy("organization_id")
    .execute();
}

async function snapshot(tx: Executor, user: SessionUser, consultationId: string) {
  const row = await visibleMinutes(tx, user)
    .selectAll("mn")
    .select("c.visibility as visibility")
    .where("c.id", "=", consultationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [participants, parties, confirmed, open] = await Promise.all([
    tx
      .selectFrom("consultation_participants")
      .select("organization_id")
      .where("consultation_id", "=", consultationId)
      .orderBy("organization_id")
      .execute(),
    organizationsOfVersion(tx, "minutes_version_parties", row.id, row.current_number),
    organizationsOfVersion(tx, "minutes_confirmations", row.id, row.current_number),
    tx
      .selectFrom("minutes_amendments")
      .select(["id", "organization_id", "paragraph", "version", "proposed_text"])
      .where("minutes_id", "=", row.id)
      .where("number", "=", row.current_number)
      .where("status", "=", "open")
      .orderBy("proposed_at")
      .execute(),
  ]);
  return {
    ...row,
    participants: participants.map((p) => p.organization_id),
    /** Organizations the current version was circulated to. */
    parties: parties.map((p) => p.organization_id),
    /** Those of them that confirmed the current version. */
    confirmed: confirmed.map((p) => p.organization_id),
    openAmendments: open,
  };
}

type Snapshot = NonNullable<Awaited<ReturnType<typeof snapshot>>>;

export type MinutesRefusal = Refused<
  "forbidden" | "not_open" | "duplicate" | "not_allowed" | "invalid" | "exists",
  MinutesRefusalDetail
>;
export type MinutesResult = WriteResult<{ id: string; status: MinutesStatus; currentNumber: number }, MinutesRefusal>;

const no = (code: MinutesRefusal["code"], detail: MinutesRefusalDetail): MinutesRefusal => refused(code, detail);

function mayDraft(user: SessionUser, s: Pick<Snapshot, "participants">): boolean {
  return can(user, "minutes:draft", { participantOrganizationIds: s.participants });
}

function minutesRecord(user: SessionUser, consultationId: string) {
  return {
    table: "minutes" as const,
    load: (tx: Tx) => snapshot(tx, user, consultationId),
    result: (s: Snapshot): MinutesRecord => ({ id: s.id, status: s.status, currentNumber: s.current_number }),
    actorId: user.id,
  };
}

async function minutesIdOf(db: Executor, consultationId: string): Promise<string | undefined> {
  return (await db.selectFrom("minutes").select("id").where("consultation_id", "=", consultationId).executeTakeFirst())?.id;
}

/**
 * Writes the next version (the body given) and the organizations it goes to; answers the columns
 * that make it current. With nobody to confirm, circulation is agreement.
 */
async function circulateVersion(tx: Tx, s: Snapshot, body: string, userId: string, now: string) {
  const number = s.current_number + 1;
  await tx
    .insertInto("minutes_versions")
    .values({ minutes_id: s.id, number, body, sha256: sha256Hex(body), circulated_by: userId, circulated_at: now })
    .execute();
  const parties = await confirmingParties(tx, s.consultation_id, s.drafting_organization_id);
  for (const organizationId of parties)
    await tx
      .insertInto("minutes_version_parties")
      .values({ minutes_id: s.id, number, organization_id: organizationId })
      .execute();
  // Each organization asked to confirm hears of it in the same transaction.
  await notifyMinutesCirculated(tx, s.consultation_id, parties);
  return { number, parties };
}

// ---- Writes ----------------------------------------------------------------------------------

export async function createMinutes(
  db: DB,
  user: SessionUser,
  consultationId: string,
  body: string,
  at: string = nowIso(),
): Promise<CreateResult<{ id: string }, MinutesRefusal> | { ok: false; reason: "not_found" }> {
  return db.transaction().execute(async (tx) => {
    const consultation = await visibleConsultations(tx, user)
      .select(["c.id", "c.visibility"])
      .where("c.id", "=", consultationId)
      .executeTakeFirst();
    if (!consultation) return { ok: false as const, reason: "not_found" as const };
    const participants = (
      await tx
        .selectFrom("consultation_participants")
        .select("organization_id")
        .where("consultation_id", "=", consultationId)
        .execute()
    ).map((p) => p.organization_id);
    if (!mayDraft(user, { participants })) return no("forbidden", { why: "not_drafter" });
    if (await minutesIdOf(tx, consultationId)) return no("exists", { why: "exists" });
    const id = newId();
    await tx
      .insertInto("minutes")
      .values({
        id,
        consultation_id: consultationId,
        status: "draft",
        body: canonicalMinutes(body),
        drafted_by: user.id,
        drafting_organization_id: user.organizationId,
        current_number: 0,
        agreed_number: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: "minutes.create",
      entityType: "minutes",
      entityId: id,
      after: await snapshot(tx, user, consultationId),
      at,
    });
    return { ok: true as const, record: { id } };
  });
}

type MinutesRecord = { id: string; status: MinutesStatus; currentNumber: number };

async function update<A>(
  db: DB,
  user: SessionUser,
  consultationId: string,
  spec: Omit<
    VersionedUpdate<"minutes", Snapshot, MinutesRecord, MinutesRefusal, A>,
    "table" | "id" | "load" | "result" | "actorId"
  >,
): Promise<MinutesResult> {
  const id = await minutesIdOf(db, consultationId);
  if (!id) return { ok: false, reason: "not_found" };
  return versionedUpdate(db, { ...minutesRecord(user, consultationId), id, ...spec });
}

/** Saves the drafter's working text; only while it is a draft. */
export function saveMinutesDraft(
  db: DB,
  user: SessionUser,
  consultationId: string,
  expectedVersion: number,
  body: string,
  at?: string,
): Promise<MinutesResult> {
  return update(db, user, consultationId, {
    expectedVersion,
    at,
    permit: (s) => (mayDraft(user, s) ? null : no("forbidden", { why: "not_drafter" })),
    check: (s) => (s.status !== "draft" ? no("not_open", { why: "frozen" }) : null),
    set: () => ({ body: canonicalMinutes(body) }),
    action: "minutes.update",
  });
}

/** Freezes the draft as the next version and sends it to the organizations that confirm. */
export function circulateMinutes(
  db: DB,
  user: SessionUser,
  consultationId: string,
  expectedVersion: number,
  at?: string,
): Promise<MinutesResult> {
  let agreedAlone = false;
  return update(db, user, consultationId, {
    expectedVersion,
    at,
    permit: (s) => (mayDraft(user, s) ? null : no("forbidden", { why: "not_drafter" })),
    check: async (s, tx) => {
      if (s.status !== "draft") return no("not_open", { why: "not_draft" });
      if (paragraphsOf(s.body).length === 0) return no("invalid", { why: "empty", field: "body" });
      agreedAlone = (await confirmingParties(tx, s.consultation_id, s.drafting_organization_id)).length === 0;
      return null;
    },
    set: (s) => ({
      status: agreedAlone ? "agreed" : "circulated",
      current_number: s.current_number + 1,
      ...(agreedAlone ? { agreed_number: s.current_number + 1 } : {}),
    }),
    alongside: (tx, s, now) => circulateVersion(tx, s, s.body, user.id, now),
    action: "minutes.circulate",
  });
}

/** The user's organization confirms the version it read. The last confirmation agrees the minutes. */
export function confirmMinutes(
  db: DB,
  user: SessionUser,
  consultationId: string,
  number: number,
  at?: string,
): Promise<MinutesResult> {
  let agrees = false;
  return update(db, user, consultationId, {
    at,
    permit: (s) =>
      s.status === "circulated" && !can(user, "minutes:respond", { participantOrganizationIds: s.parties })
        ? no("forbidden", { why: "not_party" })
        : null,
    check: (s) => {
      if (s.status !== "circulated") return s.current_number === number ? no("not_open", { why: "not_circulated" }) : "conflict";
      // A newer version went round since the page was read: confirming the old one would confirm words no longer proposed.
      if (s.current_number !== number) return "conflict";
      if (s.confirmed.includes(user.organizationId)) return no("duplicate", { why: "already_confirmed", number });
      if (s.openAmendments.some((a) => a.organization_id === user.organizationId))
        return no("not_allowed", { why: "amending", number });
      agrees = s.parties.every((p) => p === user.organizationId || s.confirmed.includes(p));
      return null;
    },
    set: (s) => (agrees ? { status: "agreed" as const, agreed_number: s.current_number } : {}),
    alongside: async (tx, s, now) => {
      await tx
        .insertInto("minutes_confirmations")
        .values({
          id: newId(),
          minutes_id: s.id,
          number: s.current_number,
          organization_id: user.organizationId,
          user_id: user.id,
          at: now,
        })
        .execute();
    },
    action: () => (agrees ? "minutes.agree" : "minutes.confirm"),
  });
}

/** The user's organization proposes new wording for one paragraph of the version it read. */
export function proposeAmendment(
  db: DB,
  user: SessionUser,
  consultationId: string,
  form: AmendmentForm,
  at?: string,
): Promise<MinutesResult> {
  let paragraphText = "";
  return update(db, user, consultationId, {
    at,
    permit: (s) =>
      s.status === "circulated" && !can(user, "minutes:respond", { participantOrganizationIds: s.parties })
        ? no("forbidden", { why: "not_party" })
        : null,
    check: async (s, tx) => {
      if (s.status !== "circulated")
        return s.current_number === form.number ? no("not_open", { why: "not_circulated" }) : "conflict";
      if (s.current_number !== form.number) return "conflict";
      if (s.confirmed.includes(user.organizationId)) return no("duplicate", { why: "already_confirmed", number: form.number });
      const version = await tx
        .selectFrom("minutes_versions")
        .select("body")
        .where("minutes_id", "=", s.id)
        .where("number", "=", s.current_number)
        .executeTakeFirstOrThrow();
      const paragraphs = paragraphsOf(version.body);
      if (form.paragraph > paragraphs.length)
        return no("invalid", { why: "paragraph_range", field: "paragraph", number: form.number, paragraphs: paragraphs.length });
      paragraphText = paragraphs[form.paragraph - 1]!;
      if (canonicalMinutes(form.proposedText) === paragraphText)
        return no("invalid", { why: "same_wording", field: "proposedText" });
      return null;
    },
    set: () => ({}),
    alongside: async (tx, s, now) => {
      const id = newId();
      await tx
        .insertInto("minutes_amendments")
        .values({
          id,
          minutes_id: s.id,
          number: s.current_number,
          paragraph: form.paragraph,
          proposed_text: canonicalMinutes(form.proposedText),
          reason: form.reason,
          organization_id: user.organizationId,
          proposed_by: user.id,
          proposed_at: now,
          decided_by: null,
          decided_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return {
        amendment: {
          id,
          paragraph: form.paragraph,
          before: paragraphText,
          proposed: canonicalMinutes(form.proposedText),
          reason: form.reason,
        },
      };
    },
    auditAfter: (view, extra) => ({ ...(view as object), ...(extra as object) }),
    action: "minutes.propose_amendment",
  });
}

/**
 * The drafter accepts or rejects one amendment. When it was the last open one on the version,
 * the next version (the old text with every accepted paragraph replaced) is circulated at once.
 */
export function decideAmendment(
  db: DB,
  user: SessionUser,
  consultationId: string,
  input: { amendmentId: string; amendmentVersion: number; decision: "accept" | "reject" },
  at?: string,
): Promise<MinutesResult> {
  let last = false;
  let nextBody = "";
  return update(db, user, consultationId, {
    at,
    permit: (s) => (mayDraft(user, s) ? null : no("forbidden", { why: "not_drafter" })),
    check: async (s, tx) => {
      const amendment = await tx
        .selectFrom("minutes_amendments")
        .selectAll()
        .where("id", "=", input.amendmentId)
        .where("minutes_id", "=", s.id)
        .executeTakeFirst();
      if (!amendment) return no("invalid", { why: "unknown_amendment" });
      if (amendment.version !== input.amendmentVersion || amendment.status !== "open" || amendment.number !== s.current_number)
        return "conflict";
      last = s.openAmendments.every((a) => a.id === amendment.id);
      if (last) {
        const version = await tx
          .selectFrom("minutes_versions")
          .select("body")
          .where("minutes_id", "=", s.id)
          .where("number", "=", s.current_number)
          .executeTakeFirstOrThrow();
        const accepted = await tx
          .selectFrom("minutes_amendments")
          .select(["paragraph", "proposed_text"])
          .where("minutes_id", "=", s.id)
          .where("number", "=", s.current_number)
          .where("status", "=", "accepted")
          .orderBy("decided_at")
          .execute();
        if (input.decision === "accept")
          accepted.push({ paragraph: amendment.paragraph, proposed_text: amendment.proposed_text });
        // Paragraph numbers are those of the version amended, so replacements apply to its paragraphs.
        const paragraphs = paragraphsOf(version.body);
        for (const a of accepted) paragraphs[a.paragraph - 1] = a.proposed_text;
        nextBody = canonicalMinutes(paragraphs.join("\n\n"));
      }
      return null;
    },
    set: (s) => (last ? { body: nextBody, current_number: s.current_number + 1, status: "circulated" as const } : {}),
    alongside: async (tx, s, now) => {
      await claimVersion(
        tx,
        "minutes_amendments",
        input.amendmentId,
        input.amendmentVersion,
        { status: input.decision === "accept" ? "accepted" : "rejected", decided_by: user.id, decided_at: now },
        now,
      );
      const next = last ? await circulateVersion(tx, s, nextBody, user.id, now) : null;
      return { amendment: { id: input.amendmentId, decision: input.decision }, circulated: next?.number ?? null };
    },
    auditAfter: (view, extra) => ({ ...(view as object), ...(extra as object) }),
    action: input.decision === "accept" ? "minutes.accept_amendment" : "minutes.reject_amendment",
  });
}

/** Agreed minutes never change: a correction starts a new draft from the agreed text, which goes round again. */
export function startCorrection(
  db: DB,
  user: SessionUser,
  consultationId: string,
  expectedVersion: number,
  at?: string,
): Promise<MinutesResult> {
  return update(db, user, consultationId, {
    expectedVersion,
    at,
    permit: (s) => (mayDraft(user, s) ? null : no("forbidden", { why: "not_drafter" })),
    check: (s) => (s.status !== "agreed" ? no("not_open", { why: "not_agreed" }) : null),
    set: () => ({ status: "draft" as const }),
    action: "minutes.start_correction",
  });
}

// ---- Reads -----------------------------------------------------------------------------------

export interface MinutesVersionView {
  number: number;
  body: string;
  paragraphs: string[];
  sha256: string;
  circulatedAt: string;
  circulatedBy: string;
  parties: { id: string; name: string; shortName: string }[];
  confirmations: { organizationId: string; organization: string; user: string; at: string }[];
}

export interface AmendmentView {
  id: string;
  number: number;
  paragraph: number;
  proposedText: string;
  reason: string;
  organization: string;
  organizationId: string;
  proposedBy: string;
  proposedAt: string;
  status: "open" | "accepted" | "rejected";
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
}

export interface MinutesView {
  consultation: { id: string; title: string; startsAt: string; timeZone: string; visibility: Visibility };
  minutes: {
    id: string;
    status: MinutesStatus;
    currentNumber: number;
    agreedNumber: number | null;
    version: number;
    /** The working text: for the drafting side only. */
    draft: string | null;
    draftedBy: string;
  } | null;
  versions: MinutesVersionView[];
  amendments: AmendmentView[];
  canDraft: boolean;
  /** The reader's organization may confirm or amend the current version now. */
  canRespond: boolean;
  /** Why the reader's organization is not asked, when it is a party that already answered. */
  ownAnswer: "confirmed" | "amending" | null;
}

/** Everything the minutes page shows, or null when the consultation is not the user's to see. */
export async function getMinutesView(db: DB, user: SessionUser, consultationId: string): Promise<MinutesView | null> {
  const c = await visibleConsultations(db, user)
    .select(["c.id", "c.title", "c.starts_at", "c.time_zone", "c.visibility"])
    .where("c.id", "=", consultationId)
    .executeTakeFirst();
  if (!c) return null;
  const consultation = { id: c.id, title: c.title, startsAt: c.starts_at, timeZone: c.time_zone, visibility: c.visibility };
  const participants = (
    await db.selectFrom("consultation_participants").select("organization_id").where("consultation_id", "=", c.id).execute()
  ).map((p) => p.organization_id);
  const canDraft = mayDraft(user, { participants });
  const row = await visibleMinutes(db, user)
    .selectAll("mn")
    .innerJoin("users as du", "du.id", "mn.drafted_by")
    .select("du.display_name as drafter")
    .where("c.id", "=", c.id)
    .executeTakeFirst();
  if (!row) return { consultation, minutes: null, versions: [], amendments: [], canDraft, canRespond: false, ownAnswer: null };

  const [versions, parties, confirmations, amendments] = await Promise.all([
    db
      .selectFrom("minutes_versions as v")
      .innerJoin("users as u", "u.id", "v.circulated_by")
      .select(["v.number", "v.body", "v.sha256", "v.circulated_at", "u.display_name"])
      .where("v.minutes_id", "=", row.id)
      .orderBy("v.number")
      .execute(),
    db
      .selectFrom("minutes_version_parties as p")
      .innerJoin("organizations as o", "o.id", "p.organization_id")
      .select(["p.number", "o.id", "o.name", "o.short_name"])
      .where("p.minutes_id", "=", row.id)
      .orderBy("o.name")
      .execute(),
    db
      .selectFrom("minutes_confirmations as k")
      .innerJoin("organizations as o", "o.id", "k.organization_id")
      .innerJoin("users as u", "u.id", "k.user_id")
      .select(["k.number", "k.organization_id", "o.name", "u.display_name", "k.at"])
      .where("k.minutes_id", "=", row.id)
      .orderBy("k.at")
      .execute(),
    db
      .selectFrom("minutes_amendments as a")
      .innerJoin("organizations as o", "o.id", "a.organization_id")
      .innerJoin("users as u", "u.id", "a.proposed_by")
      .leftJoin("users as d", "d.id", "a.decided_by")
      .selectAll("a")
      .select(["o.short_name as org", "u.display_name as proposer", "d.display_name as decider"])
      .where("a.minutes_id", "=", row.id)
      .orderBy("a.number")
      .orderBy("a.proposed_at")
      .execute(),
  ]);
  const versionViews: MinutesVersionView[] = versions.map((v) => ({
    number: v.number,
    body: v.body,
    paragraphs: paragraphsOf(v.body),
    sha256: v.sha256,
    circulatedAt: v.circulated_at,
    circulatedBy: v.display_name,
    parties: parties.filter((p) => p.number === v.number).map((p) => ({ id: p.id, name: p.name, shortName: p.short_name })),
    confirmations: confirmations
      .filter((k) => k.number === v.number)
      .map((k) => ({ organizationId: k.organization_id, organization: k.name, user: k.display_name, at: k.at })),
  }));
  const current = versionViews.find((v) => v.number === row.current_number);
  const isParty = current?.parties.some((p) => p.id === user.organizationId) ?? false;
  const confirmed = current?.confirmations.some((k) => k.organizationId === user.organizationId) ?? false;
  const amending = amendments.some(
    (a) => a.number === row.current_number && a.status === "open" && a.organization_id === user.organizationId,
  );
  return {
    consultation,
    minutes: {
      id: row.id,
      status: row.status,
      currentNumber: row.current_number,
      agreedNumber: row.agreed_number,
      version: row.version,
      draft: isInternal(user) ? row.body : null,
      draftedBy: row.drafter,
    },
    versions: versionViews,
    amendments: amendments.map((a) => ({
      id: a.id,
      number: a.number,
      paragraph: a.paragraph,
      proposedText: a.proposed_text,
      reason: a.reason,
      organization: a.org,
      organizationId: a.organization_id,
      proposedBy: a.proposer,
      proposedAt: a.proposed_at,
      status: a.status,
      decidedBy: a.decider,
      decidedAt: a.decided_at,
      version: a.version,
    })),
    canDraft,
    canRespond:
      row.status === "circulated" &&
      isParty &&
      !confirmed &&
      !amending &&
      can(user, "minutes:respond", { participantOrganizationIds: current?.parties.map((p) => p.id) ?? [] }),
    ownAnswer: row.status === "circulated" && isParty ? (confirmed ? "confirmed" : amending ? "amending" : null) : null,
  };
}

export interface MinutesAwaiting {
  consultationId: string;
  title: string;
  number: number;
  circulatedAt: string;
}

/** Circulated minutes the user may see whose current version awaits the user's own organization's answer. */
export async function minutesAwaitingMyOrganization(db: DB, user: SessionUser, limit = 20): Promise<MinutesAwaiting[]> {
  const orgId = user.organizationId;
  const rows = await minutesUnconfirmedBy(db, user)
    .innerJoin("minutes_versions as v", (j) => j.onRef("v.minutes_id", "=", "mn.id").onRef("v.number", "=", "mn.current_number"))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("minutes_amendments as a")
            .select("a.id")
            .whereRef("a.minutes_id", "=", "mn.id")
            .whereRef("a.number", "=", "mn.current_number")
            .where("a.organization_id", "=", orgId)
            .where("a.status", "=", "open"),
        ),
      ),
    )
    .select(["c.id", "c.title", "mn.current_number", "v.circulated_at"])
    .orderBy("v.circulated_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ consultationId: r.id, title: r.title, number: r.current_number, circulatedAt: r.circulated_at }));
}

export interface MinutesWaiting extends MinutesAwaiting {
  waitingOn: string[];
}

/** Circulated minutes not agreed after more than `MINUTES_WAITING_DAYS`, with the organizations still to answer. */
export async function minutesWaitingLong(db: DB, user: SessionUser, now: string = nowIso()): Promise<MinutesWaiting[]> {
  const cutoff = new Date(Date.parse(now) - MINUTES_WAITING_DAYS * 86_400_000).toISOString();
  const rows = await visibleMinutes(db, user)
    .innerJoin("minutes_versions as v", (j) => j.onRef("v.minutes_id", "=", "mn.id").onRef("v.number", "=", "mn.current_number"))
    .where("mn.status", "=", "circulated")
    .where("v.circulated_at", "<", cutoff)
    .select(["c.id", "c.title", "mn.id as minutes_id", "mn.current_number", "v.circulated_at"])
    .orderBy("v.circulated_at")
    .limit(20)
    .execute();
  if (rows.length === 0) return [];
  const pending = await db
    .selectFrom("minutes_version_parties as p")
    .innerJoin("minutes as mn", (j) => j.onRef("mn.id", "=", "p.minutes_id").onRef("mn.current_number", "=", "p.number"))
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .leftJoin("minutes_confirmations as k", (j) =>
      j
        .onRef("k.minutes_id", "=", "p.minutes_id")
        .onRef("k.number", "=", "p.number")
        .onRef("k.organization_id", "=", "p.organization_id"),
    )
    .where(
      "p.minutes_id",
      "in",
      rows.map((r) => r.minutes_id),
    )
    .where("k.id", "is", null)
    .select(["p.minutes_id", "o.short_name"])
    .orderBy("o.short_name")
    .execute();
  return rows.map((r) => ({
    consultationId: r.id,
    title: r.title,
    number: r.current_number,
    circulatedAt: r.circulated_at,
    waitingOn: pending.filter((p) => p.minutes_id === r.minutes_id).map((p) => p.short_name),
  }));
}
