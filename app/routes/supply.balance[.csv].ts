import type { LoaderFunctionArgs } from "@remix-run/node";

import { getFixedT } from "~/i18n.server";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { balanceOf } from "~/models/supply-balance";
import { supplyYears } from "~/models/supply.server";
import { csvResponse, toCsv } from "~/utils/csv.server";
import { getDb } from "~/utils/db.server";
import { tonnesInput } from "~/utils/tonnes";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "supply:read");
  const rows = (await supplyYears(getDb(), user)).map(balanceOf);
  // Column keys stay machine-readable (importers key on them); material names are the reader's.
  const t = await getFixedT(request, "labels");
  const csv = toCsv(
    rows.map((r) => [
      t(`material.${r.material}`, { defaultValue: r.material }),
      r.fiscalYear,
      tonnesInput(r.productionKg),
      tonnesInput(r.exportsKg),
      tonnesInput(r.reserveKg),
      tonnesInput(r.availableKg),
      tonnesInput(r.approvedKg),
      tonnesInput(r.balanceKg),
      tonnesInput(r.pendingKg),
      tonnesInput(r.afterPendingKg),
      r.shortfall ? "yes" : "no",
    ]),
    [
      "material",
      "fiscal_year",
      "production_t",
      "committed_exports_t",
      "reserve_t",
      "available_t",
      "allocated_t",
      "balance_t",
      "pending_t",
      "after_pending_t",
      "shortfall",
    ],
  );
  return csvResponse("supply-balance.csv", csv);
}
