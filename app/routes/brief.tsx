import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Portion } from "~/components/Portion";
import { PreviewBar } from "~/components/Preview";
import { TableScroll } from "~/components/TableScroll";
import { assertCan, visibilityScope } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { parseLevels } from "~/models/brief";
import { allowedBriefLevels, assembleBrief } from "~/models/brief.server";
import { formatSpread } from "~/models/convergence";
import { pdfAvailable } from "~/models/pdf.server";
import { readerFor } from "~/models/preview.server";
import briefStyles from "~/styles/brief.css";
import { getDb } from "~/utils/db.server";
import { formatPlainDate, formatTonnes, useFormat } from "~/utils/format";
import { ISSUE_STATUS_BADGES, RISK_BADGES } from "~/utils/issue-labels";
import { riskReasonText } from "~/utils/messages";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";

export const links = stylesheetLinks(briefStyles);

export const meta = titleMeta("brief:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requireUser(request);
  assertCan(signedIn, "brief:read");
  const url = new URL(request.url);
  // With ?as=, the brief as that external organization would see it (read-only, audited).
  const { reader: user, preview } = await readerFor(getDb(), signedIn, url);
  const parsed = parseLevels(url.searchParams.getAll("levels"));
  if (!parsed.ok) throw data({ message: parsed.message }, { status: 400 });
  const allowed = allowedBriefLevels(user, parsed.levels);
  if (!allowed.ok) throw data({ message: allowed.message }, { status: 400 });
  const brief = await assembleBrief(getDb(), user, allowed.levels);
  const query = new URLSearchParams(allowed.levels.map((l) => ["levels", l]));
  if (preview.active) query.set("as", preview.active.organizationId);
  return {
    preview,
    levelsQuery: allowed.levels.map((l) => ["levels", l] as [string, string]),
    brief,
    reader: { name: user.displayName, organization: user.organizationName },
    choices: visibilityScope(user).levels.map((l) => ({ value: l, checked: allowed.levels.includes(l) })),
    pdfHref: pdfAvailable() ? `/brief.pdf?${query}` : null,
  };
}

function Banner({ classification }: { classification: string }) {
  const { t } = useTranslation("brief");
  return (
    <p className={`classification classification--${classification}`} role="note" aria-label={t("classificationLabel")}>
      {t(`banner.${classification}`)}
    </p>
  );
}

