import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { assertCan, visibilityScope } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { allowedBriefLevels, assembleBrief } from "~/models/brief.server";
import { pdfAvailable } from "~/models/pdf.server";
import briefStyles from "~/styles/brief.css";
import { CLASSIFICATION_BANNER, parseLevels } from "~/models/brief";
import { getDb } from "~/utils/db.server";
import { RISK_LABELS as MILESTONE_RISK_LABELS } from "~/models/milestone-rules";
import { formatSpread, TREND_LABELS } from "~/models/convergence";
import { materialLabel } from "~/utils/demand-labels";
import { FLEXIBILITY_LABELS, ISSUE_STATUS_BADGES, ISSUE_STATUS_LABELS, RISK_BADGES, RISK_LABELS, STANCE_LABELS } from "~/utils/issueLabels";
import { CLAUSE_STATUS_LABELS, MILESTONE_STATUS_LABELS, VISIBILITY_LABELS } from "~/utils/labels";
import { formatDate, formatDateTime, formatPlainDate, formatTonnes } from "~/utils/format";
import { riskReasonText } from "~/utils/messages";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: briefStyles }];

export const meta: MetaFunction = () => [{ title: "Negotiation brief · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "brief:read");
  const url = new URL(request.url);
  const parsed = parseLevels(url.searchParams.getAll("levels"));
  if (!parsed.ok) throw data({ message: parsed.message }, { status: 400 });
  const allowed = allowedBriefLevels(user, parsed.levels);
  if (!allowed.ok) throw data({ message: allowed.message }, { status: 400 });
  const brief = await assembleBrief(getDb(), user, allowed.levels);
  const query = new URLSearchParams(allowed.levels.map((l) => ["levels", l]));
  return {
    brief,
    reader: { name: user.displayName, organization: user.organizationName },
    choices: visibilityScope(user).levels.map((l) => ({ value: l, label: VISIBILITY_LABELS[l], checked: allowed.levels.includes(l) })),
    pdfHref: pdfAvailable() ? `/brief.pdf?${query}` : null,
    banner: CLASSIFICATION_BANNER[brief.classification],
  };
}

function Banner({ text, classification }: { text: string; classification: string }) {
  return (
    <p className={`classification classification--${classification}`} role="note" aria-label="Classification">
      {text}
    </p>
  );
}

export default function BriefPage() {
  const { brief, reader, choices, pdfHref, banner } = useLoaderData<typeof loader>();
  return (
    <article className="brief">
      <Form method="get" className="filters brief__controls" aria-label="Brief contents">
        <fieldset className="brief__levels">
          <legend>Include material classified</legend>
          {choices.map((c) => (
            <label key={c.value} className="checkbox">
              <input type="checkbox" name="levels" value={c.value} defaultChecked={c.checked} /> {c.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Update brief
        </button>
        <PrintButton />
        {pdfHref ? (
          <a href={pdfHref} className="button button--primary" download>
            Download PDF
          </a>
        ) : (
          <span className="muted small">PDF download needs Chromium on the server; use Print instead.</span>
        )}
      </Form>

      <Banner text={banner} classification={brief.classification} />
      <header className="brief__header">
        <p className="eyebrow">Accord · Negotiation brief</p>
        <h1>The 2012 IREL–Toyotsu rare-earth arrangement: state of the renegotiation</h1>
        <p className="muted">
          As of {formatDateTime(brief.generatedAt)} · prepared for {reader.name}, {reader.organization} · includes{" "}
          {brief.levels.map((l) => VISIBILITY_LABELS[l].toLowerCase()).join(", ")} material
        </p>
      </header>

      <section className="brief__section" aria-labelledby="brief-issues">
        <h2 id="brief-issues">The issues under negotiation</h2>
        {brief.overall ? (
          <div className="brief__assessment">
            <p>
              <strong>Overall assessment</strong> ({formatPlainDate(brief.overall.assessedOn)}):{" "}
              <span className={RISK_BADGES[brief.overall.risk]}>{RISK_LABELS[brief.overall.risk]}</span>
            </p>
            <p>{brief.overall.summary}</p>
            {brief.overall.recommendation ? (
              <p>
                <em>Recommendation:</em> {brief.overall.recommendation}
              </p>
            ) : null}
          </div>
        ) : null}
        {brief.issues.length === 0 ? <p className="muted">No issues at these levels.</p> : null}
        {brief.issues.map((issue) => (
          <div key={issue.id} className="brief__issue">
            <h3>
              <Link to={`/issues/${issue.id}`}>{issue.title}</Link>
            </h3>
            <p className="small">
              <span className={ISSUE_STATUS_BADGES[issue.status]}>{ISSUE_STATUS_LABELS[issue.status]}</span> · Convergence:{" "}
              <strong>{TREND_LABELS[issue.trend]}</strong>
              {issue.spread !== null ? ` (parties ${formatSpread(issue.spread)} apart on a scale of 2)` : ""}
            </p>
            <table className="table table--dense">
              <thead>
                <tr>
                  <th scope="col">Party</th>
                  <th scope="col">Stance</th>
                  <th scope="col">Flexibility</th>
                  <th scope="col">Since</th>
                  <th scope="col">Statement</th>
                </tr>
              </thead>
              <tbody>
                {issue.positions.map((p) => (
                  <tr key={p.party}>
                    <td>{p.party}</td>
                    <td>{p.stance ? STANCE_LABELS[p.stance] : "No position recorded"}</td>
                    <td>{p.flexibility ? FLEXIBILITY_LABELS[p.flexibility] : "—"}</td>
                    <td className="nowrap">{formatPlainDate(p.statedOn)}</td>
                    <td>{p.statement ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {issue.assessment ? (
              <p className="small brief__note">
                <strong>Assessment</strong> {formatPlainDate(issue.assessment.assessedOn)},{" "}
                {RISK_LABELS[issue.assessment.risk].toLowerCase()}: {issue.assessment.summary}
              </p>
            ) : null}
          </div>
        ))}
        {brief.moreIssues ? <p className="muted small">More issues exist than this brief lists; see the issue register.</p> : null}
      </section>

      <section className="brief__section" aria-labelledby="brief-milestones">
        <h2 id="brief-milestones">Transition milestones</h2>
        {brief.milestones.length === 0 ? (
          <p className="muted">No milestones at these levels.</p>
        ) : (
          <table className="table table--dense">
            <thead>
              <tr>
                <th scope="col">Due</th>
                <th scope="col">Milestone</th>
                <th scope="col">Status</th>
                <th scope="col">Risk</th>
              </tr>
            </thead>
            <tbody>
              {brief.milestones.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{formatPlainDate(m.dueDate)}</td>
                  <td>
                    <Link to={`/milestones/${m.id}`}>{m.title}</Link>
                  </td>
                  <td>{MILESTONE_STATUS_LABELS[m.status as keyof typeof MILESTONE_STATUS_LABELS] ?? m.status}</td>
                  <td>
                    <strong>{MILESTONE_RISK_LABELS[m.risk as keyof typeof MILESTONE_RISK_LABELS] ?? m.risk}</strong>
                    {m.reason ? <span className="small muted"> — {riskReasonText(m.reason)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {brief.supply ? (
        <section className="brief__section" aria-labelledby="brief-supply">
          <h2 id="brief-supply">Supply balance, {brief.supply.fiscalYear}</h2>
          <p className="small muted">Production minus exports committed to Japan, the strategic reserve and approved allocations; pending demand beside it.</p>
          <table className="table table--dense">
            <thead>
              <tr>
                <th scope="col">Material</th>
                <th scope="col">Production</th>
                <th scope="col">Committed exports</th>
                <th scope="col">Reserve</th>
                <th scope="col">Allocated</th>
                <th scope="col">Balance</th>
                <th scope="col">Pending</th>
              </tr>
            </thead>
            <tbody>
              {brief.supply.rows.map((r) => (
                <tr key={r.material}>
                  <td>{materialLabel(r.material)}</td>
                  <td>{formatTonnes(r.productionKg)}</td>
                  <td>{formatTonnes(r.exportsKg)}</td>
                  <td>{formatTonnes(r.reserveKg)}</td>
                  <td>{formatTonnes(r.approvedKg)}</td>
                  <td>{r.shortfall ? <strong>Shortfall {formatTonnes(-r.balanceKg)}</strong> : formatTonnes(r.balanceKg)}</td>
                  <td>{formatTonnes(r.pendingKg)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="brief__section" aria-labelledby="brief-consultations">
        <h2 id="brief-consultations">Recent consultations</h2>
        {brief.consultations.length === 0 ? (
          <p className="muted">No consultations at these levels.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Consultation</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {brief.consultations.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{formatDate(c.startsAt)}</td>
                  <td>
                    <Link to={`/consultations/${c.id}`}>{c.title}</Link>
                  </td>
                  <td>{c.outcome || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="brief__section" aria-labelledby="brief-clauses">
        <h2 id="brief-clauses">The 2012 agreement, clause by clause</h2>
        {brief.clauses.length === 0 ? (
          <p className="muted">No clauses at these levels.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Clause</th>
                <th scope="col">Status</th>
                <th scope="col">On the table</th>
              </tr>
            </thead>
            <tbody>
              {brief.clauses.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/agreement/clauses/${c.id}`}>
                      {c.reference}: {c.title}
                    </Link>
                    {c.illustrative ? <span className="small muted"> (illustrative text)</span> : null}
                  </td>
                  <td>{CLAUSE_STATUS_LABELS[c.status]}</td>
                  <td>{c.onTable ? `${c.onTable.organization}: ${c.onTable.text}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Banner text={banner} classification={brief.classification} />
    </article>
  );
}

function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print
    </button>
  );
}
