import type { LoaderFunctionArgs } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { consultationsCsv } from "~/models/consultations.server";
import { consultationFilterSchema } from "~/schemas/consultations";
import { nowIso } from "~/utils/clock";
import { csvResponse } from "~/utils/csv.server";
import { getDb } from "~/utils/db.server";
import { parseListQuery } from "~/utils/list.server";

/** The filtered list as CSV, under exactly the list's visibility scope. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const { filter } = parseListQuery(new URL(request.url), consultationFilterSchema);
  const csv = await consultationsCsv(getDb(), user, filter);
  return csvResponse(`consultations-${nowIso().slice(0, 10)}.csv`, csv);
}