export default function BriefPage() {
  const { brief, reader, choices, pdfHref, preview, levelsQuery } = useLoaderData<typeof loader>();
  const { t } = useTranslation("brief");
  const fmt = useFormat();
  return (
    <article className="brief">
      <PreviewBar active={preview.active} choices={preview.choices} keep={levelsQuery} />
      <Form method="get" className="filters brief__controls" aria-label={t("contents")}>
        {preview.active ? <input type="hidden" name="as" value={preview.active.organizationId} /> : null}
        <fieldset className="brief__levels">
          <legend>{t("include")}</legend>
          {choices.map((c) => (
            <label key={c.value} className="checkbox">
              <input type="checkbox" name="levels" value={c.value} defaultChecked={c.checked} />{" "}
              {t(`labels:visibility.${c.value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("update")}
        </button>
        <PrintButton />
        {pdfHref ? (
          <a href={pdfHref} className="button button--primary" download>
            {t("downloadPdf")}
          </a>
        ) : (
          <span className="muted small">{t("noPdf")}</span>
        )}
      </Form>

      <Banner classification={brief.classification} />
      <header className="brief__header">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1>{t("heading")}</h1>
        <p className="muted">
          {t("asOf", {
            date: fmt.dateTime(brief.generatedAt),
            name: reader.name,
            organization: reader.organization,
            levels: brief.levels.map((l) => t(`labels:visibility.${l}`).toLowerCase()).join(t("levelSeparator")),
          })}
        </p>
      </header>

      <section className="brief__section" aria-labelledby="brief-issues">
        <h2 id="brief-issues">{t("issues.heading")}</h2>
        {brief.overall ? (
          <div className="brief__assessment">
            <p>
              <Portion level={brief.overall.visibility} /> <strong>{t("issues.overall")}</strong> (
              {formatPlainDate(brief.overall.assessedOn)}):{" "}
              <span className={RISK_BADGES[brief.overall.risk]}>{t(`labels:risk.${brief.overall.risk}`)}</span>
            </p>
            <p>{brief.overall.summary}</p>
            {brief.overall.recommendation ? (
              <p>
                <em>{t("issues.recommendation")}</em> {brief.overall.recommendation}
              </p>
            ) : null}
          </div>
        ) : null}
        {brief.issues.length === 0 ? <p className="muted">{t("issues.none")}</p> : null}
        {brief.issues.map((issue) => (
          <div key={issue.id} className="brief__issue">
            <h3>
              <Portion level={issue.visibility} /> <Link to={`/issues/${issue.id}`}>{issue.title}</Link>
            </h3>
            <p className="small">
              <span className={ISSUE_STATUS_BADGES[issue.status]}>{t(`labels:issueStatus.${issue.status}`)}</span> ·{" "}
              {t("issues.convergence")} <strong>{t(`labels:trend.${issue.trend}`)}</strong>
              {issue.spread !== null ? t("issues.spread", { spread: formatSpread(issue.spread) }) : ""}
            </p>
            <TableScroll label={issue.title}>
              <table className="table table--dense">
                <thead>
                  <tr>
                    <th scope="col">{t("issues.party")}</th>
                    <th scope="col">{t("issues.stance")}</th>
                    <th scope="col">{t("issues.flexibility")}</th>
                    <th scope="col">{t("issues.since")}</th>
                    <th scope="col">{t("issues.statement")}</th>
                  </tr>
                </thead>
                <tbody>
                  {issue.positions.map((p) => (
                    <tr key={p.party}>
                      <td>
                        {p.visibility ? <Portion level={p.visibility} /> : null} {p.party}
                      </td>
                      <td>{p.stance ? t(`labels:stance.${p.stance}`) : t("issues.noPosition")}</td>
                      <td>{p.flexibility ? t(`labels:flexibility.${p.flexibility}`) : "—"}</td>
                      <td className="nowrap">{formatPlainDate(p.statedOn)}</td>
                      <td>{p.statement ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {issue.assessment ? (
              <p className="small brief__note">
                <Portion level={issue.assessment.visibility} /> <strong>{t("issues.assessment")}</strong>{" "}
                {formatPlainDate(issue.assessment.assessedOn)}, {t(`labels:risk.${issue.assessment.risk}`).toLowerCase()}:{" "}
                {issue.assessment.summary}
              </p>
            ) : null}
          </div>
        ))}
        {brief.moreIssues ? <p className="muted small">{t("issues.more")}</p> : null}
      </section>

      <section className="brief__section" aria-labelledby="brief-milestones">
        <h2 id="brief-milestones">{t("milestones.heading")}</h2>
        {brief.milestones.length === 0 ? (
          <p className="muted">{t("milestones.none")}</p>
        ) : (
          <TableScroll label={t("milestones.heading")}>
            <table className="table table--dense">
              <thead>
                <tr>
                  <th scope="col">{t("milestones.due")}</th>
                  <th scope="col">{t("milestones.milestone")}</th>
                  <th scope="col">{t("milestones.status")}</th>
                  <th scope="col">{t("milestones.risk")}</th>
                </tr>
              </thead>
              <tbody>
                {brief.milestones.map((m) => (
                  <tr key={m.id}>
                    <td className="nowrap">{formatPlainDate(m.dueDate)}</td>
                    <td>
                      <Portion level={m.visibility} /> <Link to={`/milestones/${m.id}`}>{m.title}</Link>
                    </td>
                    <td>{t(`labels:milestoneStatus.${m.status}`, { defaultValue: m.status })}</td>
                    <td>
                      <strong>{t(`labels:milestoneRisk.${m.risk}`, { defaultValue: m.risk })}</strong>
                      {m.reason ? <span className="small muted"> — {riskReasonText(m.reason, t)}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {brief.moreMilestones ? <p className="muted small">{t("milestones.more")}</p> : null}
      </section>

      {brief.supply ? (
        <section className="brief__section" aria-labelledby="brief-supply">
          <h2 id="brief-supply">
            <Portion level={brief.supply.visibility} /> {t("supply.heading", { year: brief.supply.fiscalYear })}
          </h2>
          <p className="small muted">{t("supply.intro")}</p>
          <TableScroll label={t("supply.heading", { year: brief.supply.fiscalYear })}>
            <table className="table table--dense">
              <thead>
                <tr>
                  <th scope="col">{t("supply.material")}</th>
                  <th scope="col">{t("supply.production")}</th>
                  <th scope="col">{t("supply.exports")}</th>
                  <th scope="col">{t("supply.reserve")}</th>
                  <th scope="col">{t("supply.allocated")}</th>
                  <th scope="col">{t("supply.balance")}</th>
                  <th scope="col">{t("supply.pending")}</th>
                </tr>
              </thead>
              <tbody>
                {brief.supply.rows.map((r) => (
                  <tr key={r.material}>
                    <td>{t(`labels:material.${r.material}`, { defaultValue: r.material })}</td>
                    <td>{formatTonnes(r.productionKg)}</td>
                    <td>{formatTonnes(r.exportsKg)}</td>
                    <td>{formatTonnes(r.reserveKg)}</td>
                    <td>{formatTonnes(r.approvedKg)}</td>
                    <td>
                      {r.shortfall ? (
                        <strong>{t("supply.shortfall", { amount: formatTonnes(-r.balanceKg) })}</strong>
                      ) : (
                        formatTonnes(r.balanceKg)
                      )}
                    </td>
                    <td>{formatTonnes(r.pendingKg)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}

      <section className="brief__section" aria-labelledby="brief-consultations">
        <h2 id="brief-consultations">{t("consultations.heading")}</h2>
        {brief.consultations.length === 0 ? (
          <p className="muted">{t("consultations.none")}</p>
        ) : (
          <TableScroll label={t("consultations.heading")}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("consultations.date")}</th>
                  <th scope="col">{t("consultations.consultation")}</th>
                  <th scope="col">{t("consultations.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {brief.consultations.map((c) => (
                  <tr key={c.id}>
                    <td className="nowrap">{fmt.date(c.startsAt)}</td>
                    <td>
                      <Portion level={c.visibility} /> <Link to={`/consultations/${c.id}`}>{c.title}</Link>
                    </td>
                    <td>{c.outcome || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="brief__section" aria-labelledby="brief-clauses">
        <h2 id="brief-clauses">{t("clauses.heading")}</h2>
        {brief.clauses.length === 0 ? (
          <p className="muted">{t("clauses.none")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("clauses.clause")}</th>
                <th scope="col">{t("clauses.status")}</th>
                <th scope="col">{t("clauses.onTable")}</th>
              </tr>
            </thead>
            <tbody>
              {brief.clauses.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/agreement/clauses/${c.id}`}>
                      {c.reference}: {c.title}
                    </Link>
                    {c.illustrative ? <span className="small muted"> ({t("clauses.illustrative")})</span> : null}
                  </td>
                  <td>{t(`labels:clauseStatus.${c.status}`, { defaultValue: c.status })}</td>
                  <td>{c.onTable ? `${c.onTable.organization}: ${c.onTable.text}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Banner classification={brief.classification} />
    </article>
  );
}

function PrintButton() {
  const { t } = useTranslation("brief");
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("print")}
    </button>
  );
}
