import { formatPlainDate, todayInIndia } from "~/utils/dates";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";

import { Comments, type CommentFormState } from "~/components/Comments";
import { ConsultationIssues } from "~/components/ConsultationIssues";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { commentVisibilitiesFor, defaultCommentVisibility, handleCommentIntent, listComments } from "~/models/comments.server";
import { completeFollowUpAction, consultationHistory, getConsultation, isOverdue, setConsultationArchived } from "~/models/consultations.server";
import { getVisibleIssue, issueChoices, linkConsultation, listIssuesForConsultation } from "~/models/issues.server";
import { listOrganizations } from "~/models/organizations.server";
import { linkIssueSchema } from "~/schemas/issues";
import styles from "~/styles/consultations.css";
import { getDb } from "~/utils/db.server";
import { failure, parseForm, versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { ACTION_STATUS_LABELS, formatDateTime, KIND_LABELS, MODE_LABELS, VISIBILITY_HINTS, VISIBILITY_LABELS } from "~/utils/labels";
import { useReaderTimeZone } from "~/utils/reader";
import { renderMarkdown } from "~/utils/markdown.server";
import { meetingTimes } from "~/utils/time";
import { revalidateAfterConflict } from "~/utils/revalidate";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.consultation.title ?? "Consultation"} · Accord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const db = getDb();
  const detail = await getConsultation(db, user, params.id ?? "");
  if (!detail) notFound();
  const { consultation: c, participants, actions } = detail;
  const target = { entityType: "consultation", entityId: c.id, visibility: c.visibility };
  const today = todayInIndia();
  const canLinkIssues = can(user, "issues:manage") && c.archived_at === null;
  const [comments, history, linkedIssues, issueOptions] = await Promise.all([
    listComments(db, user, target),
    can(user, "consultation:history")
      ? listOrganizations(db, { includeArchived: true }).then((orgs) => consultationHistory(db, user, detail, new Map(orgs.map((o) => [o.id, o.short_name]))))
      : Promise.resolve(null),
    listIssuesForConsultation(db, user, c.id),
    canLinkIssues ? issueChoices(db, user) : Promise.resolve([]),
  ]);
  const linkedIds = new Set(linkedIssues.map((i) => i.id));
  return {
    consultation: {
      id: c.id,
      title: c.title,
      times: meetingTimes(c.starts_at, c.time_zone),
      timeZone: c.time_zone,
      mode: c.mode,
      kind: c.kind,
      location: c.location,
      visibility: c.visibility,
      archivedAt: c.archived_at,
      version: c.version,
      updatedAt: c.updated_at,
      agendaHtml: renderMarkdown(c.agenda),
      notesHtml: renderMarkdown(c.notes),
      outcomeHtml: renderMarkdown(c.outcome),
    },
    participants,
    actions: actions.map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner_short_name,
      ownerName: a.owner_name,
      dueDate: a.due_date,
      status: a.status,
      version: a.version,
      overdue: isOverdue(a, today),
      canComplete: a.status === "open" && can(user, "follow_up:complete", { organizationId: a.owner_organization_id }),
    })),
    comments,
    commentVisibilities: can(user, "comment:create") ? commentVisibilitiesFor(user, c.visibility) : [],
    commentDefault: defaultCommentVisibility(user, c.visibility),
    history,
    linkedIssues,
    issueLinkChoices: issueOptions.filter((i) => !linkedIds.has(i.id)).map((i) => ({ id: i.id, title: i.title })),
    canLinkIssues,
    canEdit: can(user, "consultation:edit", { participantOrganizationIds: participants.map((p) => p.id) }),
  };
}

