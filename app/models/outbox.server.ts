/**
 * The outbox: mail is a row written in the same transaction as the change that causes it, and a
 * worker sends it later (docs/decisions/017-people-mail-and-accounts.md). A mail server that is
 * down delays mail but loses none; a row is claimed with a conditional UPDATE before it is sent,
 * so two workers never send the same row.
 */
import crypto from "node:crypto";

import type { Executor } from "~/models/audit.server";
import { now } from "~/utils/clock";
import type { DB } from "~/utils/db.server";
import { newId, nowIso } from "~/utils/ids.server";
import type { OutboxMail } from "~db/schema";

export interface MailInput {
  userId: string | null;
  to: string;
  kind: string;
  subject: string;
  body: string;
  /** One mail per key, ever: a second enqueue with the same key is dropped. */
  dedupeKey?: string;
}

/** Writes a mail into the outbox; call it with the transaction of the change it reports. */
export async function enqueueMail(db: Executor, mail: MailInput): Promise<void> {
  const at = nowIso();
  await db
    .insertInto("outbox")
    .values({
      id: newId(),
      user_id: mail.userId,
      to_address: mail.to,
      kind: mail.kind,
      dedupe_key: mail.dedupeKey ?? null,
      subject: mail.subject,
      body: mail.body,
      next_attempt_at: at,
      created_at: at,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

/** Something that delivers one mail or throws; the SMTP transport in production, a fake in tests. */
export type Deliver = (mail: { to: string; subject: string; text: string }) => Promise<void>;

export const MAX_ATTEMPTS = 12;
/** A claim older than this belongs to a worker that died mid-send; the row may be taken again. */
export const CLAIM_TIMEOUT_MS = 5 * 60_000;

/** Exponential back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export interface OutboxRunResult {
  sent: number;
  failed: number;
}

/**
 * One pass of the worker: takes due rows, claims each with a conditional UPDATE (only the worker
 * whose UPDATE changed the row sends it), delivers it, and marks it sent, or schedules a retry.
 */
export async function runOutbox(db: DB, deliver: Deliver, options: { limit?: number } = {}): Promise<OutboxRunResult> {
  const at = now();
  const atIso = nowIso(at);
  const staleClaim = nowIso(new Date(at.getTime() - CLAIM_TIMEOUT_MS));
  const due = await db
    .selectFrom("outbox")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", atIso)]),
        eb.and([eb("status", "=", "sending"), eb("claimed_at", "<", staleClaim)]),
      ]),
    )
    .orderBy("next_attempt_at")
    .limit(options.limit ?? 50)
    .execute();
  const result: OutboxRunResult = { sent: 0, failed: 0 };
  for (const row of due) {
    const claimed = await claim(db, row, atIso);
    if (!claimed) continue;
    try {
      await deliver({ to: row.to_address, subject: row.subject, text: row.body });
    } catch (error) {
      result.failed += 1;
      const attempts = row.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable("outbox")
        .set({
          status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          attempts,
          next_attempt_at: nowIso(new Date(now().getTime() + backoffMs(attempts))),
          claimed_at: null,
          claim_token: null,
          last_error: message.slice(0, 500),
        })
        .where("id", "=", row.id)
        .where("claim_token", "=", claimed)
        .execute();
      continue;
    }
    await db
      .updateTable("outbox")
      .set({ status: "sent", attempts: row.attempts + 1, sent_at: nowIso(), claim_token: null, last_error: null })
      .where("id", "=", row.id)
      .where("claim_token", "=", claimed)
      .execute();
    result.sent += 1;
  }
  return result;
}

/** The claim token when this worker won the row, or null when another did. */
async function claim(db: DB, row: OutboxMail, atIso: string): Promise<string | null> {
  const token = crypto.randomUUID();
  const updated = await db
    .updateTable("outbox")
    .set({ status: "sending", claimed_at: atIso, claim_token: token })
    .where("id", "=", row.id)
    .where("status", "=", row.status)
    .where((eb) => (row.claim_token === null ? eb("claim_token", "is", null) : eb("claim_token", "=", row.claim_token)))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1 ? token : null;
}

export interface OutboxSummary {
  pending: number;
  sent: number;
  failed: number;
}

/** Counts for the admin page. */
export async function outboxSummary(db: DB): Promise<OutboxSummary> {
  const rows = await db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const count = (s: string) => rows.filter((r) => r.status === s).reduce((n, r) => n + Number(r.n), 0);
  return { pending: count("pending") + count("sending"), sent: count("sent"), failed: count("failed") };
}
