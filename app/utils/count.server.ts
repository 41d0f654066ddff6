/**
 * Counts that stop at a cap, so a figure on a page costs what its cap costs however long the
 * history: `select count(*) from (select 1 … limit cap + 1)`. A result above `COUNT_CAP` means
 * "more than the cap"; `formatCount` shows it as "100+".
 */
import type { SelectQueryBuilder } from "kysely";

import type { DB } from "~/utils/db.server";
import { COUNT_CAP } from "~/utils/format";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = SelectQueryBuilder<any, any, any>;

/** The rows `query` would return, counted up to `cap + 1`. */
export async function cappedCount(db: DB, query: AnyQuery, cap = COUNT_CAP): Promise<number> {
  const inner = query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.lit(1).as("one"))
    .limit(cap + 1);
  const row = await db
    .selectFrom(inner.as("capped"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