const completeSchema = z.object({ actionId: z.string().min(1), version: versionField });
const STALE = "This consultation changed since you opened it. Reload the page and try again.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const db = getDb();
  const detail = await getConsultation(db, user, params.id ?? "");
  if (!detail) notFound();
  const c = detail.consultation;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "comment") {
    assertCan(user, "comment:create");
    const result = await handleCommentIntent(db, user, { entityType: "consultation", entityId: c.id, visibility: c.visibility }, formData);
    return data({ ...result.body, intent: "comment" as const }, { status: result.status });
  }

  if (intent === "complete") {
    const parsed = parseForm(completeSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent: "complete" as const }, { status: 400 });
    const result = await completeFollowUpAction(db, user, parsed.data.actionId, parsed.data.version);
    if (!result.ok && (result.reason === "missing" || result.reason === "forbidden")) notFound();
    if (!result.ok) return data({ ...failure({}, {}, "This action changed since you opened the page; it has been reloaded."), intent: "complete" as const }, { status: 409 });
    return data({ ok: true as const, intent: "complete" as const, message: "Action marked done." });
  }

  if (intent === "link-issue") {
    assertCan(user, "issues:manage");
    if (c.archived_at) return data({ ...failure({}, {}, "Restore this consultation before linking issues to it."), intent }, { status: 409 });
    const parsed = parseForm(linkIssueSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    const issue = await getVisibleIssue(db, user, parsed.data.issueId);
    if (!issue || issue.archived_at) return data({ ...failure({ issueId: "Choose an issue from the list." }, parsed.data), intent }, { status: 400 });
    const linked = await linkConsultation(db, user.id, issue.id, c.id);
    return data({ ok: true as const, intent, message: linked === "linked" ? "Issue linked." : "That issue was already linked." });
  }

  if (intent === "archive" || intent === "restore") {
    const version = versionField.safeParse(formData.get("version"));
    if (!version.success) return data({ ...failure({}, {}, "The form is missing its version; reload the page."), intent }, { status: 400 });
    const result = await setConsultationArchived(db, user, c.id, version.data, intent === "archive");
    if (!result.ok && (result.reason === "missing" || result.reason === "forbidden")) notFound();
    if (!result.ok) return data({ ...failure({}, {}, STALE), intent }, { status: 409 });
    return data({ ok: true as const, intent, message: intent === "archive" ? "Consultation archived. It stays readable here." : "Consultation restored." });
  }

  return data({ ...failure({}, {}, "Unknown request."), intent: "unknown" as const }, { status: 400 });
}

