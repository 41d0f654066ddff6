import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ArchiveCard } from "~/components/ArchiveCard";
import { Notice } from "~/components/forms";
import { IssueForm } from "~/components/IssueForm";
import { assertCan, assignableVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import {
  getVisibleIssue,
  partiesOf,
  partyCandidates,
  setIssueArchived,
  unknownParties,
  updateIssue,
} from "~/models/issues.server";
import { issueEditSchema } from "~/schemas/issues";
import styles from "~/styles/positions.css";
import { getDb } from "~/utils/db.server";
import { archiveOrRestore, checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { stylesheetLinks } from "~/utils/route-head";
import { translateMessage } from "~/utils/translate";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links = stylesheetLinks(styles);
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "issues:edit.titleOf", { title: data.issue.title })
      : pageTitle(matches, "issues:edit.title"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:manage");
  const db = getDb();
  const issue = await getVisibleIssue(db, user, params.issueId ?? "");
  if (!issue) notFound();
  const parties = (await partiesOf(db, [issue.id])).map((p) => p.organization_id);
  return { issue, parties, organizations: await partyCandidates(db, parties), visibilities: assignableVisibilities(user) };
}

const CONFLICT =
  "Someone else changed this issue while you were editing. Your input is kept: compare it with the issue as it is now, then save again to apply it.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:manage");
  const db = getDb();
  const issue = await getVisibleIssue(db, user, params.issueId ?? "");
  if (!issue) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "archive" || intent === "restore") {
    return archiveOrRestore(formData, (version, archive) => setIssueArchived(db, user.id, issue.id, version, archive), {
      conflict: CONFLICT,
      archived: "Issue archived.",
      restored: "Issue restored.",
    });
  }

  const parsed = checkForm(issueEditSchema, formData);
  if (!parsed.ok) return parsed.response;
  if (!assignableVisibilities(user).includes(parsed.data.visibility)) {
    return invalidForm({ visibility: "Choose a visibility you may give." }, parsed.data);
  }
  const current = (await partiesOf(db, [issue.id])).map((p) => p.organization_id);
  if ((await unknownParties(db, parsed.data.parties, current)).length) {
    return invalidForm({ parties: "Choose parties from the list." }, parsed.data);
  }
  const result = await updateIssue(db, user.id, issue.id, parsed.data.version, parsed.data);
  if (!result.ok) return invalidForm({}, parsed.data, CONFLICT, 409);
  return data({ ok: true as const, message: "Saved." });
}

export default function EditIssuePage() {
  const fmt = useFormat();
  const { issue, parties, organizations, visibilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("issues");
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/issues">{t("detail.register")}</Link> / <Link to={`/issues/${issue.id}`}>{issue.title}</Link>
        </p>
        <h1>{t("edit.title")}</h1>
      </header>
      {actionData && "message" in actionData ? (
        <Notice>
          {translateMessage(i18n, actionData.message)} <Link to={`/issues/${issue.id}`}>{t("edit.back")}</Link>
        </Notice>
      ) : null}
      <div className="grid-2 grid-2--top">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t("edit.details")}</h2>
          <IssueForm
            key={issue.version}
            submitLabel={t("edit.save")}
            cancelTo={`/issues/${issue.id}`}
            version={issue.version}
            organizations={organizations}
            visibilities={visibilities}
            defaultValues={{
              title: issue.title,
              description: issue.description,
              status: issue.status,
              priority: issue.priority,
              visibility: issue.visibility,
              parties,
              ...(failed?.values ?? {}),
            }}
            serverErrors={failed?.fieldErrors}
            formError={failed?.formError}
          />
        </section>
        <ArchiveCard
          archived={Boolean(issue.archived_at)}
          version={issue.version}
          archiveLabel={t("edit.archive")}
          restoreLabel={t("edit.restore")}
          restoreNote={t("edit.restoreNote", { date: fmt.date(issue.archived_at) })}
          archiveNote={t("edit.archiveNote")}
        />
      </div>
    </div>
  );
}
