import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ISSUE_STATUS_BADGES } from "~/utils/issue-labels";
import type { IssueStatus } from "~db/schema";

/**
 * The issues a consultation discussed, for the consultation page. Pass the result of
 * `listIssuesForConsultation(db, user, consultationId)` from the loader: it holds only the issues
 * that user may see. `children` (for example a form to link another issue) go below the list.
 */
export function ConsultationIssues({
  issues,
  children,
}: {
  issues: readonly { id: string; title: string; status: IssueStatus }[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="consultation-issues-title">
      <h2 id="consultation-issues-title">{t("consultationIssues.title")}</h2>
      {issues.length === 0 ? (
        <p className="muted">{t("consultationIssues.none")}</p>
      ) : (
        <ul>
          {issues.map((issue) => (
            <li key={issue.id}>
              <Link to={`/issues/${issue.id}`}>{issue.title}</Link>{" "}
              <span className={ISSUE_STATUS_BADGES[issue.status]}>{t(`labels:issueStatus.${issue.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