export default function ConsultationPage() {
  const zone = useReaderTimeZone();
  const { consultation: c, participants, actions, comments, commentVisibilities, commentDefault, history, linkedIssues, issueLinkChoices, canLinkIssues, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const linkFailure = actionData?.intent === "link-issue" ? failed : undefined;
  const commentState: CommentFormState | undefined =
    actionData?.intent === "comment"
      ? failed
        ? { fieldErrors: failed.fieldErrors, formError: failed.formError, values: failed.values as Record<string, unknown> }
        : { savedCount: "savedCount" in actionData ? Number(actionData.savedCount) : 0 }
      : undefined;
  return (
    <div className="page consultation">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/consultations">Consultations</Link>
          </p>
          <h1>{c.title}</h1>
          <p className="consultation__badges">
            <span className={`badge badge--${c.visibility}`} title={VISIBILITY_HINTS[c.visibility]}>
              {VISIBILITY_LABELS[c.visibility]}
            </span>{" "}
            <span className="badge">{KIND_LABELS[c.kind]}</span> <span className="badge badge--muted">{MODE_LABELS[c.mode]}</span>{" "}
            {c.archivedAt ? <span className="badge badge--warn">Archived {formatDateTime(c.archivedAt, zone)}</span> : null}
          </p>
        </div>
        {canEdit ? (
          <div className="form-actions no-print">
            <Link to={`/consultations/${c.id}/edit`} className="button button--primary">
              Edit
            </Link>
            <Form method="post">
              <input type="hidden" name="version" value={c.version} />
              <input type="hidden" name="intent" value={c.archivedAt ? "restore" : "archive"} />
              <button type="submit" className={c.archivedAt ? "button" : "button button--danger"}>
                {c.archivedAt ? "Restore" : "Archive"}
              </button>
            </Form>
          </div>
        ) : null}
      </header>

      {actionData && "message" in actionData ? (
        <div className="notice notice--ok" role="status">
          {actionData.message}
        </div>
      ) : null}
      {failed?.formError && actionData?.intent !== "comment" ? (
        <div className="notice notice--error" role="alert">
          {failed.formError}
        </div>
      ) : null}

      <section className="card consultation__facts" aria-label="When and who">
        <dl className="facts">
          <div>
            <dt>India (IST)</dt>
            <dd>{c.times.ist}</dd>
          </div>
          <div>
            <dt>Japan (JST)</dt>
            <dd>{c.times.jst}</dd>
          </div>
          {c.times.entered ? (
            <div>
              <dt>As entered ({c.times.entered.zone})</dt>
              <dd>{c.times.entered.text}</dd>
            </div>
          ) : null}
          <div>
            <dt>Location</dt>
            <dd>{c.location ?? "—"}</dd>
          </div>
          <div className="facts__wide">
            <dt>Participants</dt>
            <dd>
              <ul className="chips">
                {participants.map((p) => (
                  <li key={p.id} title={p.name}>
                    {p.name}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      </section>

      <div className="consultation__body">
        <section className="card" aria-labelledby="agenda-title">
          <h2 id="agenda-title">Agenda</h2>
          {c.agendaHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: c.agendaHtml }} /> : <p className="muted">No agenda recorded.</p>}
        </section>
        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title">Notes</h2>
          {c.notesHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: c.notesHtml }} /> : <p className="muted">No notes recorded.</p>}
        </section>
        <section className="card card--outcome" aria-labelledby="outcome-title">
          <h2 id="outcome-title">Outcome</h2>
          {c.outcomeHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: c.outcomeHtml }} /> : <p className="muted">No outcome recorded.</p>}
        </section>
      </div>

      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">Follow-up actions</h2>
        {actions.length === 0 ? (
          <p className="muted">No follow-up actions.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="no-print">
                    <span className="visually-hidden">Mark done</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.id} className={a.overdue ? "row--overdue" : undefined}>
                    <td>{a.description}</td>
                    <td title={a.ownerName}>{a.owner}</td>
                    <td className="nowrap">
                      {formatPlainDate(a.dueDate)}
                      {a.overdue ? (
                        <>
                          {" "}
                          <span className="badge badge--danger">Overdue</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <span className={`badge badge--status-${a.status}`}>{ACTION_STATUS_LABELS[a.status]}</span>
                    </td>
                    <td className="no-print">
                      {a.canComplete ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="complete" />
                          <input type="hidden" name="actionId" value={a.id} />
                          <input type="hidden" name="version" value={a.version} />
                          <button type="submit" className="button button--small" aria-label={`Mark done: ${a.description}`}>
                            Mark done
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {linkedIssues.length > 0 || canLinkIssues ? (
        <ConsultationIssues issues={linkedIssues}>
          {canLinkIssues ? (
            issueLinkChoices.length > 0 ? (
              <Form method="post" className="filters no-print">
                <input type="hidden" name="intent" value="link-issue" />
                <label className="filter">
                  <span>Link an issue</span>
                  <select name="issueId" className="input" defaultValue="" aria-invalid={linkFailure?.fieldErrors.issueId ? true : undefined} aria-describedby={linkFailure?.fieldErrors.issueId ? "issue-link-error" : undefined}>
                    <option value="">Choose an issue…</option>
                    {issueLinkChoices.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.title}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="button">
                  Link issue
                </button>
                {linkFailure?.fieldErrors.issueId ? (
                  <p id="issue-link-error" className="field__error" role="alert">
                    {linkFailure.fieldErrors.issueId}
                  </p>
                ) : null}
              </Form>
            ) : (
              <p className="small muted">Every issue you can see is already linked.</p>
            )
          ) : null}
        </ConsultationIssues>
      ) : null}

      <Comments comments={comments} visibilities={commentVisibilities} defaultVisibility={commentDefault} state={commentState} />

      {history ? (
        <section className="card history" aria-labelledby="history-title">
          <h2 id="history-title">Change history</h2>
          {/* Versions the reader could not have seen are left out, so the list may be empty. */}
          {history.length === 0 ? (
            <p className="muted">No changes you may see are recorded.</p>
          ) : (
            <ol className="history__list">
              {history.map((h) => (
                <li key={h.id}>
                  <p className="small">
                    <strong>{h.actor}</strong> · {h.label} <span className="muted">· {formatDateTime(h.at, zone)}</span>
                  </p>
                  {h.changes.length > 0 ? (
                    <table className="table table--dense history__changes">
                      <tbody>
                        {h.changes.map((ch, i) => (
                          <tr key={i}>
                            <th scope="row">{ch.field}</th>
                            <td>
                              <del>{ch.before}</del>
                            </td>
                            <td>
                              <ins>{ch.after}</ins>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}
