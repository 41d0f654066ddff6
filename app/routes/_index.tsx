import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { PreviewBar } from "~/components/Preview";
import { TableScroll } from "~/components/TableScroll";
import { Trans } from "~/components/Trans";
import { requireUser } from "~/models/auth.server";
import type { Trend } from "~/models/convergence";
import { assembleDashboard } from "~/models/dashboard.server";
import { readerFor } from "~/models/preview.server";
import dashboardStyles from "~/styles/dashboard.css";
import { getDb } from "~/utils/db.server";
import { DEMAND_STATUS_BADGES } from "~/utils/demand-labels";
import { COUNT_CAP, formatCount, formatDateTime, formatPlainDate, formatTonnes, useFormat } from "~/utils/format";
import { ISSUE_STATUS_BADGES, RISK_BADGES } from "~/utils/issue-labels";
import { activitySubjectText, describeAction, riskReasonText } from "~/utils/messages";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { DEMAND_STATUSES, ISSUE_STATUSES } from "~db/schema";

export const links = stylesheetLinks(dashboardStyles);

export const meta = titleMeta("dashboard:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requireUser(request);
  // With ?as=, the dashboard as that external organization would see it (read-only, audited).
  const { reader: user, preview } = await readerFor(getDb(), signedIn, new URL(request.url));
  const dashboard = await assembleDashboard(getDb(), user);
  return {
    preview,
    user: {
      displayName: user.displayName,
      organizationName: user.organizationName,
      organizationShortName: user.organizationShortName,
      role: user.role,
    },
    dashboard,
  };
}

const TREND_MARKS: Record<Trend, string> = { converging: "▼", diverging: "▲", stable: "■", stuck: "✕", insufficient: "…" };

