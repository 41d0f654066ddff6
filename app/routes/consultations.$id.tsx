import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";

import { ArchiveButton } from "~/components/ArchiveCard";
import { Attendees } from "~/components/Attendees";
import { Comments, type CommentFormState } from "~/components/Comments";
import { ConsultationIssues } from "~/components/ConsultationIssues";
import { Documents } from "~/components/Documents";
import { FollowUpActionRow } from "~/components/FollowUpActions";
import { FieldErrorText, FormError, Notice } from "~/components/forms";
import { ListTable } from "~/components/ListKit";
import { RecordTags } from "~/components/RecordTags";
import { assertCan, can } from "~/models/access.server";
import { addAttendee, attendeeChoices, delegationsOf, removeAttendee, setDelegationLead } from "~/models/attendees.server";
import { requireUser } from "~/models/auth.server";
import { commentVisibilitiesFor, defaultCommentVisibility, handleCommentIntent, listComments } from "~/models/comments.server";
import {
  completeFollowUpAction,
  consultationHistory,
  getConsultation,
  isOverdue,
  setConsultationArchived,
} from "~/models/consultations.server";
import { recordDocuments } from "~/models/documents.server";
import { getVisibleIssue, issueChoices, linkConsultation, listIssuesForConsultation } from "~/models/issues.server";
import { listOrganizations } from "~/models/organizations.server";
import { handleTagIntent, tagChoices, tagsOf } from "~/models/tags.server";
import { attendeeRefSchema, attendeeSchema } from "~/schemas/contacts";
import { linkIssueSchema } from "~/schemas/issues";
import styles from "~/styles/consultations.css";
import { todayInIndia } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { meetingTimes, useFormat } from "~/utils/format";
import { failure, parseForm, versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { historyEventLabel, historyFieldLabel } from "~/utils/messages";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { stylesheetLinks } from "~/utils/route-head";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links = stylesheetLinks(styles);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "app.plain", { text: data.consultation.title })
      : pageTitle(matches, "consultations:detail.fallbackTitle"),
  },
];

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
  const canEdit = can(user, "consultation:edit", { participantOrganizationIds: participants.map((p) => p.id) });
  const canEditPeople = canEdit && c.archived_at === null;
  const [comments, history, linkedIssues, issueOptions, attachments, delegations, personChoices, tags, tagOptions] =
    await Promise.all([
      listComments(db, user, target),
      can(user, "consultation:history")
        ? listOrganizations(db, { includeArchived: true }).then((orgs) =>
            consultationHistory(db, user, detail, new Map(orgs.map((o) => [o.id, o.short_name]))),
          )
        : Promise.resolve(null),
      listIssuesForConsultation(db, user, c.id),
      canLinkIssues ? issueChoices(db, user) : Promise.resolve([]),
      recordDocuments(db, user, "consultation", c.id),
      delegationsOf(db, user, c.id, participants),
      canEditPeople
        ? attendeeChoices(
            db,
            user,
            participants.map((p) => p.id),
          )
        : Promise.resolve([]),
      tagsOf(db, user, "consultation", [c.id]).then((m) => m.get(c.id) ?? []),
      canEditPeople ? tagChoices(db, user) : Promise.resolve([]),
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
    attachments,
    commentVisibilities: can(user, "comment:create") ? commentVisibilitiesFor(user, c.visibility) : [],
    commentDefault: defaultCommentVisibility(user, c.visibility),
    history,
    linkedIssues,
    issueLinkChoices: issueOptions.filter((i) => !linkedIds.has(i.id)).map((i) => ({ id: i.id, title: i.title })),
    canLinkIssues,
    canEdit,
    canEditPeople,
    delegations,
    personChoices,
    tags,
    tagOptions,
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
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (
    intent === "attendee-add" ||
    intent === "attendee-remove" ||
    intent === "attendee-lead" ||
    intent === "tag-add" ||
    intent === "tag-remove"
  ) {
    // Attendees and tags are edited by whoever may edit the consultation, while it is live.
    const participantIds = detail.participants.map((p) => p.id);
    assertCan(user, "consultation:edit", { participantOrganizationIds: participantIds });
    if (c.archived_at) return invalidForm({}, {}, "Restore this consultation before changing it.", 409, { intent });
    if (intent === "tag-add" || intent === "tag-remove") {
      const result = await handleTagIntent(
        db,
        user,
        { kind: "consultation", id: c.id, visibility: c.visibility },
        intent,
        formData,
      );
      return data({ ...result.body, intent }, { status: result.status });
    }
    if (intent === "attendee-add") {
      const parsed = checkForm(attendeeSchema, formData, { intent });
      if (!parsed.ok) return parsed.response;
      const result = await addAttendee(db, user, c.id, participantIds, parsed.data);
      if (!result.ok) {
        const message =
          result.code === "already_attending"
            ? "This person is already listed as attending."
            : result.code === "not_participant"
              ? "This person's organization did not take part in this consultation."
              : "Choose who attended from the list.";
        return invalidForm({ person: message }, parsed.data, undefined, 400, { intent });
      }
      return data({ ok: true as const, intent, message: "Attendee added." });
    }
    const parsed = checkForm(attendeeRefSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    if (intent === "attendee-remove") {
      await removeAttendee(db, user, c.id, parsed.data.attendeeId);
      return data({ ok: true as const, intent, message: "Attendee removed." });
    }
    const found = await setDelegationLead(db, user, c.id, parsed.data.attendeeId);
    if (!found) return invalidForm({}, {}, "That attendee is no longer listed; the page has been reloaded.", 409, { intent });
    return data({ ok: true as const, intent, message: "Delegation lead recorded." });
  }

  if (intent === "comment") {
    assertCan(user, "comment:create");
    const result = await handleCommentIntent(
      db,
      user,
      { entityType: "consultation", entityId: c.id, visibility: c.visibility },
      formData,
    );
    return data({ ...result.body, intent: "comment" as const }, { status: result.status });
  }

  if (intent === "complete") {
    const parsed = parseForm(completeSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent: "complete" as const }, { status: 400 });
    const result = await completeFollowUpAction(db, user, parsed.data.actionId, parsed.data.version);
    if (!result.ok && (result.reason === "not_found" || (result.reason === "refused" && result.code === "forbidden"))) notFound();
    if (!result.ok)
      return data(
        {
          ...failure({}, {}, "This action changed since you opened the page; it has been reloaded."),
          intent: "complete" as const,
        },
        { status: 409 },
      );
    return data({ ok: true as const, intent: "complete" as const, message: "Action marked done." });
  }

  if (intent === "link-issue") {
    assertCan(user, "issues:manage");
    if (c.archived_at) return invalidForm({}, {}, "Restore this consultation before linking issues to it.", 409, { intent });
    const parsed = checkForm(linkIssueSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const issue = await getVisibleIssue(db, user, parsed.data.issueId);
    if (!issue || issue.archived_at)
      return invalidForm({ issueId: "Choose an issue from the list." }, parsed.data, undefined, 400, { intent });
    const linked = await linkConsultation(db, user.id, issue.id, c.id);
    return data({ ok: true as const, intent, message: linked === "linked" ? "Issue linked." : "That issue was already linked." });
  }

  if (intent === "archive" || intent === "restore") {
    const version = versionField.safeParse(formData.get("version"));
    if (!version.success) return invalidForm({}, {}, "The form is missing its version; reload the page.", 400, { intent });
    const result = await setConsultationArchived(db, user, c.id, version.data, intent === "archive");
    if (!result.ok && (result.reason === "not_found" || (result.reason === "refused" && result.code === "forbidden"))) notFound();
    if (!result.ok) return invalidForm({}, {}, STALE, 409, { intent });
    return data({
      ok: true as const,
      intent,
      message: intent === "archive" ? "Consultation archived. It stays readable here." : "Consultation restored.",
    });
  }

  return invalidForm({}, {}, "Unknown request.", 400, { intent: "unknown" as const });
}

export default function ConsultationPage() {
  const {
    consultation: c,
    participants,
    actions,
    comments,
    attachments,
    commentVisibilities,
    commentDefault,
    history,
    linkedIssues,
    issueLinkChoices,
    canLinkIssues,
    canEdit,
    canEditPeople,
    delegations,
    personChoices,
    tags,
    tagOptions,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation("consultations");
  const fmt = useFormat();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const linkFailure = actionData?.intent === "link-issue" ? failed : undefined;
  const attendeeFailure = actionData?.intent === "attendee-add" ? failed : undefined;
  const tagFailure = actionData?.intent === "tag-add" ? failed : undefined;
  const commentState: CommentFormState | undefined =
    actionData?.intent === "comment"
      ? failed
        ? { fieldErrors: failed.fieldErrors, formError: failed.formError, values: failed.values }
        : { savedCount: "savedCount" in actionData ? Number(actionData.savedCount) : 0 }
      : undefined;
  return (
    <div className="page consultation">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/consultations">{t("list.title")}</Link>
          </p>
          <h1>{c.title}</h1>
          <p className="consultation__badges">
            <span className={`badge badge--${c.visibility}`} title={t(`labels:visibilityHint.${c.visibility}`)}>
              {t(`labels:visibility.${c.visibility}`)}
            </span>{" "}
            <span className="badge">{t(`labels:kind.${c.kind}`)}</span>{" "}
            <span className="badge badge--muted">{t(`labels:mode.${c.mode}`)}</span>{" "}
            {c.archivedAt ? (
              <span className="badge badge--warn">{t("detail.archived", { date: fmt.dateTime(c.archivedAt) })}</span>
            ) : null}
          </p>
          <p className="no-print">
            <Link to={`/consultations/${c.id}/minutes`}>{t("detail.minutesLink")}</Link>
          </p>
        </div>
        {canEdit ? (
          <div className="form-actions no-print">
            <Link to={`/consultations/${c.id}/edit`} className="button button--primary">
              {t("detail.edit")}
            </Link>
            <ArchiveButton archived={Boolean(c.archivedAt)} version={c.version} />
          </div>
        ) : null}
      </header>

      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      {failed?.formError && actionData?.intent !== "comment" ? <FormError message={failed.formError} /> : null}

      <section className="card consultation__facts" aria-label={t("detail.whenAndWho")}>
        <dl className="facts">
          <div>
            <dt>{t("detail.ist")}</dt>
            <dd>{c.times.ist}</dd>
          </div>
          <div>
            <dt>{t("detail.jst")}</dt>
            <dd>{c.times.jst}</dd>
          </div>
          {c.times.entered ? (
            <div>
              <dt>{t("detail.asEntered", { zone: c.times.entered.zone })}</dt>
              <dd>{c.times.entered.text}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("detail.location")}</dt>
            <dd>{c.location ?? "—"}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t("detail.participants")}</dt>
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
          <h2 id="agenda-title">{t("detail.agenda")}</h2>
          {c.agendaHtml ? (
            <div className="prose" dangerouslySetInnerHTML={{ __html: c.agendaHtml }} />
          ) : (
            <p className="muted">{t("detail.noAgenda")}</p>
          )}
        </section>
        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title">{t("detail.notes")}</h2>
          {c.notesHtml ? (
            <div className="prose" dangerouslySetInnerHTML={{ __html: c.notesHtml }} />
          ) : (
            <p className="muted">{t("detail.noNotes")}</p>
          )}
        </section>
        <section className="card card--outcome" aria-labelledby="outcome-title">
          <h2 id="outcome-title">{t("detail.outcome")}</h2>
          {c.outcomeHtml ? (
            <div className="prose" dangerouslySetInnerHTML={{ __html: c.outcomeHtml }} />
          ) : (
            <p className="muted">{t("detail.noOutcome")}</p>
          )}
        </section>
      </div>

      <Attendees
        delegations={delegations}
        choices={personChoices}
        canEdit={canEditPeople}
        errors={attendeeFailure?.fieldErrors}
      />

      <RecordTags tags={tags} choices={tagOptions} canEdit={canEditPeople} errors={tagFailure?.fieldErrors} />

      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t("detail.actions")}</h2>
        {actions.length === 0 ? (
          <p className="muted">{t("detail.noActions")}</p>
        ) : (
          <ListTable
            columns={[t("detail.action"), t("detail.owner"), t("detail.due"), t("detail.status")]}
            action={t("detail.markDone")}
          >
            {actions.map((a) => (
              <FollowUpActionRow key={a.id} action={a} />
            ))}
          </ListTable>
        )}
      </section>

      {linkedIssues.length > 0 || canLinkIssues ? (
        <ConsultationIssues issues={linkedIssues}>
          {canLinkIssues ? (
            issueLinkChoices.length > 0 ? (
              <Form method="post" className="filters no-print">
                <input type="hidden" name="intent" value="link-issue" />
                <label className="filter">
                  <span>{t("detail.linkIssue")}</span>
                  <select
                    name="issueId"
                    className="input"
                    defaultValue=""
                    aria-invalid={linkFailure?.fieldErrors.issueId ? true : undefined}
                    aria-describedby={linkFailure?.fieldErrors.issueId ? "issue-link-error" : undefined}
                  >
                    <option value="">{t("detail.chooseIssue")}</option>
                    {issueLinkChoices.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.title}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="button">
                  {t("detail.linkIssueButton")}
                </button>
                <FieldErrorText id="issue-link-error" error={linkFailure?.fieldErrors.issueId} />
              </Form>
            ) : (
              <p className="small muted">{t("detail.allLinked")}</p>
            )
          ) : null}
        </ConsultationIssues>
      ) : null}

      <Documents documents={attachments.documents} attachHref={attachments.attachHref} />

      <Comments comments={comments} visibilities={commentVisibilities} defaultVisibility={commentDefault} state={commentState} />

      {history ? (
        <section className="card history" aria-labelledby="history-title">
          <h2 id="history-title">{t("detail.history")}</h2>
          {/* Versions the reader could not have seen are left out, so the list may be empty. */}
          {history.length === 0 ? (
            <p className="muted">{t("detail.noHistory")}</p>
          ) : (
            <ol className="history__list">
              {history.map((h) => (
                <li key={h.id}>
                  <p className="small">
                    <strong>{h.actor ?? t("detail.system")}</strong> · {historyEventLabel(h.action, t)}{" "}
                    <span className="muted">· {fmt.dateTime(h.at)}</span>
                  </p>
                  {h.changes.length > 0 ? (
                    <table className="table table--dense history__changes">
                      <tbody>
                        {h.changes.map((ch, i) => (
                          <tr key={i}>
                            <th scope="row">{historyFieldLabel(ch.field, t)}</th>
                            <td>
                              <del>{ch.before}</del>
                            </td>
                            <td>
                              <ins>{ch.markedDone ? t("labels:markedDone") : ch.after}</ins>
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
