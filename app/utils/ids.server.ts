import { randomUUID } from "node:crypto";

/** Record ids are made by the application (portable across SQLite and PostgreSQL). */
export function newId(): string {
  return randomUUID();
}

// Timestamps come from the one clock; re-exported because every write imports its id and time together.
export { nowIso } from "~/utils/clock";