function TrendBadge({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const tone =
    trend === "converging" ? "badge--ok" : trend === "stuck" || trend === "diverging" ? "badge--danger" : "badge--muted";
  return (
    <span className={`badge ${tone}`}>
      <span aria-hidden="true">{TREND_MARKS[trend]} </span>
      {t(`labels:trend.${trend}`)}
    </span>
  );
}

function Card({
  title,
  href,
  linkLabel,
  children,
  id,
}: {
  title: string;
  href?: string;
  linkLabel?: string;
  children: ReactNode;
  id: string;
}) {
  const { t } = useTranslation("dashboard");
  return (
    <section className="card dash-card" aria-labelledby={id}>
      <header className="dash-card__header">
        <h2 id={id}>{title}</h2>
        {href ? (
          <Link to={href} className="small">
            {linkLabel ?? t("seeAll")}
          </Link>
        ) : null}
      </header>
      {children}
    </section>
  );
}

function Stat({ to, value, label, tone }: { to: string; value: number; label: string; tone?: "danger" | "warn" | "ok" }) {
  return (
    <Link to={to} className={`stat${tone && value > 0 ? ` stat--${tone}` : ""}`}>
      <span className="stat__value">{formatCount(value)}</span>
      <span className="stat__label">{label}</span>
    </Link>
  );
}

/** "and 12 more" under a capped list, linking to the full one. */
function MoreLink({
  shown,
  total,
  to,
  what,
}: {
  shown: number;
  total: number;
  to: string;
  what: "moreLate" | "moreThreatened" | "moreDue";
}) {
  const { t } = useTranslation("dashboard");
  if (total <= shown) return null;
  return (
    <p className="small">
      <Link to={to}>
        {t(`milestones.${what}`, { value: total > COUNT_CAP ? `${COUNT_CAP - shown}+` : String(total - shown) })}
      </Link>
    </p>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="muted small">{children}</p>;
}

export default function Home() {
  const fmt = useFormat();
  const { user, dashboard: d, preview } = useLoaderData<typeof loader>();
  const openActions = d.actions.length;
  const overdueActions = d.overdueActions;
  const { t } = useTranslation("dashboard");
  return (
    <div className="page">
      <PreviewBar active={preview.active} choices={preview.choices} />
      <header className="page-header">
        <p className="eyebrow">{user.organizationName}</p>
        <h1>{t("welcome", { name: user.displayName })}</h1>
        <p className="muted">
          <Trans
            t={t}
            i18nKey="signedInAs"
            values={{ role: t(`labels:role.${user.role}`), organization: user.organizationName, date: formatPlainDate(d.today) }}
            components={{ strong: <strong /> }}
          />
        </p>
      </header>

      {d.internal ? (
        <div className="stats" role="list" aria-label={t("atAGlance")}>
          {ISSUE_STATUSES.filter((s) => s !== "withdrawn").map((s) => (
            <div role="listitem" key={s}>
              <Stat
                to={`/issues?status=${s}`}
                value={d.issueCounts[s]}
                label={t("issuesWithStatus", { status: t(`labels:issueStatus.${s}`) })}
                tone={s === "deadlocked" ? "danger" : s === "agreed" ? "ok" : undefined}
              />
            </div>
          ))}
          <div role="listitem">
            <Stat to="/milestones?risk=late" value={d.milestones.lateTotal} label={t("lateMilestones")} tone="danger" />
          </div>
          <div role="listitem">
            <Stat
              to="/milestones?risk=threatened"
              value={d.milestones.threatenedTotal}
              label={t("threatenedMilestones")}
              tone="warn"
            />
          </div>
          <div role="listitem">
            <Stat to="/actions" value={overdueActions} label={t("overdueActions")} tone="danger" />
          </div>
        </div>
      ) : null}

      <div className="dash-grid">
        {d.awaitingConcurrence.length || d.positionsAwaiting.length ? (
          <Card
            id="dash-concurrence"
            title={t("agreement:register.awaiting", { organization: user.organizationShortName })}
            href="/agreement"
            linkLabel={t("agreement:clause.back")}
          >
            <ul>
              {d.awaitingConcurrence.map((a) => (
                <li key={a.id}>
                  <Link to={`/agreement/clauses/${a.clauseId}`}>
                    {a.reference}: {a.title}
                  </Link>{" "}
                  <span className="muted small">{t("agreement:register.proposedBy", { organization: a.proposer })}</span>
                </li>
              ))}
              {d.positionsAwaiting.map((p) => (
                <li key={p.id}>
                  <Link to={`/issues/${p.issueId}`}>
                    {t("agreement:position.awaitingItem", { organization: p.proposer, issue: p.title })}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {d.requests !== null ? (
          <Card id="dash-requests" title={t("requests.title")} href="/demand" linkLabel={t("requests.all")}>
            {d.demandCounts ? (
              <ul className="chips" aria-label={t("requests.byStatus")}>
                {DEMAND_STATUSES.filter((s) => (d.demandCounts?.[s] ?? 0) > 0).map((s) => (
                  <li key={s}>
                    <Link to={`/demand?status=${s}`} className={DEMAND_STATUS_BADGES[s]}>
                      {t("requests.statusCount", {
                        status: t(`labels:demandStatus.${s}`),
                        value: formatCount(d.demandCounts?.[s] ?? 0),
                      })}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {d.requests.length === 0 ? (
              <Empty>
                <Trans t={t} i18nKey="requests.none" components={{ submit: <Link to="/demand/new" /> }} />
              </Empty>
            ) : (
              <ul className="dash-list">
                {d.requests.map((r) => (
                  <li key={r.id}>
                    <Link to={`/demand/${r.id}`}>
                      {t("requests.line", {
                        material: t(`labels:material.${r.material}`, { defaultValue: r.material }),
                        year: r.fiscal_year,
                      })}
                    </Link>{" "}
                    <span className="muted small">{formatTonnes(r.quantity_kg)}</span>{" "}
                    <span className={DEMAND_STATUS_BADGES[r.status]}>{t(`labels:demandStatus.${r.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}

        {d.requests === null ? (
          <Card id="dash-issues" title={t("issues.title")} href="/positions" linkLabel={t("issues.matrix")}>
            {d.issues.length === 0 ? (
              <Empty>{t("issues.none")}</Empty>
            ) : (
              <>
                <p className="small muted">
                  {(["converging", "stable", "diverging", "stuck"] as const)
                    .filter((trend) => d.trends[trend] > 0)
                    .map((trend) =>
                      t("issues.trendCount", { count: d.trends[trend], trend: t(`labels:trend.${trend}`).toLowerCase() }),
                    )
                    .join(" · ")}{" "}
                  {t("issues.overLast90Days")}
                </p>
                <TableScroll label={t("issues.title")}>
                  <table className="table table--dense">
                    <thead>
                      <tr>
                        <th scope="col">{t("issues.issue")}</th>
                        <th scope="col">{t("issues.status")}</th>
                        <th scope="col">{t("issues.trend")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.issues.map((i) => (
                        <tr key={i.id}>
                          <td>
                            <Link to={`/issues/${i.id}`}>{i.title}</Link>
                          </td>
                          <td>
                            <span className={ISSUE_STATUS_BADGES[i.status]}>{t(`labels:issueStatus.${i.status}`)}</span>
                          </td>
                          <td>
                            <TrendBadge trend={i.trend} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
          </Card>
        ) : null}

        {d.internal ? (
          <Card
            id="dash-assessment"
            title={t("assessment.title")}
            href={d.assessment?.issue_id ? `/issues/${d.assessment.issue_id}` : "/positions"}
            linkLabel={t("assessment.readInContext")}
          >
            {d.assessment ? (
              <div className="stack-tight">
                <p>
                  <span className={RISK_BADGES[d.assessment.risk]}>{t(`labels:risk.${d.assessment.risk}`)}</span>{" "}
                  <span className="muted small">
                    {formatPlainDate(d.assessment.assessed_on)} · {d.assessment.author} ·{" "}
                    {d.assessment.issue_title ?? t("assessment.wholeNegotiation")}
                  </span>
                </p>
                <p>{d.assessment.summary}</p>
                {d.assessment.recommendation ? (
                  <p className="small">
                    <strong>{t("assessment.recommendation")}</strong> {d.assessment.recommendation}
                  </p>
                ) : null}
              </div>
            ) : (
              <Empty>{t("assessment.none")}</Empty>
            )}
          </Card>
        ) : null}

        {d.positions.length > 0 ? (
          <Card id="dash-positions" title={t("positions.title")} href="/positions" linkLabel={t("issues.matrix")}>
            <ul className="dash-list">
              {d.positions.map((p) => (
                <li key={p.id}>
                  <Link to={`/issues/${p.issue_id}`}>{p.issue_title}</Link>{" "}
                  <span className="badge">{t(`labels:stance.${p.stance}`)}</span>{" "}
                  <span className="muted small">{t("positions.since", { date: formatPlainDate(p.stated_on) })}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        <Card id="dash-milestones" title={t("milestones.title")} href="/milestones/timeline" linkLabel={t("milestones.timeline")}>
          {d.milestones.late.length + d.milestones.threatened.length === 0 ? <Empty>{t("milestones.noneAtRisk")}</Empty> : null}
          <ul className="dash-list">
            {[...d.milestones.late, ...d.milestones.threatened].map((m) => (
              <li key={m.id}>
                <span className={m.risk === "late" ? "badge badge--danger" : "badge badge--warn"}>
                  {m.risk === "late" ? t("milestones.late") : t("milestones.threatened")}
                </span>{" "}
                <Link to={`/milestones/${m.id}`}>{m.title}</Link>{" "}
                <span className="muted small">{t("milestones.due", { date: formatPlainDate(m.dueDate) })}</span>
                {m.reason ? <p className="small muted dash-reason">{riskReasonText(m.reason, t)}</p> : null}
              </li>
            ))}
          </ul>
          <MoreLink shown={d.milestones.late.length} total={d.milestones.lateTotal} to="/milestones?risk=late" what="moreLate" />
          <MoreLink
            shown={d.milestones.threatened.length}
            total={d.milestones.threatenedTotal}
            to="/milestones?risk=threatened"
            what="moreThreatened"
          />
          <h3 className="dash-subhead">{t("milestones.next60")}</h3>
          {d.milestones.upcoming.length === 0 ? (
            <Empty>{t("milestones.nothingDue")}</Empty>
          ) : (
            <ul className="dash-list">
              {d.milestones.upcoming.map((m) => (
                <li key={m.id}>
                  <Link to={`/milestones/${m.id}`}>{m.title}</Link>{" "}
                  <span className="muted small">{t("milestones.due", { date: formatPlainDate(m.dueDate) })}</span>
                </li>
              ))}
            </ul>
          )}
          <MoreLink shown={d.milestones.upcoming.length} total={d.milestones.upcomingTotal} to="/milestones" what="moreDue" />
          {d.milestones.next.length > 0 ? (
            <>
              <h3 className="dash-subhead">{t("milestones.later")}</h3>
              <ul className="dash-list">
                {d.milestones.next.map((m) => (
                  <li key={m.id}>
                    <Link to={`/milestones/${m.id}`}>{m.title}</Link>{" "}
                    <span className="muted small">{t("milestones.due", { date: formatPlainDate(m.dueDate) })}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>

        {d.requests === null || d.consultations.length > 0 ? (
          <Card id="dash-consultations" title={t("consultations.title")} href="/consultations">
            {d.consultations.length === 0 ? (
              <Empty>{t("consultations.none")}</Empty>
            ) : (
              <ul className="dash-list">
                {d.consultations.map((c) => (
                  <li key={c.id}>
                    <Link to={`/consultations/${c.id}`}>{c.title}</Link>{" "}
                    <span className="muted small">
                      {fmt.date(c.startsAt)} · {t(`labels:visibility.${c.visibility}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="dash-subhead">
              {t("consultations.openActions")}{" "}
              {overdueActions > 0 ? (
                <span className="badge badge--danger">
                  {t("consultations.overdueCount", { value: formatCount(overdueActions) })}
                </span>
              ) : null}
            </h3>
            {openActions === 0 ? (
              <Empty>{t("consultations.noActions")}</Empty>
            ) : (
              <ul className="dash-list">
                {d.actions.map((a) => (
                  <li key={a.id} className={a.overdue ? "dash-overdue" : undefined}>
                    {a.description}{" "}
                    <span className="muted small">
                      {t("consultations.actionMeta", { owner: a.owner, date: formatPlainDate(a.dueDate) })}
                    </span>
                    {a.overdue ? <span className="badge badge--danger">{t("consultations.overdue")}</span> : null}{" "}
                    <Link to={`/consultations/${a.consultationId}`} className="small">
                      {a.consultationTitle}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <p className="small">
              <Link to="/actions">{t("consultations.allActions")}</Link>
            </p>
          </Card>
        ) : null}

        {d.supply ? (
          <Card
            id="dash-supply"
            title={t("supply.title", { year: d.supply.fiscalYear })}
            href="/supply"
            linkLabel={t("supply.link")}
          >
            {d.supply.rows.length === 0 ? (
              <Empty>{t("supply.none")}</Empty>
            ) : (
              <div className="dash-table">
                <TableScroll label={t("supply.title", { year: d.supply.fiscalYear })}>
                  <table className="table table--dense">
                    <thead>
                      <tr>
                        <th scope="col">{t("supply.material")}</th>
                        <th scope="col" className="num">
                          {t("supply.production")}
                        </th>
                        <th scope="col" className="num">
                          {t("supply.toJapan")}
                        </th>
                        <th scope="col" className="num">
                          {t("supply.balance")}
                        </th>
                        <th scope="col" className="num">
                          {t("supply.pending")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.supply.rows.map((r) => (
                        <tr key={r.material}>
                          <td>
                            <Link to={`/supply?material=${r.material}`}>
                              {t(`labels:material.${r.material}`, { defaultValue: r.material })}
                            </Link>
                          </td>
                          <td className="num">{formatTonnes(r.productionKg)}</td>
                          <td className="num">{formatTonnes(r.exportsKg)}</td>
                          <td className={r.shortfall ? "num dash-shortfall" : "num"}>
                            {r.shortfall
                              ? t("supply.shortfall", { amount: formatTonnes(-r.balanceKg) })
                              : formatTonnes(r.balanceKg)}
                          </td>
                          <td className={r.pendingShortfall ? "num dash-pending-over" : "num"}>{formatTonnes(r.pendingKg)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </div>
            )}
          </Card>
        ) : null}

        {d.minutesAwaiting.length > 0 ? (
          <Card id="dash-minutes" title={t("minutes.awaitingTitle")}>
            <ul className="dash-list">
              {d.minutesAwaiting.map((m) => (
                <li key={m.consultationId}>
                  <Link to={`/consultations/${m.consultationId}/minutes`}>{m.title}</Link>{" "}
                  <span className="muted small">
                    {t("minutes.circulated", { number: m.number, at: formatDateTime(m.circulatedAt) })}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {d.minutesWaiting ? (
          <Card id="dash-minutes-waiting" title={t("minutes.waitingTitle")}>
            {d.minutesWaiting.length === 0 ? (
              <Empty>{t("minutes.noneWaiting")}</Empty>
            ) : (
              <ul className="dash-list">
                {d.minutesWaiting.map((m) => (
                  <li key={m.consultationId}>
                    <Link to={`/consultations/${m.consultationId}/minutes`}>{m.title}</Link>{" "}
                    <span className="muted small">
                      {t("minutes.circulatedWaiting", {
                        number: m.number,
                        at: formatDateTime(m.circulatedAt),
                        orgs: m.waitingOn.join(", ") || "—",
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}

        <Card id="dash-since" title={t("since.title")} href="/activity" linkLabel={t("since.allActivity")}>
          {d.since.since === null ? (
            <Empty>{t("since.firstVisit")}</Empty>
          ) : d.since.items.length === 0 ? (
            <Empty>{t("since.nothing", { date: fmt.dateTime(d.since.since) })}</Empty>
          ) : (
            <ul className="dash-list">
              {d.since.items.map((item) => (
                <li key={item.id}>
                  <span className="badge badge--muted">{t(`labels:activityKind.${item.kind}`)}</span>{" "}
                  <Link to={item.href}>{activitySubjectText(item.subject, t)}</Link>{" "}
                  <span className="muted small">
                    {describeAction(item.action, t)}
                    {item.actorName ? t("since.by", { name: item.actorName }) : ""}, {fmt.dateTime(item.at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
