import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one instead.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // An external reader's pages probe consultations by key for every row they walk (overdue
  // actions, unread changes, tags): with the level and archive columns in the index the probe
  // reads the small index alone, not the wide row with its notes, about four times cheaper at
  // 100,000 consultations (decision 012).
  await db.schema
    .createIndex("consultations_probe_idx")
    .on("consultations")
    .columns(["id", "visibility", "archived_at"])
    .execute();
  // Overdue open actions are walked by due date and joined to their consultation: covering, the
  // walk needs no lookup of each action's row.
  await db.schema
    .createIndex("follow_up_actions_due_idx")
    .on("follow_up_actions")
    .columns(["status", "due_date", "consultation_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("follow_up_actions_due_idx").execute();
  await db.schema.dropIndex("consultations_probe_idx").execute();
}
