import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AssessmentForm } from "~/components/AssessmentForm";
import { Documents } from "~/components/Documents";
import { FieldErrorText, FormError, Notice } from "~/components/forms";
import { ArchivedTag } from "~/components/ListKit";
import { StatusBadge } from "~/components/MilestoneBadges";
import { Portion } from "~/components/Portion";
import { PositionConcurrence } from "~/components/PositionConcurrence";
import { PositionForm } from "~/components/PositionForm";
import { PreviewBar } from "~/components/Preview";
import { RecordTags } from "~/components/RecordTags";
import { GapTable, ScheduleTable } from "~/components/Schedules";
import { StanceBadge } from "~/components/StanceBadge";
import { Trans } from "~/components/Trans";
import { assertCan, assessmentVisibilities, assignableVisibilities, can, concurrenceVisibilities } from "~/models/access.server";
import { createAssessment, listAssessments } from "~/models/assessments.server";
import { requireUser } from "~/models/auth.server";
import { convergenceOf, formatSpread, positionsAsOf } from "~/models/convergence";
import { recordDocuments } from "~/models/documents.server";
import {
  consultationChoices,
  consultationsOfIssue,
  getVisibleIssue,
  isVisibleConsultation,
  linkConsultation,
  partiesOf,
  unlinkConsultation,
} from "~/models/issues.server";
import { milestonesOfIssue } from "~/models/milestones.server";
import {
  AGREEMENT_TERM,
  concurrenceOfPositions,
  isVolumeIssue,
  openScheduleAsScenario,
  parseSchedule,
  respondOnPosition,
  scheduleGaps,
  schedulesOf,
  tablePosition,
} from "~/models/position-concurrence.server";
import { recordableParties, recordPosition, visiblePositionHistory } from "~/models/positions.server";
import { readerFor } from "~/models/preview.server";
import { handleTagIntent, tagChoices, tagsOf } from "~/models/tags.server";
import { positionConcurrenceSchema, positionRefSchema } from "~/schemas/agreement";
import { assessmentSchema, linkConsultationSchema, positionSchema } from "~/schemas/issues";
import styles from "~/styles/positions.css";
import { todayInIndia } from "~/utils/clock";
import { SIDE_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { checkForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { formatPlainDate, useFormat } from "~/utils/format";
import { failure } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { ISSUE_STATUS_BADGES, RISK_BADGES } from "~/utils/issue-labels";
import { POSITION_REFUSALS } from "~/utils/messages";
import { pageTitle } from "~/utils/page-title";
import { stylesheetLinks } from "~/utils/route-head";
import { MATERIALS } from "~db/schema";

export const links = stylesheetLinks(styles);
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data ? pageTitle(matches, "app.plain", { text: data.issue.title }) : pageTitle(matches, "issues:detail.fallbackTitle"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await requireUser(request);
  assertCan(signedIn, "issues:read");
  const db = getDb();
  // With ?as=, the issue as that external organization would see it: 404 if it could not (read-only, audited).
  const { reader: user, preview } = await readerFor(db, signedIn, new URL(request.url));
  const issue = await getVisibleIssue(db, user, params.issueId ?? "");
  if (!issue) notFound();
  const today = todayInIndia();
  const canManage = can(user, "issues:manage");
  const canTag = canManage && issue.archived_at === null;
  const [parties, history, consultations, recordable, assessments, milestones, tags, tagOptions] = await Promise.all([
    partiesOf(db, [issue.id]),
    visiblePositionHistory(db, user, [issue.id]),
    consultationsOfIssue(db, user, issue.id),
    issue.archived_at ? Promise.resolve([]) : recordableParties(db, user, issue.id),
    listAssessments(db, user, issue.id),
    can(user, "milestones:read") ? milestonesOfIssue(db, user, issue.id) : Promise.resolve([]),
    tagsOf(db, user, "issue", [issue.id]).then((m) => m.get(issue.id) ?? []),
    canTag ? tagChoices(db, user) : Promise.resolve([]),
  ]);
  const positionIds = history.map((p) => p.id);
  const [schedules, concurrence, volume] = await Promise.all([
    schedulesOf(db, user, positionIds),
    concurrenceOfPositions(db, user, positionIds),
    isVolumeIssue(db, issue.id),
  ]);
  const held = positionsAsOf(history, today).get(issue.id);
  const currentIds = new Set([...(held?.values() ?? [])].map((p) => p.id));
  const choices = canManage || recordable.length ? await consultationChoices(db, user) : [];
  const linkedIds = new Set(consultations.map((c) => c.id));
  return {
    preview,
    issue,
    today,
    attachments: await recordDocuments(db, user, "issue", issue.id),
    parties: parties.map((p) => ({
      id: p.organization_id,
      name: p.name,
      shortName: p.short_name,
      side: p.side,
      country: p.country,
      affiliation: p.affiliation,
      current: held?.get(p.organization_id) ?? null,
    })),
    timeline: [...history].reverse().map((p) => ({
      ...p,
      current: currentIds.has(p.id),
      schedule: schedules.filter((c) => c.positionId === p.id),
      concurrence: concurrence.get(p.id) ?? null,
    })),
    gaps: scheduleGaps(history, schedules).get(issue.id) ?? [],
    schedule: volume ? { materials: [...MATERIALS], first: AGREEMENT_TERM.first, last: AGREEMENT_TERM.last } : null,
    myOrganizationId: user.organizationId,
    canRespond: can(user, "concurrence:respond"),
    canTable: can(user, "amendments:table"),
    canOpenScenario: can(user, "scenario:edit"),
    concurrenceVisibilities: concurrenceVisibilities(user),
    convergence: convergenceOf(
      history,
      issue.id,
      parties.map((p) => p.organization_id),
      today,
    ),
    consultations,
    milestones,
    linkChoices: canManage ? choices.filter((c) => !linkedIds.has(c.id)) : [],
    sourceChoices: choices,
    recordable: recordable.map((p) => ({ organization_id: p.organization_id, name: p.name })),
    visibilities: assignableVisibilities(user),
    mayMarkRedLine: can(user, "positions:red_line"),
    assessments,
    canManage,
    canTag,
    tags,
    tagOptions,
    canAssess: can(user, "assessments:write"),
    assessmentVisibilities: assessmentVisibilities(user),
  };
}

type Intent =
  "position" | "assessment" | "link" | "unlink" | "positionConcur" | "positionTable" | "scenario" | "tag-add" | "tag-remove";

function positionRefusal(intent: Intent, code: string, values: Record<string, unknown>) {
  const words = POSITION_REFUSALS[code] ?? { message: "That could not be done." };
  // Beside the field on the answer form; above the buttons, which have no field, otherwise.
  const field = intent === "positionConcur" ? words.field : undefined;
  return fail(intent, 400, field ? { [field]: words.message } : {}, values, field ? undefined : words.message);
}

function fail(
  intent: Intent,
  status: number,
  fieldErrors: Record<string, string>,
  values: Record<string, unknown> = {},
  formError?: string,
) {
  return data({ ...failure(fieldErrors, values, formError), intent }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:read");
  const db = getDb();
  const issue = await getVisibleIssue(db, user, params.issueId ?? "");
  if (!issue) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "tag-add" || intent === "tag-remove") {
    assertCan(user, "issues:manage");
    if (issue.archived_at) return fail(intent, 409, {}, {}, "Restore this issue before changing it.");
    const result = await handleTagIntent(
      db,
      user,
      { kind: "issue", id: issue.id, visibility: issue.visibility },
      intent,
      formData,
    );
    return data({ ...result.body, intent }, { status: result.status });
  }

  if (intent === "position") {
    assertCan(user, "positions:record");
    const parsed = checkForm(positionSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const schedule = parseSchedule(parsed.data);
    if (!schedule.ok) return fail(intent, 400, schedule.fieldErrors, parsed.data);
    const result = await recordPosition(db, user, issue, { ...parsed.data, schedule: schedule.cells });
    if (!result.ok) {
      if (result.status === 404) notFound();
      return fail(intent, result.status, result.fieldErrors, parsed.data, result.formError);
    }
    return data({
      ok: true as const,
      intent,
      message: result.inConcurrence
        ? "Position recorded for concurrence: the parties see it once every named ministry has concurred and it is tabled."
        : "Position recorded. It supersedes the party's previous one.",
    });
  }

  if (intent === "positionConcur") {
    assertCan(user, "concurrence:respond");
    const parsed = checkForm(positionConcurrenceSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const result = await respondOnPosition(db, user, issue.id, parsed.data);
    if (!result.ok) {
      if (result.reason === "not_found") notFound();
      if (result.reason === "refused") return positionRefusal(intent, result.code, parsed.data);
    }
    return data({ ok: true as const, intent, message: "Your organization's answer is recorded." });
  }

  if (intent === "positionTable") {
    assertCan(user, "amendments:table");
    const parsed = checkForm(positionRefSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const result = await tablePosition(db, user, issue.id, parsed.data.positionId);
    if (!result.ok) {
      if (result.reason === "not_found") notFound();
      if (result.reason === "refused") return positionRefusal(intent, result.code, parsed.data);
    }
    return data({ ok: true as const, intent, message: "Tabled: the position is now shared with the parties." });
  }

  if (intent === "scenario") {
    assertCan(user, "scenario:edit");
    const parsed = checkForm(positionRefSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const result = await openScheduleAsScenario(db, user, issue.id, parsed.data.positionId);
    if (!result.ok) {
      if (result.reason === "not_found") notFound();
      if (result.reason === "refused") return positionRefusal(intent, result.code, parsed.data);
      notFound();
    }
    return redirect(`/supply/scenarios/${result.record.id}`);
  }

  if (intent === "assessment") {
    assertCan(user, "assessments:write");
    const parsed = checkForm(assessmentSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    await createAssessment(db, user.id, issue.id, parsed.data);
    return data({ ok: true as const, intent, message: "Assessment added." });
  }

  if (intent === "link" || intent === "unlink") {
    assertCan(user, "issues:manage");
    const parsed = checkForm(linkConsultationSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    if (!(await isVisibleConsultation(db, user, parsed.data.consultationId))) {
      return fail(intent, 400, { consultationId: "Choose a consultation from the list." }, parsed.data);
    }
    if (intent === "link") {
      const linked = await linkConsultation(db, user.id, issue.id, parsed.data.consultationId);
      return data({
        ok: true as const,
        intent,
        message: linked === "linked" ? "Consultation linked." : "That consultation was already linked.",
      });
    }
    await unlinkConsultation(db, user.id, issue.id, parsed.data.consultationId);
    return data({ ok: true as const, intent, message: "Consultation unlinked." });
  }

  return fail("position", 400, {}, {}, "Unknown action.");
}

export default function IssuePage() {
  const fmt = useFormat();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failedFor = (intent: Intent) =>
    actionData && "fieldErrors" in actionData && actionData.intent === intent ? actionData : undefined;
  const positionFailure = failedFor("position");
  const assessmentFailure = failedFor("assessment");
  const linkFailure = failedFor("link") ?? failedFor("unlink");
  const concurFailure = failedFor("positionConcur") ?? failedFor("positionTable") ?? failedFor("scenario");
  const { issue, convergence } = d;
  const { t } = useTranslation("issues");
  return (
    <div className="page">
      <PreviewBar active={d.preview.active} choices={d.preview.choices} />
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/issues">{t("detail.register")}</Link>
          </p>
          <h1>
            <Portion level={issue.visibility} /> {issue.title}
          </h1>
          <p className="issue-meta">
            <span className={ISSUE_STATUS_BADGES[issue.status]}>{t(`labels:issueStatus.${issue.status}`)}</span>
            <span className="badge badge--muted">
              {t("detail.priority", { priority: t(`labels:priority.${issue.priority}`) })}
            </span>
            <span className="badge badge--muted">{t(`labels:visibility.${issue.visibility}`)}</span>
            {issue.archived_at ? (
              <span className="badge badge--warn">{t("detail.archived", { date: fmt.date(issue.archived_at) })}</span>
            ) : null}
          </p>
        </div>
        {d.canManage ? (
          <Link to={`/issues/${issue.id}/edit`} className="button">
            {t("detail.edit")}
          </Link>
        ) : null}
      </header>

      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}

      {issue.description ? <p className="issue-description">{issue.description}</p> : null}

      <RecordTags tags={d.tags} choices={d.tagOptions} canEdit={d.canTag} errors={failedFor("tag-add")?.fieldErrors} />

      <section className="card" aria-labelledby="current-title">
        <div className="card__head">
          <h2 id="current-title">{t("detail.current")}</h2>
          <p className="small muted">
            <Trans
              t={t}
              i18nKey="detail.spread"
              values={{
                now: formatSpread(convergence.now),
                days30: formatSpread(convergence.days30),
                days90: formatSpread(convergence.days90),
                trend: t(`labels:trend.${convergence.trend}`),
              }}
              components={{ strong: <strong /> }}
            />{" "}
            <Link to="/positions#measure">{t("detail.howMeasured")}</Link>
          </p>
        </div>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("detail.party")}</th>
                <th scope="col">{t("detail.stance")}</th>
                <th scope="col">{t("detail.flexibility")}</th>
                <th scope="col">{t("detail.statement")}</th>
                <th scope="col">{t("detail.heldFrom")}</th>
              </tr>
            </thead>
            <tbody>
              {d.parties.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.current ? <Portion level={p.current.visibility} /> : null} {p.name}
                    {/* Side and country differ for an Indian affiliate of a Japanese group: show both. */}
                    <span className="muted"> · {SIDE_LABELS[p.side]}</span>
                    {p.affiliation ? (
                      <span className="muted">
                        {" "}
                        · {t("agreement:side.affiliate", { country: p.country, affiliation: p.affiliation })}
                      </span>
                    ) : null}
                  </th>
                  {p.current ? (
                    <>
                      <td>
                        <StanceBadge stance={p.current.stance} />
                        {p.current.redLine ? <span className="badge badge--danger red-line">{t("detail.redLine")}</span> : null}
                      </td>
                      <td>{t(`labels:flexibility.${p.current.flexibility}`)}</td>
                      <td>
                        {p.current.statement}
                        {p.current.desiredOutcome ? (
                          <p className="small muted">{t("detail.desiredOutcome", { text: p.current.desiredOutcome })}</p>
                        ) : null}
                      </td>
                      <td className="nowrap">{formatPlainDate(p.current.statedOn)}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted">
                      {t("detail.noPosition")}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {d.gaps.length > 0 ? (
        <section className="card" aria-labelledby="gaps-title">
          <h2 id="gaps-title">{t("agreement:position.gapTitle")}</h2>
          <p className="small muted">{t("agreement:position.gapIntro")}</p>
          <GapTable gaps={d.gaps} />
        </section>
      ) : null}

      <div className="grid-2 grid-2--top issue-columns">
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">{t("detail.history")}</h2>
          {d.timeline.length === 0 ? (
            <p className="muted">{t("detail.noPositions")}</p>
          ) : (
            <ol className="timeline">
              {d.timeline.map((p) => (
                <li
                  key={p.id}
                  className={p.current ? "timeline__item timeline__item--current" : "timeline__item"}
                  aria-label={t("agreement:position.item", {
                    organization: p.organizationShortName,
                    date: formatPlainDate(p.statedOn),
                  })}
                >
                  <p className="timeline__head">
                    <Portion level={p.visibility} /> <time dateTime={p.statedOn}>{formatPlainDate(p.statedOn)}</time> ·{" "}
                    <strong>{p.organizationName}</strong> <StanceBadge stance={p.stance} />
                    {p.redLine ? <span className="badge badge--danger red-line">{t("detail.redLine")}</span> : null}
                    {p.current ? (
                      <span className="badge badge--ok">{t("detail.currentBadge")}</span>
                    ) : (
                      <span className="badge badge--muted">{t("detail.superseded")}</span>
                    )}
                    {p.inConcurrence ? <span className="badge badge--warn">{t("agreement:clause.inConcurrence")}</span> : null}
                    {p.tabledAt ? <span className="badge badge--ok">{t("agreement:position.onTable")}</span> : null}
                  </p>
                  <p>{p.statement}</p>
                  {p.desiredOutcome ? <p className="small">{t("detail.desiredOutcome", { text: p.desiredOutcome })}</p> : null}
                  <p className="small muted">
                    {t(`labels:flexibility.${p.flexibility}`)} · {t(`labels:visibility.${p.visibility}`)} ·{" "}
                    {t("detail.recordedBy", { name: p.recordedBy, date: fmt.dateTime(p.recordedAt) })}
                    {p.source ? (
                      <>
                        {" "}
                        · {t("detail.from")} <Link to={`/consultations/${p.source.id}`}>{p.source.title}</Link>
                      </>
                    ) : null}
                  </p>
                  {p.schedule.length > 0 ? (
                    <>
                      <ScheduleTable cells={p.schedule} />
                      {d.canOpenScenario ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="scenario" />
                          <input type="hidden" name="positionId" value={p.id} />
                          <button type="submit" className="button button--small">
                            {t("agreement:position.openScenario")}
                          </button>
                        </Form>
                      ) : null}
                    </>
                  ) : null}
                  {p.concurrence ? (
                    <PositionConcurrence
                      positionId={p.id}
                      concurrence={p.concurrence}
                      inConcurrence={p.inConcurrence}
                      myOrganizationId={d.myOrganizationId}
                      canRespond={d.canRespond}
                      canTable={d.canTable}
                      visibilities={d.concurrenceVisibilities}
                      failure={concurFailure?.values?.positionId === p.id ? concurFailure : undefined}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>

        <div className="stack">
          {d.recordable.length > 0 ? (
            <section className="card" aria-labelledby="record-title">
              <h2 id="record-title">{t("detail.record")}</h2>
              <PositionForm
                key={actionData && "message" in actionData && actionData.intent === "position" ? d.timeline.length : "form"}
                parties={d.recordable}
                consultations={d.sourceChoices}
                visibilities={d.visibilities}
                mayMarkRedLine={d.mayMarkRedLine}
                today={d.today}
                defaultValues={positionFailure?.values}
                serverErrors={positionFailure?.fieldErrors}
                formError={positionFailure?.formError}
                schedule={d.schedule}
              />
            </section>
          ) : null}

          <section className="card" aria-labelledby="consultations-title">
            <h2 id="consultations-title">{t("detail.consultations")}</h2>
            {d.consultations.length === 0 ? (
              <p className="muted">{t("detail.noConsultations")}</p>
            ) : (
              <ul className="plain-list">
                {d.consultations.map((c) => (
                  <li key={c.id} className="linked-consultation">
                    <span>
                      <Portion level={c.visibility} /> <Link to={`/consultations/${c.id}`}>{c.title}</Link>{" "}
                      <span className="small muted">{fmt.date(c.starts_at)}</span>
                    </span>
                    {d.canManage ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="unlink" />
                        <input type="hidden" name="consultationId" value={c.id} />
                        <button
                          type="submit"
                          className="button button--quiet small"
                          aria-label={t("detail.unlinkOf", { title: c.title })}
                        >
                          {t("detail.unlink")}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {d.canManage ? (
              d.linkChoices.length > 0 ? (
                <Form method="post" className="filters link-form">
                  <FormError message={linkFailure?.formError} />
                  <input type="hidden" name="intent" value="link" />
                  <label className="filter">
                    <span>{t("detail.linkConsultation")}</span>
                    <select name="consultationId" className="input" defaultValue="" aria-invalid={linkFailure ? true : undefined}>
                      <option value="">{t("detail.choose")}</option>
                      {d.linkChoices.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.title} ({fmt.date(c.starts_at)})
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" className="button">
                    {t("detail.link")}
                  </button>
                  <FieldErrorText error={linkFailure?.fieldErrors.consultationId} />
                </Form>
              ) : (
                <p className="small muted">{t("detail.noMoreConsultations")}</p>
              )
            ) : null}
          </section>

          <section className="card" aria-labelledby="milestones-title">
            <h2 id="milestones-title">{t("detail.milestones")}</h2>
            {d.milestones.length === 0 ? (
              <p className="muted">{t("detail.noMilestones")}</p>
            ) : (
              <ul className="plain-list">
                {d.milestones.map((m) => (
                  <li key={m.id}>
                    <Portion level={m.visibility} /> <Link to={`/milestones/${m.id}`}>{m.title}</Link>{" "}
                    <span className="small muted">{t("detail.due", { date: formatPlainDate(m.due_date) })}</span>{" "}
                    <StatusBadge status={m.status} />
                    <ArchivedTag archived={Boolean(m.archived_at)} />
                  </li>
                ))}
              </ul>
            )}
            {d.canManage ? <p className="small muted">{t("detail.linkMilestonesHint")}</p> : null}
          </section>

          {d.canAssess || d.assessments.length > 0 ? (
            <section className="card" aria-labelledby="assessments-title">
              <h2 id="assessments-title">{t("detail.assessments")}</h2>
              {d.assessments.length === 0 ? <p className="muted">{t("detail.noAssessments")}</p> : null}
              <ul className="plain-list assessments">
                {d.assessments.map((a) => (
                  <li key={a.id} className="assessment">
                    <p className="timeline__head">
                      <Portion level={a.visibility} /> <time dateTime={a.assessed_on}>{formatPlainDate(a.assessed_on)}</time>{" "}
                      <span className={RISK_BADGES[a.risk]}>{t(`labels:risk.${a.risk}`)}</span>{" "}
                      <span className="badge badge--muted">{t(`labels:visibility.${a.visibility}`)}</span>
                    </p>
                    <p>{a.summary}</p>
                    <p>
                      <strong>{t("detail.recommendation")}</strong> {a.recommendation}
                    </p>
                    <p className="small muted">{a.author}</p>
                  </li>
                ))}
              </ul>
              {d.canAssess ? (
                <details className="assessment-form" open={Boolean(assessmentFailure)}>
                  <summary>{t("detail.writeAssessment")}</summary>
                  <AssessmentForm
                    label={t("detail.assessThis")}
                    today={d.today}
                    visibilities={d.assessmentVisibilities}
                    defaultValues={assessmentFailure?.values}
                    serverErrors={assessmentFailure?.fieldErrors}
                    formError={assessmentFailure?.formError}
                  />
                </details>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
      <Documents documents={d.attachments.documents} attachHref={d.attachments.attachHref} />
    </div>
  );
}
