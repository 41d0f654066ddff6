import type { Kysely } from "kysely";

import type { Database } from "../schema";

/** The tables whose rows have an `id` of their own. */
type TableWithId = { [T in keyof Database]: Database[T] extends { id: unknown } ? T : never }[keyof Database];

/**
 * The id of a row already seeded: the first row of `table` whose columns equal every value in
 * `naturalKey`. Every seed looks its records up this way first, so that a second run adds nothing.
 */
export async function seededId(
  db: Kysely<Database>,
  table: TableWithId,
  naturalKey: Record<string, string>,
): Promise<string | undefined> {
  let query = db.selectFrom(table).select("id");
  for (const [column, value] of Object.entries(naturalKey)) query = query.where(db.dynamic.ref(column), "=", value);
  return (await query.executeTakeFirst())?.id;
}
