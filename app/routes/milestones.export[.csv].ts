import type { LoaderFunctionArgs } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { RISK_LABELS } from "~/models/milestone-rules";
import { listMilestones, parseMilestoneFilter } from "~/models/milestones.server";
import { todayInIndia } from "~/utils/clock";
import { MILESTONE_CATEGORY_LABELS, MILESTONE_STATUS_LABELS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { csvResponse, toCsv } from "~/utils/csv.server";
import { getDb } from "~/utils/db.server";
import { riskReasonsText } from "~/utils/messages";

/** The list's filters and visibility, every matching row, one file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "milestones:read");
  const url = new URL(request.url);
  const { filter } = parseMilestoneFilter(url);
  const today = todayInIndia();
  const { rows } = await listMilestones(getDb(), user, filter, today, { limit: null });
  const csv = toCsv(
    rows.map((r) => [
      r.title,
      MILESTONE_CATEGORY_LABELS[r.category],
      r.owner_name,
      r.due_date,
      MILESTONE_STATUS_LABELS[r.status],
      r.completed_on ?? "",
      RISK_LABELS[r.risk.level],
      riskReasonsText(r.risk.reasons),
      VISIBILITY_LABELS[r.visibility],
      `${url.origin}/milestones/${r.id}`,
    ]),
    ["Title", "Category", "Owner", "Due date", "Status", "Completed on", "Risk", "Risk reasons", "Visibility", "Link"],
  );
  return csvResponse(`accord-milestones-${today}.csv`, csv);
}
