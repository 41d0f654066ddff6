import type { LoaderFunctionArgs } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { matrixDate, positionsMatrixCsv } from "~/models/positions.server";
import { csvResponse } from "~/utils/csv.server";
import { getDb } from "~/utils/db.server";

/** The whole matrix on `?asOf=` as CSV, computed from exactly what the user may see. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:read");
  const { asOf } = matrixDate(new URL(request.url));
  const csv = await positionsMatrixCsv(getDb(), user, asOf);
  return csvResponse(`accord-positions-${asOf}.csv`, csv);
}
