import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AssessmentForm } from "~/components/AssessmentForm";
import { Notice } from "~/components/forms";
import { EmptyRow, Pager } from "~/components/ListKit";
import { GapList } from "~/components/Schedules";
import { StanceBadge } from "~/components/StanceBadge";
import { Trans } from "~/components/Trans";
import { assertCan, assessmentVisibilities, can } from "~/models/access.server";
import { createAssessment, listAssessments } from "~/models/assessments.server";
import { requireUser } from "~/models/auth.server";
import { formatSpread, shiftDate, STANCE_SCORES, STUCK_SPREAD, TREND_THRESHOLD, type Trend } from "~/models/convergence";
import { matrixDate, positionsMatrix } from "~/models/positions.server";
import { assessmentSchema } from "~/schemas/issues";
import styles from "~/styles/positions.css";
import { decodeCursor } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { checkForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { formatMonth, formatPlainDate } from "~/utils/format";
import { ISSUE_STATUS_BADGES, RISK_BADGES } from "~/utils/issue-labels";
import { pageLinks } from "~/utils/list.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { translateMessage } from "~/utils/translate";
import { STANCES } from "~db/schema";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("issues:matrix.title");

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
  const parsed = checkForm(assessmentSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
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
  const { t, i18n } = useTranslation("issues");
  const quickDates = [
    { label: t("matrix.today"), date: today },
    { label: t("matrix.days30"), date: shiftDate(today, -30) },
    { label: t("matrix.days90"), date: shiftDate(today, -90) },
    { label: t("matrix.yearAgo"), date: shiftDate(today, -365) },
  ];
  const trend = (code: Trend) => t(`labels:trend.${code}`);
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{t("matrix.title")}</h1>
          <p className="muted">
            <Trans
              t={t}
              i18nKey={asOf === today ? "matrix.introToday" : "matrix.introOn"}
              values={{ date: formatPlainDate(asOf) }}
              components={{ strong: <strong /> }}
            />
          </p>
        </div>
        <a href={csvHref} className="button" download>
          {t("matrix.downloadCsv")}
        </a>
      </header>

      {dateError ? (
        <div className="notice notice--warn" role="alert">
          {translateMessage(i18n, dateError)}
        </div>
      ) : null}
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}

      <Form method="get" className="filters" aria-label={t("matrix.chooseDate")}>
        <label className="filter">
          <span>{t("matrix.asOf")}</span>
          <input type="date" name="asOf" className="input" defaultValue={asOf} max={today} key={asOf} />
        </label>
        <button type="submit" className="button">
          {t("matrix.show")}
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
          <caption className="visually-hidden">{t("matrix.caption", { date: formatPlainDate(asOf) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("list.issue")}</th>
              {matrix.columns.map((c) => (
                <th scope="col" key={c.id} className="matrix__party">
                  <abbr title={c.name}>{c.shortName}</abbr>
                </th>
              ))}
              <th scope="col" className="matrix__figure">
                {t("matrix.convergence")}
              </th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.length === 0 ? (
              <EmptyRow columns={matrix.columns.length + 2}>{t("matrix.empty")}</EmptyRow>
            ) : (
              matrix.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="matrix__issue">
                    <Link to={`/issues/${r.id}`}>{r.title}</Link>
                    <br />
                    <span className={ISSUE_STATUS_BADGES[r.status]}>{t(`labels:issueStatus.${r.status}`)}</span>
                    <GapList gaps={r.gaps} />
                  </th>
                  {matrix.columns.map((c) => {
                    if (!(c.id in r.cells)) {
                      return (
                        <td key={c.id} className="matrix__cell matrix__cell--none">
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t("matrix.notParty")}</span>
                        </td>
                      );
                    }
                    const cell = r.cells[c.id];
                    return (
                      <td key={c.id} className="matrix__cell">
                        {cell ? (
                          <>
                            <StanceBadge stance={cell.stance} />
                            {cell.redLine ? <span className="badge badge--danger red-line">{t("detail.redLine")}</span> : null}
                            <span className="matrix__detail">
                              {t(`labels:flexibility.${cell.flexibility}`)}
                              <br />
                              {t("matrix.since", { date: formatMonth(cell.statedOn) })}
                            </span>
                          </>
                        ) : (
                          <span className="muted small">{t("matrix.noPosition")}</span>
                        )}
                      </td>
                    );
                  })}
                  <td className="matrix__figure">
                    <span className={TREND_CLASSES[r.convergence.trend]}>
                      <span aria-hidden="true">{TREND_MARKS[r.convergence.trend]} </span>
                      {trend(r.convergence.trend)}
                    </span>
                    <span className="matrix__detail">
                      {t("matrix.spreadNow", { value: formatSpread(r.convergence.now) })}
                      <br />
                      {t("matrix.spread30", { value: formatSpread(r.convergence.days30) })}
                      <br />
                      {t("matrix.spread90", { value: formatSpread(r.convergence.days90) })}
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
          <h2 id="measure-title">{t("matrix.measureTitle")}</h2>
          <p>{t("matrix.measureScale")}</p>
          <ul className="plain-list scale">
            {STANCES.map((s) => (
              <li key={s}>
                <StanceBadge stance={s} /> {STANCE_SCORES[s] === null ? t("matrix.notPlaced") : formatScore(STANCE_SCORES[s])}
              </li>
            ))}
          </ul>
          <p>
            <Trans t={t} i18nKey="matrix.measureSpread" components={{ strong: <strong /> }} />
          </p>
          <p>
            <Trans
              t={t}
              i18nKey="matrix.measureTrend"
              values={{
                threshold: TREND_THRESHOLD,
                stuckSpread: STUCK_SPREAD,
                converging: trend("converging").toLocaleLowerCase(i18n.language),
                diverging: trend("diverging").toLocaleLowerCase(i18n.language),
                stable: trend("stable").toLocaleLowerCase(i18n.language),
                stuck: trend("stuck").toLocaleLowerCase(i18n.language),
              }}
              components={{ strong: <strong />, em: <em /> }}
            />
          </p>
        </section>

        {canAssess || assessments.length > 0 ? (
          <section className="card" aria-labelledby="negotiation-assessments-title">
            <h2 id="negotiation-assessments-title">{t("matrix.assessments")}</h2>
            {assessments.length === 0 ? <p className="muted">{t("matrix.noAssessments")}</p> : null}
            <ul className="plain-list assessments">
              {assessments.map((a) => (
                <li key={a.id} className="assessment">
                  <p className="timeline__head">
                    <time dateTime={a.assessed_on}>{formatPlainDate(a.assessed_on)}</time>{" "}
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
            {canAssess ? (
              <details className="assessment-form" open={Boolean(failed)}>
                <summary>{t("matrix.writeAssessment")}</summary>
                <AssessmentForm
                  label={t("matrix.assess")}
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
        {t("matrix.legend", { stances: STANCES.map((s) => t(`labels:stance.${s}`)).join(t("matrix.listSeparator")) })}
      </p>
    </div>
  );
}

function formatScore(n: number | null): string {
  if (n === null) return "";
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0";
}
