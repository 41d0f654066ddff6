import type { LoaderFunctionArgs } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { agreementExportRows } from "~/models/clauses.server";
import { CLAUSE_STATUS_LABELS, CLAUSE_TOPIC_LABELS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { csvResponse, toCsv } from "~/utils/csv.server";
import { getDb } from "~/utils/db.server";

/** The clause register and every proposal the reader may see, one row each, one file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "agreement:read");
  const rows = await agreementExportRows(getDb(), user);
  const records = rows.flatMap(({ clause, proposals }) => {
    const head = [
      clause.reference,
      clause.title,
      CLAUSE_TOPIC_LABELS[clause.topic],
      CLAUSE_STATUS_LABELS[clause.status],
      clause.issues.map((i) => i.title).join("; "),
      clause.illustrative ? "illustrative" : "",
    ];
    if (proposals.length === 0) return [[...head, "", "", "", ""]];
    return proposals.map((p) => [
      ...head,
      p.organization,
      p.text,
      VISIBILITY_LABELS[p.visibility],
      p.inConcurrence ? "in concurrence" : (p.tabledAt ?? "tabled as made"),
    ]);
  });
  const csv = toCsv(records, [
    "Clause",
    "Title",
    "Topic",
    "Status",
    "Issues",
    "Text",
    "Proposal by",
    "Proposed wording",
    "Visibility",
    "Tabled",
  ]);
  return csvResponse("accord-agreement.csv", csv);
}
