/**
 * Consistent backups while Accord runs, and restores into an empty database.
 * SQLite: the online backup API (a page-level copy under a read lock; writers carry on in WAL).
 * PostgreSQL: pg_dump's custom format (one snapshot), restored with pg_restore.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

import { createDatabase, dialectOfUrl, openSqlite, sqlitePathFromUrl } from "./connection";
import { redactUrl } from "./errors";
import { hasNoTables, integrityCheck } from "./sql";

/** A PostgreSQL client program: PG_BIN first, then PATH (Debian's wrapper picks the version). */
function pgTool(name: "pg_dump" | "pg_restore"): string {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
  return name;
}

function runTool(name: "pg_dump" | "pg_restore", args: string[]) {
  const r = spawnSync(pgTool(name), args, { encoding: "utf8" });
  if (r.error) throw new Error(`${name} could not run: ${r.error.message} (install postgresql-client or set PG_BIN)`);
  if (r.status !== 0) throw new Error(`${name} failed: ${(r.stderr || r.stdout).trim()}`);
}

export async function backupDatabase(url: string, file: string): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`${file} already exists; a backup never overwrites`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (dialectOfUrl(url) === "postgres") {
    runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`, `--dbname=${url}`]);
    return;
  }
  const source = openSqlite(sqlitePathFromUrl(url));
  try {
    // All pages in one step: the copy is one snapshot even while other connections write.
    await source.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    source.close();
  }
  const copy = new SQLite(target, { readonly: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

export async function restoreDatabase(url: string, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`${file} does not exist`);
  const db = createDatabase(url);
  try {
    if (!(await hasNoTables(db))) throw new Error(`${redactUrl(url)} is not empty; restore into an empty database`);
  } finally {
    await db.destroy();
  }
  if (dialectOfUrl(url) === "postgres") {
    runTool("pg_restore", [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      `--dbname=${url}`,
      source,
    ]);
    return;
  }
  const backup = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(sqlitePathFromUrl(url));
  } finally {
    backup.close();
  }
  const restored = createDatabase(url);
  try {
    const check = await integrityCheck(restored);
    if (check !== "ok") throw new Error(`the restored database failed its integrity check: ${check}`);
  } finally {
    await restored.destroy();
  }
}
