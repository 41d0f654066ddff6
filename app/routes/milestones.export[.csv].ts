import type { LoaderFunctionArgs } from "@remix-run/node";

import { getFixedT } from "~/i18n.server";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listMilestones, parseMilestoneFilter } from "~/models/milestones.server";
import { todayInIndia } from "~/utils/clock";
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
  // Headers and labels in the reader's language (the file is for people); dates stay ISO.
  const t = await getFixedT(request, "milestones");
  const csv = toCsv(
    rows.map((r) => [
      r.title,
      t(`labels:milestoneCategory.${r.category}`),
      r.owner_name,
      r.due_date,
      t(`labels:milestoneStatus.${r.status}`),
      r.completed_on ?? "",
      t(`labels:milestoneRisk.${r.risk.level}`),
      riskReasonsText(r.risk.reasons, t),
      t(`labels:visibility.${r.visibility}`),
      `${url.origin}/milestones/${r.id}`,
    ]),
    [
      t("csv.title"),
      t("csv.category"),
      t("csv.owner"),
      t("csv.dueDate"),
      t("csv.status"),
      t("csv.completedOn"),
      t("csv.risk"),
      t("csv.riskReasons"),
      t("csv.visibility"),
      t("csv.link"),
    ],
  );
  return csvResponse(`accord-milestones-${today}.csv`, csv);
}
