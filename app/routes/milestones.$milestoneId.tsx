import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ArchiveCard } from "~/components/ArchiveCard";
import { Documents } from "~/components/Documents";
import { FormError, Notice } from "~/components/forms";
import { ListTable } from "~/components/ListKit";
import { RiskBadge, StatusBadge } from "~/components/MilestoneBadges";
import { MilestoneForm, ProgressForm } from "~/components/MilestoneForm";
import { RecordTags } from "~/components/RecordTags";
import { assertCan, can, canReadField } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { recordDocuments } from "~/models/documents.server";
import type { Risk } from "~/models/milestone-rules";
import {
  dependencyIdsOf,
  getMilestone,
  linkedIssuesOf,
  milestoneFormOptions,
  neighboursOf,
  partiesOf,
  setMilestoneArchived,
  statusHistoryOf,
  updateMilestone,
  updateProgress,
  visibleGraph,
  type MilestoneLink,
  type MilestoneWriteResult,
} from "~/models/milestones.server";
import { handleTagIntent, tagChoices, tagsOf } from "~/models/tags.server";
import { milestoneEditSchema, milestoneProgressSchema } from "~/schemas/milestones";
import styles from "~/styles/milestones.css";
import { todayInIndia } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { failure, parseForm, versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { ISSUE_STATUS_BADGES } from "~/utils/issue-labels";
import { riskReasonText } from "~/utils/messages";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { stylesheetLinks } from "~/utils/route-head";
import type { MilestoneStatus } from "~db/schema";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links = stylesheetLinks(styles);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "app.plain", { text: data.milestone.title })
      : pageTitle(matches, "milestones:detail.fallbackTitle"),
  },
];

const NO_RISK: Risk = { level: "on_track", late: false, threatened: false, reasons: [] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "milestones:read");
  const db = getDb();
  const milestone = await getMilestone(db, user, params.milestoneId ?? "");
  if (!milestone) notFound();
  const today = todayInIndia();
  const canManage = can(user, "milestones:manage");
  const live = milestone.archived_at === null;
  const canTag = canManage && live;
  const [{ risks }, neighbours, parties, history, dependsOn, issues, options, tags, tagOptions] = await Promise.all([
    visibleGraph(db, user, today),
    neighboursOf(db, user, milestone.id),
    partiesOf(db, milestone.id),
    statusHistoryOf(db, user, milestone.id),
    dependencyIdsOf(db, milestone.id),
    linkedIssuesOf(db, user, milestone.id),
    canManage && live ? milestoneFormOptions(db, user, milestone.id) : null,
    tagsOf(db, user, "milestone", [milestone.id]).then((m) => m.get(milestone.id) ?? []),
    canTag ? tagChoices(db, user) : Promise.resolve([]),
  ]);
  const withRisk = (m: MilestoneLink) => ({ ...m, risk: risks.get(m.id) ?? NO_RISK });
  return {
    today,
    milestone,
    attachments: await recordDocuments(db, user, "milestone", milestone.id),
    risk: live ? (risks.get(milestone.id) ?? NO_RISK) : NO_RISK,
    upstream: neighbours.upstream.map(withRisk),
    downstream: neighbours.downstream.map(withRisk),
    parties: canReadField(user, "milestone.parties") ? parties : null,
    history,
    issues,
    // Only ids the editor can see: the form cannot offer, or keep, what it cannot show.
    dependsOn: options ? dependsOn.filter((id) => options.dependencies.some((d) => d.id === id)) : [],
    options,
    canManage,
    canTag,
    tags,
    tagOptions,
    canProgress: live && can(user, "milestones:progress", { organizationId: milestone.owner_organization_id }),
  };
}

const CONFLICT =
  "Someone else changed this milestone while you were editing. Your input is kept: compare it with the details shown, then save again to apply it.";

type Intent = "save" | "progress" | "archive" | "other" | "tag-add" | "tag-remove";

/** A failed post, tagged with the form it came from so the page shows it beside that form. */
function refusal(
  intent: Intent,
  status: 400 | 409,
  fieldErrors: Record<string, string>,
  values: Record<string, unknown>,
  formError?: string,
) {
  return data({ ...failure(fieldErrors, values, formError), intent }, { status });
}

