import { randomUUID } from "node:crypto";

/** Record ids are made by the application (portable across SQLite and PostgreSQL). */
export function newId(): string {
  return randomUUID();
}

export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}
