import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ArchiveCard } from "~/components/ArchiveCard";
import { FormError, Notice } from "~/components/forms";
import { ListTable } from "~/components/ListKit";
import { RiskBadge, StatusBadge } from "~/components/MilestoneBadges";
import { MilestoneForm, ProgressForm } from "~/components/MilestoneForm";
import { RecordTags } from "~/components/RecordTags";
import { assertCan, can, canReadField } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
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
import { MILESTONE_CATEGORY_LABELS, MILESTONE_STATUS_LABELS, VISIBILITY_HINTS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { formatPlainDate, useFormat } from "~/utils/format";
import { failure, parseForm, versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { ISSUE_STATUS_BADGES, ISSUE_STATUS_LABELS } from "~/utils/issue-labels";
import { riskReasonText } from "~/utils/messages";
import { revalidateAfterConflict } from "~/utils/revalidate";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.milestone.title ?? "Milestone"} · Accord` }];

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
    status: keyof typeof MILESTONE_STATUS_LABELS;
    archived_at: string | null;
    risk: Risk;
  }[];
  empty: string;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="neighbours">
      {items.map((m) => (
        <li key={m.id}>
          <Link to={`/milestones/${m.id}`}>{m.title}</Link>
          <span className="neighbours__meta">
            due {formatPlainDate(m.due_date)} · <StatusBadge status={m.status} />{" "}
            {m.archived_at ? <span className="badge badge--muted">Archived</span> : <RiskBadge level={m.risk.level} />}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function MilestonePage() {
  const fmt = useFormat();
  const {
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
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/milestones">Milestones</Link> · <Link to="/milestones/timeline">Timeline</Link>
        </p>
        <h1>{milestone.title}</h1>
        <p className="badges">
          <StatusBadge status={milestone.status} />
          {milestone.archived_at ? (
            <span className="badge badge--muted">Archived {fmt.dateTime(milestone.archived_at)}</span>
          ) : (
            <RiskBadge level={risk.level} />
          )}
          <span className="badge badge--muted" title={VISIBILITY_HINTS[milestone.visibility]}>
            {VISIBILITY_LABELS[milestone.visibility]}
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
            {risk.late ? "Late" : "Threatened"} as of {formatPlainDate(today)}
          </h2>
          <ul>
            {risk.reasons.map(riskReasonText).map((reason) => (
              <li key={reason}>{reason.charAt(0).toUpperCase() + reason.slice(1)}.</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid-2 grid-2--top">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          {milestone.description ? <p>{milestone.description}</p> : null}
          <dl className="facts">
            <dt>Category</dt>
            <dd>{MILESTONE_CATEGORY_LABELS[milestone.category]}</dd>
            <dt>Owner</dt>
            <dd>{milestone.owner_name}</dd>
            <dt>Due</dt>
            <dd>{formatPlainDate(milestone.due_date)}</dd>
            <dt>Completed</dt>
            <dd>{formatPlainDate(milestone.completed_on)}</dd>
            {parties ? (
              <>
                <dt>Parties</dt>
                <dd>{parties.length ? parties.map((p) => p.name).join(", ") : "None besides the owner"}</dd>
              </>
            ) : null}
            <dt>Progress note</dt>
            <dd>{milestone.progress_note || "—"}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="deps-title">
          <h2 id="deps-title">Dependencies</h2>
          <h3>Upstream: depends on</h3>
          <NeighbourList items={upstream} empty="Depends on no other milestone." />
          <h3>Downstream: needed by</h3>
          <NeighbourList items={downstream} empty="No milestone waits on this one." />
        </section>
      </div>
      <section className="card" aria-labelledby="issues-title">
        <h2 id="issues-title">Linked negotiation issues</h2>
        {issues.length === 0 ? (
          <p className="muted">No negotiation issue you can see is linked to this milestone.</p>
        ) : (
          <ul className="neighbours">
            {issues.map((i) => (
              <li key={i.id}>
                <Link to={`/issues/${i.id}`}>{i.title}</Link>
                <span className="neighbours__meta">
                  <span className={ISSUE_STATUS_BADGES[i.status]}>{ISSUE_STATUS_LABELS[i.status]}</span>{" "}
                  {i.archived_at ? <span className="badge badge--muted">Archived</span> : null}
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
          <h2 id="progress-title">Report progress</h2>
          <p className="muted">As the owner organization, update the status, the progress note and the completion date.</p>
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
        <h2 id="history-title">Status history</h2>
        {history.length === 0 ? (
          <p className="muted">No status changes you may see are recorded.</p>
        ) : (
          <ListTable columns={["When", "Who", "Status", "Note"]} dense>
            {history.map((h) => (
              <tr key={h.id}>
                <td className="nowrap">{fmt.dateTime(h.at)}</td>
                <td>{h.actor}</td>
                <td>
                  {h.from && h.from !== h.to ? `${MILESTONE_STATUS_LABELS[h.from]} → ` : h.from ? "" : "Created as "}
                  {MILESTONE_STATUS_LABELS[h.to]}
                  {h.to === "done" && h.completedOn ? ` (completed ${formatPlainDate(h.completedOn)})` : ""}
                </td>
                <td>{h.note ?? ""}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </section>
      {canManage && options ? (
        <section className="card no-print" aria-labelledby="edit-title">
          <h2 id="edit-title">Edit milestone</h2>
          <MilestoneForm
            key={`edit-${milestone.version}`}
            options={options}
            milestoneId={milestone.id}
            version={milestone.version}
            submitLabel="Save changes"
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
          className="card no-print"
          restoreNote={"Restoring puts the milestone back on the list, the timeline and the calendar feeds."}
          archiveNote={
            "An archived milestone leaves the list, the timeline and the calendar feeds. Nothing is deleted and its history stays."
          }
        />
      ) : null}
    </div>
  );
}