function refused(intent: Intent, result: Exclude<MilestoneWriteResult, { ok: true }>, values: Record<string, unknown>) {
  if (result.reason === "not_found") notFound();
  if (result.reason === "conflict") return refusal(intent, 409, {}, values, CONFLICT);
  return refusal(intent, 400, result.fieldErrors, values, "Check the fields marked below.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "milestones:read");
  const db = getDb();
  const milestone = await getMilestone(db, user, params.milestoneId ?? "");
  if (!milestone) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "archive" || intent === "restore") {
    assertCan(user, "milestones:manage");
    const version = versionField.safeParse(formData.get("version"));
    if (!version.success) return refusal("archive", 400, {}, {}, "The form is missing its version; reload the page.");
    const result = await setMilestoneArchived(db, user, milestone.id, version.data, intent === "archive");
    if (!result.ok) return refused("archive", result, {});
    return data({ ok: true as const, message: intent === "archive" ? "Milestone archived." : "Milestone restored." });
  }

  if (milestone.archived_at !== null)
    return refusal("other", 409, {}, {}, "This milestone is archived. Restore it before changing it.");

  if (intent === "tag-add" || intent === "tag-remove") {
    assertCan(user, "milestones:manage");
    const result = await handleTagIntent(
      db,
      user,
      { kind: "milestone", id: milestone.id, visibility: milestone.visibility },
      intent,
      formData,
    );
    return data({ ...result.body, intent }, { status: result.status });
  }

  if (intent === "progress") {
    assertCan(user, "milestones:progress", { organizationId: milestone.owner_organization_id });
    const parsed = parseForm(milestoneProgressSchema, formData);
    if (!parsed.ok) return refusal("progress", 400, parsed.fieldErrors, parsed.values, parsed.formError);
    const result = await updateProgress(db, user, milestone.id, parsed.data.version, parsed.data);
    if (!result.ok) return refused("progress", result, parsed.data);
    return data({ ok: true as const, message: "Progress saved." });
  }

  if (intent === "save") {
    assertCan(user, "milestones:manage");
    const parsed = parseForm(milestoneEditSchema, formData);
    if (!parsed.ok) return refusal("save", 400, parsed.fieldErrors, parsed.values, parsed.formError);
    const result = await updateMilestone(db, user, milestone.id, parsed.data.version, parsed.data);
    if (!result.ok) return refused("save", result, parsed.data);
    return data({ ok: true as const, message: "Saved." });
  }

  return refusal("other", 400, {}, {}, "Unknown action.");
}

