/**
 * The one keyset cursor of every paged list: the last row's sort key and id, and, for a list read
 * as several runs (the follow-up actions), which run it belongs to. In the query string it is
 * opaque (`?cursor=<base64url of JSON>`) so a key may hold any character, titles included.
 * A cursor that does not parse starts from the first page.
 */
export interface Cursor {
  key: string;
  id: string;
  run?: number;
}

export function encodeCursor(cursor: Cursor): string {
  const parts = cursor.run === undefined ? [cursor.key, cursor.id] : [cursor.key, cursor.id, cursor.run];
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/** `validKey` lets a list refuse keys it cannot order by (a date that is not one, say). */
export function decodeCursor(raw: string | null | undefined, validKey: (key: string) => boolean = () => true): Cursor | null {
  if (!raw) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length < 2 || parts.length > 3) return null;
  const [key, id, run] = parts as unknown[];
  if (typeof key !== "string" || typeof id !== "string" || id === "" || !validKey(key)) return null;
  if (run === undefined) return { key, id };
  return Number.isInteger(run) && (run as number) >= 0 ? { key, id, run: run as number } : null;
}

/** Key checks for the lists ordered by a timestamp or a calendar date. */
export const isTimestamp = (key: string) => !Number.isNaN(Date.parse(key));
export const isPlainDate = (key: string) => /^\d{4}-\d{2}-\d{2}$/.test(key);
