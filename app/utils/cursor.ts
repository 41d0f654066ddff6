/**
 * Keyset cursors in the query string for lists ordered by a timestamp and id, newest first:
 * `?cursor=<ISO time>~<id>`. A cursor that does not parse starts from the first page.
 */
export interface TimeCursor {
  at: string;
  id: string;
}

export function encodeTimeCursor(cursor: TimeCursor): string {
  return `${cursor.at}~${cursor.id}`;
}

export function decodeTimeCursor(raw: string | null): TimeCursor | null {
  if (!raw) return null;
  const [at, id, ...rest] = raw.split("~");
  return at && id && rest.length === 0 && !Number.isNaN(Date.parse(at)) ? { at, id } : null;
}
