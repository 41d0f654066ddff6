import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { requireUser } from "~/models/auth.server";
import { assembleDashboard } from "~/models/dashboard.server";
import dashboardStyles from "~/styles/dashboard.css";
import { TREND_LABELS, type Trend } from "~/models/convergence";
import { getDb } from "~/utils/db.server";
import { DEMAND_STATUS_BADGES, DEMAND_STATUS_LABELS, materialLabel } from "~/utils/demand-labels";
import { ISSUE_STATUS_BADGES, ISSUE_STATUS_LABELS, RISK_BADGES, RISK_LABELS, STANCE_LABELS } from "~/utils/issueLabels";
import { ROLE_LABELS, VISIBILITY_LABELS } from "~/utils/labels";
import { DEMAND_STATUSES, ISSUE_STATUSES } from "~db/schema";
import { formatDate, formatDateTime, formatPlainDate, formatTonnes } from "~/utils/format";
import { ACTIVITY_KIND_LABELS, activitySubjectText, describeAction, riskReasonText } from "~/utils/messages";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export const meta: MetaFunction = () => [{ title: "Home · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const dashboard = await assembleDashboard(getDb(), user);
  return {
    user: { displayName: user.displayName, roleLabel: ROLE_LABELS[user.role], organizationName: user.organizationName, organizationShortName: user.organizationShortName, role: user.role },
    dashboard,
  };
}

const TREND_MARKS: Record<Trend, string> = { converging: "▼", diverging: "▲", stable: "■", stuck: "✕", insufficient: "…" };

function TrendBadge({ trend }: { trend: Trend }) {
  const tone = trend === "converging" ? "badge--ok" : trend === "stuck" || trend === "diverging" ? "badge--danger" : "badge--muted";
  return (
    <span className={`badge ${tone}`}>
      <span aria-hidden="true">{TREND_MARKS[trend]} </span>
      {TREND_LABELS[trend]}
    </span>
  );
}

function Card({ title, href, linkLabel, children, id }: { title: string; href?: string; linkLabel?: string; children: ReactNode; id: string }) {
  return (
    <section className="card dash-card" aria-labelledby={id}>
      <header className="dash-card__header">
        <h2 id={id}>{title}</h2>
        {href ? (
          <Link to={href} className="small">
            {linkLabel ?? "See all"}
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
      <span className="stat__value">{value}</span>
      <span className="stat__label">{label}</span>
    </Link>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="muted small">{children}</p>;
}

export default function Home() {
  const { user, dashboard: d } = useLoaderData<typeof loader>();
  const openActions = d.actions.length;
  const overdueActions = d.overdueActions;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{user.organizationName}</p>
        <h1>Welcome, {user.displayName}</h1>
        <p className="muted">
          Signed in as <strong>{user.roleLabel}</strong>, {user.organizationName}. The negotiation as of {formatPlainDate(d.today)}.
        </p>
      </header>

      {d.internal ? (
      <div className="stats" role="list" aria-label="At a glance">
        {ISSUE_STATUSES.filter((s) => s !== "withdrawn").map((s) => (
          <div role="listitem" key={s}>
            <Stat to={`/issues?status=${s}`} value={d.issueCounts[s]} label={`${ISSUE_STATUS_LABELS[s]} issues`} tone={s === "deadlocked" ? "danger" : s === "agreed" ? "ok" : undefined} />
          </div>
        ))}
        <div role="listitem">
          <Stat to="/milestones?risk=late" value={d.milestones.late.length} label="Late milestones" tone="danger" />
        </div>
        <div role="listitem">
          <Stat to="/milestones?risk=threatened" value={d.milestones.threatened.length} label="Threatened milestones" tone="warn" />
        </div>
        <div role="listitem">
          <Stat to="/actions" value={overdueActions} label="Overdue actions" tone="danger" />
        </div>
      </div>
      ) : null}

      <div className="dash-grid">
        {d.awaitingConcurrence.length ? (
          <Card id="dash-concurrence" title={`Awaiting ${user.organizationShortName}'s concurrence`} href="/agreement" linkLabel="The agreement">
            <ul>
              {d.awaitingConcurrence.map((a) => (
                <li key={a.id}>
                  <Link to={`/agreement/clauses/${a.clauseId}`}>
                    {a.reference}: {a.title}
                  </Link>{" "}
                  <span className="muted small">proposed by {a.proposer}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {d.requests !== null ? (
          <Card id="dash-requests" title="Your organization's demand requests" href="/demand" linkLabel="All requests">
            {d.demandCounts ? (
              <ul className="chips" aria-label="Requests by status">
                {DEMAND_STATUSES.filter((s) => (d.demandCounts?.[s] ?? 0) > 0).map((s) => (
                  <li key={s}>
                    <Link to={`/demand?status=${s}`} className={DEMAND_STATUS_BADGES[s]}>
                      {DEMAND_STATUS_LABELS[s]}: {d.demandCounts?.[s]}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {d.requests.length === 0 ? (
              <Empty>No requests yet. <Link to="/demand/new">Submit a demand request</Link>.</Empty>
            ) : (
              <ul className="dash-list">
                {d.requests.map((r) => (
                  <li key={r.id}>
                    <Link to={`/demand/${r.id}`}>
                      {materialLabel(r.material)}, {r.fiscal_year}
                    </Link>{" "}
                    <span className="muted small">{formatTonnes(r.quantity_kg)}</span>{" "}
                    <span className={DEMAND_STATUS_BADGES[r.status]}>{DEMAND_STATUS_LABELS[r.status]}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}

        {d.requests === null ? (
        <Card id="dash-issues" title="The negotiation at a glance" href="/positions" linkLabel="Positions matrix">
          {d.issues.length === 0 ? (
            <Empty>No negotiation issues are shared with your organization yet.</Empty>
          ) : (
            <>
              <p className="small muted">
                {(["converging", "stable", "diverging", "stuck"] as const)
                  .filter((t) => d.trends[t] > 0)
                  .map((t) => `${d.trends[t]} ${TREND_LABELS[t].toLowerCase()}`)
                  .join(" · ")}{" "}
                over the last 90 days
              </p>
              <table className="table table--dense">
                <thead>
                  <tr>
                    <th scope="col">Issue</th>
                    <th scope="col">Status</th>
                    <th scope="col">Trend</th>
                  </tr>
                </thead>
                <tbody>
                  {d.issues.map((i) => (
                    <tr key={i.id}>
                      <td>
                        <Link to={`/issues/${i.id}`}>{i.title}</Link>
                      </td>
                      <td>
                        <span className={ISSUE_STATUS_BADGES[i.status]}>{ISSUE_STATUS_LABELS[i.status]}</span>
                      </td>
                      <td>
                        <TrendBadge trend={i.trend} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Card>
        ) : null}

        {d.internal ? (
          <Card id="dash-assessment" title="Latest diplomatic assessment" href={d.assessment?.issue_id ? `/issues/${d.assessment.issue_id}` : "/positions"} linkLabel="Read in context">
            {d.assessment ? (
              <div className="stack-tight">
                <p>
                  <span className={RISK_BADGES[d.assessment.risk]}>{RISK_LABELS[d.assessment.risk]}</span>{" "}
                  <span className="muted small">
                    {formatPlainDate(d.assessment.assessed_on)} · {d.assessment.author} · {d.assessment.issue_title ?? "The negotiation as a whole"}
                  </span>
                </p>
                <p>{d.assessment.summary}</p>
                {d.assessment.recommendation ? (
                  <p className="small">
                    <strong>Recommendation:</strong> {d.assessment.recommendation}
                  </p>
                ) : null}
              </div>
            ) : (
              <Empty>No assessment has been written yet.</Empty>
            )}
          </Card>
        ) : null}

        {d.positions.length > 0 ? (
          <Card id="dash-positions" title="Your organization's positions" href="/positions" linkLabel="Positions matrix">
            <ul className="dash-list">
              {d.positions.map((p) => (
                <li key={p.id}>
                  <Link to={`/issues/${p.issue_id}`}>{p.issue_title}</Link> <span className="badge">{STANCE_LABELS[p.stance]}</span>{" "}
                  <span className="muted small">since {formatPlainDate(p.stated_on)}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        <Card id="dash-milestones" title="Transition milestones" href="/milestones/timeline" linkLabel="Timeline">
          {d.milestones.late.length + d.milestones.threatened.length === 0 ? <Empty>No milestone is late or threatened.</Empty> : null}
          <ul className="dash-list">
            {[...d.milestones.late, ...d.milestones.threatened].map((m) => (
              <li key={m.id}>
                <span className={m.risk === "late" ? "badge badge--danger" : "badge badge--warn"}>{m.risk === "late" ? "Late" : "Threatened"}</span>{" "}
                <Link to={`/milestones/${m.id}`}>{m.title}</Link> <span className="muted small">due {formatPlainDate(m.dueDate)}</span>
                {m.reason ? <p className="small muted dash-reason">{riskReasonText(m.reason)}</p> : null}
              </li>
            ))}
          </ul>
          <h3 className="dash-subhead">Due in the next 60 days</h3>
          {d.milestones.upcoming.length === 0 ? (
            <Empty>Nothing falls due in the next 60 days.</Empty>
          ) : (
            <ul className="dash-list">
              {d.milestones.upcoming.map((m) => (
                <li key={m.id}>
                  <Link to={`/milestones/${m.id}`}>{m.title}</Link> <span className="muted small">due {formatPlainDate(m.dueDate)}</span>
                </li>
              ))}
            </ul>
          )}
          {d.milestones.next.length > 0 ? (
            <>
              <h3 className="dash-subhead">Later</h3>
              <ul className="dash-list">
                {d.milestones.next.map((m) => (
                  <li key={m.id}>
                    <Link to={`/milestones/${m.id}`}>{m.title}</Link> <span className="muted small">due {formatPlainDate(m.dueDate)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>

        {d.requests === null || d.consultations.length > 0 ? (
        <Card id="dash-consultations" title="Latest consultations" href="/consultations">
          {d.consultations.length === 0 ? (
            <Empty>No consultations yet.</Empty>
          ) : (
            <ul className="dash-list">
              {d.consultations.map((c) => (
                <li key={c.id}>
                  <Link to={`/consultations/${c.id}`}>{c.title}</Link>{" "}
                  <span className="muted small">
                    {formatDate(c.startsAt)} · {VISIBILITY_LABELS[c.visibility]}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="dash-subhead">
            Open follow-up actions {overdueActions > 0 ? <span className="badge badge--danger">{overdueActions} overdue</span> : null}
          </h3>
          {openActions === 0 ? (
            <Empty>No open actions.</Empty>
          ) : (
            <ul className="dash-list">
              {d.actions.map((a) => (
                <li key={a.id} className={a.overdue ? "dash-overdue" : undefined}>
                  {a.description} <span className="muted small">— {a.owner}, due {formatPlainDate(a.dueDate)}</span>
                  {a.overdue ? <span className="badge badge--danger">Overdue</span> : null}{" "}
                  <Link to={`/consultations/${a.consultationId}`} className="small">
                    {a.consultationTitle}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p className="small">
            <Link to="/actions">All follow-up actions</Link>
          </p>
        </Card>
        ) : null}

        {d.supply ? (
          <Card id="dash-supply" title={`Supply balance, ${d.supply.fiscalYear}`} href="/supply" linkLabel="Supply and balance">
            {d.supply.rows.length === 0 ? (
              <Empty>No supply figures for this fiscal year yet.</Empty>
            ) : (
              <div className="dash-table">
              <table className="table table--dense">
                <thead>
                  <tr>
                    <th scope="col">Material</th>
                    <th scope="col" className="num">
                      Production
                    </th>
                    <th scope="col" className="num">
                      To Japan
                    </th>
                    <th scope="col" className="num">
                      Balance
                    </th>
                    <th scope="col" className="num">
                      Pending
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.supply.rows.map((r) => (
                    <tr key={r.material}>
                      <td>
                        <Link to={`/supply?material=${r.material}`}>{materialLabel(r.material)}</Link>
                      </td>
                      <td className="num">{formatTonnes(r.productionKg)}</td>
                      <td className="num">{formatTonnes(r.exportsKg)}</td>
                      <td className={r.shortfall ? "num dash-shortfall" : "num"}>
                        {r.shortfall ? `Shortfall ${formatTonnes(-r.balanceKg)}` : formatTonnes(r.balanceKg)}
                      </td>
                      <td className={r.pendingShortfall ? "num dash-pending-over" : "num"}>{formatTonnes(r.pendingKg)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            )}
          </Card>
        ) : null}

        <Card id="dash-since" title="Since your last visit" href="/activity" linkLabel="All activity">
          {d.since.since === null ? (
            <Empty>This is your first visit: changes will appear here from your next one.</Empty>
          ) : d.since.items.length === 0 ? (
            <Empty>Nothing has changed since {formatDateTime(d.since.since)}.</Empty>
          ) : (
            <ul className="dash-list">
              {d.since.items.map((item) => (
                <li key={item.id}>
                  <span className="badge badge--muted">{ACTIVITY_KIND_LABELS[item.kind]}</span> <Link to={item.href}>{activitySubjectText(item.subject)}</Link>{" "}
                  <span className="muted small">
                    {describeAction(item.action)}
                    {item.actorName ? ` by ${item.actorName}` : ""}, {formatDateTime(item.at)}
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
