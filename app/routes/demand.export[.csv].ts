import type { LoaderFunctionArgs } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { demandQueryFrom } from "~/models/demand-query.server";
import { exportDemandRequests } from "~/models/demand.server";
import { csvResponse, instantCells, instantHeaders, toCsv } from "~/utils/csv.server";
import { getDb } from "~/utils/db.server";
import { DEMAND_STATUS_LABELS, MATERIAL_LABELS, SECTOR_LABELS } from "~/utils/demand-labels";
import { tonnesInput } from "~/utils/tonnes";
import { readerTimeZone } from "~/utils/zones";

/** The requests the user may see, with the list's filters: the same scope as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "demand:read");
  const { filter } = demandQueryFrom(new URL(request.url));
  const rows = await exportDemandRequests(getDb(), user, filter);
  const zone = readerTimeZone(user);
  const csv = toCsv(
    rows.map((r) => [
      r.id,
      r.organization_name,
      MATERIAL_LABELS[r.material],
      r.fiscal_year,
      tonnesInput(r.quantity_kg),
      r.allocated_kg === null ? "" : tonnesInput(r.allocated_kg),
      DEMAND_STATUS_LABELS[r.status],
      SECTOR_LABELS[r.sector],
      r.end_use,
      r.for_indian_magnets ? "yes" : "no",
      r.justification,
      ...instantCells(r.created_at, zone),
    ]),
    [
      "id",
      "organization",
      "material",
      "fiscal_year",
      "requested_t",
      "allocated_t",
      "status",
      "sector",
      "end_use",
      "for_magnets_made_in_india",
      "justification",
      ...instantHeaders("submitted_at", zone),
    ],
  );
  return csvResponse("demand-requests.csv", csv);
}
