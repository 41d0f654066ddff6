import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { formatPlainDate } from "~/utils/format";
import type { ActionStatus } from "~db/schema";

export interface FollowUpActionItem {
  id: string;
  description: string;
  /** The owner's short name, with its full name on hover. */
  owner: string;
  ownerName: string;
  dueDate: string | null;
  status: ActionStatus;
  version: number;
  overdue: boolean;
  canComplete: boolean;
}

/**
 * One follow-up action as a table row: what, who owes it, by when (and whether it is late), its
 * status, and the button that marks it done for those who may. `consultation` adds the column
 * naming where it was agreed (the cross-consultation list). The page's action takes `complete`.
 */
export function FollowUpActionRow({
  action: a,
  consultation,
}: {
  action: FollowUpActionItem;
  consultation?: { id: string; title: string };
}) {
  const { t } = useTranslation("consultations");
  return (
    <tr className={a.overdue ? "row--overdue" : undefined}>
      <td>{a.description}</td>
      <td title={a.ownerName}>{a.owner}</td>
      <td className="nowrap">
        {formatPlainDate(a.dueDate)}
        {a.overdue ? (
          <>
            {" "}
            <span className="badge badge--danger">{t("detail.overdue")}</span>
          </>
        ) : null}
      </td>
      <td>
        <span className={`badge badge--status-${a.status}`}>{t(`labels:actionStatus.${a.status}`)}</span>
      </td>
      {consultation ? (
        <td>
          <Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link>
        </td>
      ) : null}
      <td className="no-print">
        {a.canComplete ? (
          <Form method="post">
            <input type="hidden" name="intent" value="complete" />
            <input type="hidden" name="actionId" value={a.id} />
            <input type="hidden" name="version" value={a.version} />
            <button type="submit" className="button button--small" aria-label={t("detail.markDoneOf", { action: a.description })}>
              {t("detail.markDone")}
            </button>
          </Form>
        ) : null}
      </td>
    </tr>
  );
}
