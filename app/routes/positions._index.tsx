import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { AssessmentForm } from "~/components/AssessmentForm";
import { Notice } from "~/components/forms";
import { EmptyRow, Pager } from "~/components/ListKit";
import { GapList } from "~/components/Schedules";
import { StanceBadge } from "~/components/StanceBadge";
import { assertCan, assessmentVisibilities, can } from "~/models/access.server";
import { createAssessment, listAssessments } from "~/models/assessments.server";
import { requireUser } from "~/models/auth.server";
import {
  formatSpread,
  shiftDate,
  STANCE_SCORES,
  STUCK_SPREAD,
  TREND_LABELS,
  TREND_THRESHOLD,
  type Trend,
} from "~/models/convergence";
import { matrixDate, positionsMatrix } from "~/models/positions.server";
import { assessmentSchema } from "~/schemas/issues";
import styles from "~/styles/positions.css";
import { VISIBILITY_LABELS } from "~/utils/common-labels";
import { decodeCursor } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { formatMonth, formatPlainDate } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import {
  FLEXIBILITY_LABELS,
  ISSUE_STATUS_BADGES,
  ISSUE_STATUS_LABELS,
  RISK_BADGES,
  RISK_LABELS,
  STANCE_LABELS,
} from "~/utils/issue-labels";
import { pageLinks } from "~/utils/list.server";
import { STANCES } from "~db/schema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Positions matrix · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:read");
  const url = new URL(request.url);
  const { asOf, today, dateError } = matrixDate(url);
  const db = getDb();
  const [matrix, assessments] = await Promise.all([
    positionsMatrix(db, user, asOf, decodeCursor(url.searchParams.get("cursor"))),
    listAssessments(db, user, null, 5),
  ]);
  return {
    asOf,
    today,
    dateError,
    matrix,
    csvHref: `/positions.csv?asOf=${asOf}`,
    ...pageLinks("/positions", { raw: asOf !== today ? { asOf } : {}, paged: url.searchParams.has("cursor") }, matrix.next),
    assessments,
    canAssess: can(user, "assessments:write"),
    assessmentVisibilities: assessmentVisibilities(user),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "assessments:write");
  const parsed = parseForm(assessmentSchema, await readFormData(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  await createAssessment(getDb(), user.id, null, parsed.data);
  return data({ ok: true as const, message: "Assessment of the negotiation added." });
}

const TREND_CLASSES: Record<Trend, string> = {
  converging: "trend trend--converging",
  diverging: "trend trend--diverging",
  stable: "trend trend--stable",
  stuck: "trend trend--stuck",
  insufficient: "trend trend--insufficient",
};

const TREND_MARKS: Record<Trend, string> = { converging: "↘", diverging: "↗", stable: "→", stuck: "■", insufficient: "·" };

export default function PositionsPage() {
  const {
    asOf,
    today,
    dateError,
    matrix,
    csvHref,
    nextHref,
    firstHref,
    assessments,
    canAssess,
    assessmentVisibilities: levels,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const quickDates = [
    { label: "Today", date: today },
    { label: "30 days ago", date: shiftDate(today, -30) },
    { label: "90 days ago", date: shiftDate(today, -90) },
    { label: "A year ago", date: shiftDate(today, -365) },
  ];
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>Positions matrix</h1>
          <p className="muted">
            Each party&apos;s stance on each issue {asOf === today ? "today" : "as it stood on"}{" "}
            <strong>{formatPlainDate(asOf)}</strong>.
          </p>
        </div>
        <a href={csvHref} className="button" download>
          Download CSV
        </a>
      </header>

      {dateError ? (
        <div className="notice notice--warn" role="alert">
          {dateError}
        </div>
      ) : null}
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}

      <Form method="get" className="filters" aria-label="Choose the matrix date">
        <label className="filter">
          <span>Matrix as of</span>
          <input type="date" name="asOf" className="input" defaultValue={asOf} max={today} key={asOf} />
        </label>
        <button type="submit" className="button">
          Show
        </button>
        <span className="quick-dates small">
          {quickDates.map((q) => (
            <Link
              key={q.label}
              to={q.date === today ? "/positions" : `/positions?asOf=${q.date}`}
              aria-current={q.date === asOf ? "true" : undefined}
            >
              {q.label}
            </Link>
          ))}
        </span>
      </Form>

      <div className="table-wrap matrix-wrap">
        <table className="table matrix">
          <caption className="visually-hidden">Stances by issue and party on {formatPlainDate(asOf)}</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              {matrix.columns.map((c) => (
                <th scope="col" key={c.id} className="matrix__party">
                  <abbr title={c.name}>{c.shortName}</abbr>
                </th>
              ))}
              <th scope="col" className="matrix__figure">
                Convergence
              </th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.length === 0 ? (
              <EmptyRow columns={matrix.columns.length + 2}>No issues you can see.</EmptyRow>
            ) : (
              matrix.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="matrix__issue">
                    <Link to={`/issues/${r.id}`}>{r.title}</Link>
                    <br />
                    <span className={ISSUE_STATUS_BADGES[r.status]}>{ISSUE_STATUS_LABELS[r.status]}</span>
                    <GapList gaps={r.gaps} />
                  </th>
                  {matrix.columns.map((c) => {
                    if (!(c.id in r.cells)) {
                      return (
                        <td key={c.id} className="matrix__cell matrix__cell--none">
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">Not a party</span>
                        </td>
                      );
                    }
                    const cell = r.cells[c.id];
                    return (
                      <td key={c.id} className="matrix__cell">
                        {cell ? (
                          <>
                            <StanceBadge stance={cell.stance} />
                            {cell.redLine ? <span className="badge badge--danger red-line">Red line</span> : null}
                            <span className="matrix__detail">
                              {FLEXIBILITY_LABELS[cell.flexibility]}
                              <br />
                              since {formatMonth(cell.statedOn)}
                            </span>
                          </>
                        ) : (
                          <span className="muted small">No position</span>
                        )}
                      </td>
                    );
                  })}
                  <td className="matrix__figure">
                    <span className={TREND_CLASSES[r.convergence.trend]}>
                      <span aria-hidden="true">{TREND_MARKS[r.convergence.trend]} </span>
                      {TREND_LABELS[r.convergence.trend]}
                    </span>
                    <span className="matrix__detail">
                      Spread now: {formatSpread(r.convergence.now)}
                      <br />
                      30 days before: {formatSpread(r.convergence.days30)}
                      <br />
                      90 days before: {formatSpread(r.convergence.days90)}
                    </span>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager firstHref={firstHref} nextHref={nextHref} />

      <div className="grid-2 grid-2--top">
        <section className="card measure" id="measure" aria-labelledby="measure-title">
          <h2 id="measure-title">How convergence is measured</h2>
          <p>Each stance is placed on one line from opposing to supporting:</p>
          <ul className="plain-list scale">
            {STANCES.map((s) => (
              <li key={s}>
                <StanceBadge stance={s} /> {STANCE_SCORES[s] === null ? "not placed (left out)" : formatScore(STANCE_SCORES[s])}
              </li>
            ))}
          </ul>
          <p>
            The <strong>spread</strong> of an issue is the distance between its most supportive and its most opposed party: 0 when
            all parties hold the same stance, 2 when one supports and another opposes. It needs at least two parties with a placed
            stance. It is worked out on the matrix date and again 30 and 90 days before it, from the positions you may see.
          </p>
          <p>
            The <strong>trend</strong> compares the spread now with 90 days before (or 30 days before when there was too little to
            compare 90 days before): a fall of {TREND_THRESHOLD} or more is <em>{TREND_LABELS.converging.toLowerCase()}</em>, a
            rise of {TREND_THRESHOLD} or more is <em>{TREND_LABELS.diverging.toLowerCase()}</em>; otherwise it is{" "}
            <em>{TREND_LABELS.stable.toLowerCase()}</em>, or <em>{TREND_LABELS.stuck.toLowerCase()}</em> when the parties stay{" "}
            {STUCK_SPREAD} or more apart.
          </p>
        </section>

        {canAssess || assessments.length > 0 ? (
          <section className="card" aria-labelledby="negotiation-assessments-title">
            <h2 id="negotiation-assessments-title">Assessments of the negotiation</h2>
            {assessments.length === 0 ? <p className="muted">No assessments of the negotiation as a whole yet.</p> : null}
            <ul className="plain-list assessments">
              {assessments.map((a) => (
                <li key={a.id} className="assessment">
                  <p className="timeline__head">
                    <time dateTime={a.assessed_on}>{formatPlainDate(a.assessed_on)}</time>{" "}
                    <span className={RISK_BADGES[a.risk]}>{RISK_LABELS[a.risk]}</span>{" "}
                    <span className="badge badge--muted">{VISIBILITY_LABELS[a.visibility]}</span>
                  </p>
                  <p>{a.summary}</p>
                  <p>
                    <strong>Recommendation:</strong> {a.recommendation}
                  </p>
                  <p className="small muted">{a.author}</p>
                </li>
              ))}
            </ul>
            {canAssess ? (
              <details className="assessment-form" open={Boolean(failed)}>
                <summary>Write an assessment of the negotiation</summary>
                <AssessmentForm
                  label="Assess the negotiation"
                  today={today}
                  visibilities={levels}
                  defaultValues={failed?.values}
                  serverErrors={failed?.fieldErrors}
                  formError={failed?.formError}
                />
              </details>
            ) : null}
          </section>
        ) : null}
      </div>
      <p className="small muted legend">
        Stances: {STANCES.map((s) => STANCE_LABELS[s]).join(", ")}. A dash marks an organization that is not a party to the issue.
        An issue&apos;s status badge is its status today, whatever the matrix date.
      </p>
    </div>
  );
}

function formatScore(n: number | null): string {
  if (n === null) return "";
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0";
}