function NeighbourList({
  items,
  empty,
}: {
  items: {
    id: string;
    title: string;
    due_date: string;
    status: MilestoneStatus;
    archived_at: string | null;
    risk: Risk;
  }[];
  empty: string;
}) {
  const { t } = useTranslation("milestones");
  const fmt = useFormat();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="neighbours">
      {items.map((m) => (
        <li key={m.id}>
          <Link to={`/milestones/${m.id}`}>{m.title}</Link>
          <span className="neighbours__meta">
            {t("detail.due", { date: fmt.plainDate(m.due_date) })} · <StatusBadge status={m.status} />{" "}
            {m.archived_at ? (
              <span className="badge badge--muted">{t("detail.archivedBadge")}</span>
            ) : (
              <RiskBadge level={m.risk.level} />
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function MilestonePage() {
  const fmt = useFormat();
  const {
    attachments,
    milestone,
    risk,
    upstream,
    downstream,
    parties,
    history,
    issues,
    dependsOn,
    options,
    canManage,
    canProgress,
    today,
    tags,
    tagOptions,
    canTag,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const progressFailed = failed?.intent === "progress" ? failed : undefined;
  const editFailed = failed?.intent === "save" ? failed : undefined;
  const { t } = useTranslation("milestones");
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/milestones">{t("list.title")}</Link> · <Link to="/milestones/timeline">{t("list.timeline")}</Link>
        </p>
        <h1>{milestone.title}</h1>
        <p className="badges">
          <StatusBadge status={milestone.status} />
          {milestone.archived_at ? (
            <span className="badge badge--muted">{t("detail.archived", { date: fmt.dateTime(milestone.archived_at) })}</span>
          ) : (
            <RiskBadge level={risk.level} />
          )}
          <span className="badge badge--muted" title={t(`labels:visibilityHint.${milestone.visibility}`)}>
            {t(`labels:visibility.${milestone.visibility}`)}
          </span>
        </p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      {failed?.formError && !progressFailed && !editFailed ? <FormError message={failed.formError} /> : null}
      {risk.reasons.length > 0 ? (
        <section
          className={risk.late ? "notice notice--error risk-notice" : "notice notice--warn risk-notice"}
          aria-labelledby="risk-title"
        >
          <h2 id="risk-title" className="risk-notice__title">
            {t(risk.late ? "detail.lateAsOf" : "detail.threatenedAsOf", { date: fmt.plainDate(today) })}
          </h2>
          <ul>
            {risk.reasons
              .map((r) => riskReasonText(r, t))
              .map((reason) => (
                <li key={reason}>{t("detail.reason", { text: reason.charAt(0).toUpperCase() + reason.slice(1) })}</li>
              ))}
          </ul>
        </section>
      ) : null}
      <div className="grid-2 grid-2--top">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t("detail.details")}</h2>
          {milestone.description ? <p>{milestone.description}</p> : null}
          <dl className="facts">
            <dt>{t("list.category")}</dt>
            <dd>{t(`labels:milestoneCategory.${milestone.category}`)}</dd>
            <dt>{t("list.owner")}</dt>
            <dd>{milestone.owner_name}</dd>
            <dt>{t("list.colDue")}</dt>
            <dd>{fmt.plainDate(milestone.due_date)}</dd>
            <dt>{t("detail.completed")}</dt>
            <dd>{fmt.plainDate(milestone.completed_on)}</dd>
            {parties ? (
              <>
                <dt>{t("form.parties")}</dt>
                <dd>{parties.length ? parties.map((p) => p.name).join(t("detail.listSeparator")) : t("detail.noParties")}</dd>
              </>
            ) : null}
            <dt>{t("form.progressNote")}</dt>
            <dd>{milestone.progress_note || "—"}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="deps-title">
          <h2 id="deps-title">{t("detail.dependencies")}</h2>
          <h3>{t("detail.upstream")}</h3>
          <NeighbourList items={upstream} empty={t("detail.noUpstream")} />
          <h3>{t("detail.downstream")}</h3>
          <NeighbourList items={downstream} empty={t("detail.noDownstream")} />
        </section>
      </div>
      <section className="card" aria-labelledby="issues-title">
        <h2 id="issues-title">{t("form.issues")}</h2>
        {issues.length === 0 ? (
          <p className="muted">{t("detail.noIssues")}</p>
        ) : (
          <ul className="neighbours">
            {issues.map((i) => (
              <li key={i.id}>
                <Link to={`/issues/${i.id}`}>{i.title}</Link>
                <span className="neighbours__meta">
                  <span className={ISSUE_STATUS_BADGES[i.status]}>{t(`labels:issueStatus.${i.status}`)}</span>{" "}
                  {i.archived_at ? <span className="badge badge--muted">{t("detail.archivedBadge")}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RecordTags
        tags={tags}
        choices={tagOptions}
        canEdit={canTag}
        errors={failed?.intent === "tag-add" ? failed.fieldErrors : undefined}
      />
      {canProgress && !canManage ? (
        <section className="card no-print" aria-labelledby="progress-title">
          <h2 id="progress-title">{t("detail.reportProgress")}</h2>
          <p className="muted">{t("detail.reportProgressHint")}</p>
          <ProgressForm
            key={`progress-${milestone.version}`}
            version={milestone.version}
            defaultValues={{
              status: milestone.status,
              completedOn: milestone.completed_on ?? "",
              progressNote: milestone.progress_note,
              ...(progressFailed?.values ?? {}),
            }}
            serverErrors={progressFailed?.fieldErrors}
            formError={progressFailed?.formError}
          />
        </section>
      ) : null}
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("detail.history")}</h2>
        {history.length === 0 ? (
          <p className="muted">{t("detail.noHistory")}</p>
        ) : (
          <ListTable columns={[t("detail.when"), t("detail.who"), t("list.status"), t("detail.note")]} dense>
            {history.map((h) => (
              <tr key={h.id}>
                <td className="nowrap">{fmt.dateTime(h.at)}</td>
                <td>{h.actor}</td>
                <td>
                  {h.from && h.from !== h.to
                    ? t("detail.statusChange", {
                        from: t(`labels:milestoneStatus.${h.from}`),
                        to: t(`labels:milestoneStatus.${h.to}`),
                      })
                    : t(h.from ? "detail.statusSame" : "detail.statusCreated", { to: t(`labels:milestoneStatus.${h.to}`) })}
                  {h.to === "done" && h.completedOn ? t("detail.completedOn", { date: fmt.plainDate(h.completedOn) }) : ""}
                </td>
                <td>{h.note ?? ""}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </section>
      {canManage && options ? (
        <section className="card no-print" aria-labelledby="edit-title">
          <h2 id="edit-title">{t("detail.edit")}</h2>
          <MilestoneForm
            key={`edit-${milestone.version}`}
            options={options}
            milestoneId={milestone.id}
            version={milestone.version}
            submitLabel={t("detail.save")}
            defaultValues={{
              title: milestone.title,
              description: milestone.description,
              category: milestone.category,
              ownerOrganizationId: milestone.owner_organization_id,
              dueDate: milestone.due_date,
              status: milestone.status,
              completedOn: milestone.completed_on ?? "",
              progressNote: milestone.progress_note,
              visibility: milestone.visibility,
              dependsOn,
              partyOrganizationIds: parties?.map((p) => p.id) ?? [],
              issueIds: issues.map((i) => i.id),
              ...(editFailed?.values ?? {}),
            }}
            serverErrors={editFailed?.fieldErrors}
            formError={editFailed?.formError}
          />
        </section>
      ) : null}
      {canManage ? (
        <ArchiveCard
          archived={Boolean(milestone.archived_at)}
          version={milestone.version}
          noun="milestone"
          archiveLabel={t("detail.archive")}
          restoreLabel={t("detail.restore")}
          className="card no-print"
          restoreNote={t("detail.restoreNote")}
          archiveNote={t("detail.archiveNote")}
        />
      ) : null}
      <Documents documents={attachments.documents} attachHref={attachments.attachHref} />
    </div>
  );
}
