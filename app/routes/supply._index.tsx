import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { BalanceChart, ChartLegend } from "~/components/BalanceChart";
import { useMaterialName } from "~/components/ScenarioEditor";
import { TableScroll } from "~/components/TableScroll";
import { BalanceCell, YearGrid } from "~/components/YearGrid";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { materialFrom } from "~/models/balance-query.server";
import { compareFiscalYears } from "~/models/fiscal-year";
import { balanceOf, groupRows, totalsOf } from "~/models/supply-balance";
import { listSupplyFigures, supplyYears } from "~/models/supply.server";
import styles from "~/styles/demand.css";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { MATERIALS } from "~db/schema";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("supply:balance.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "supply:read");
  const material = materialFrom(new URL(request.url));
  const db = getDb();
  const [years, figures] = await Promise.all([supplyYears(db, user), listSupplyFigures(db)]);
  const figureOf = new Map(figures.map((f) => [`${f.material}|${f.fiscal_year}`, { id: f.id, basis: f.production_basis }]));
  const rows = years.map((y) => ({ ...balanceOf(y), figure: figureOf.get(`${y.material}|${y.fiscalYear}`) ?? null }));
  return {
    material,
    rows,
    fiscalYears: [...new Set(rows.map((r) => r.fiscalYear))].sort(compareFiscalYears),
    canEdit: can(user, "supply:edit"),
  };
}

export default function SupplyPage() {
  const { material, rows, fiscalYears, canEdit } = useLoaderData<typeof loader>();
  const mine = rows.filter((r) => r.material === material);
  const totals = totalsOf(mine);
  const shortfalls = rows.filter((r) => r.shortfall);
  const pressure = rows.filter((r) => !r.shortfall && r.pendingShortfall);
  const byMaterial = groupRows(rows, "material");
  const { t } = useTranslation("supply");
  const fmt = useFormat();
  const materialName = useMaterialName();
  const label = materialName(material);
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{t("balance.title")}</h1>
          <p className="muted">{t("balance.intro")}</p>
        </div>
        <div className="form-actions">
          <Link to="/supply/scenarios" className="button">
            {t("balance.whatIf")}
          </Link>
          <a href="/supply/balance.csv" className="button" download>
            {t("balance.export")}
          </a>
          {canEdit ? (
            <Link to="/supply/figures/new" className="button button--primary">
              {t("balance.addFigure")}
            </Link>
          ) : null}
        </div>
      </header>

      {shortfalls.length > 0 ? (
        <div className="notice notice--error" role="status">
          <strong>{t("balance.shortfallNotice")}</strong>{" "}
          {shortfalls.map((r, i) => (
            <span key={`${r.material}${r.fiscalYear}`}>
              {i > 0 ? t("balance.itemSeparator") : ""}
              <Link to={`/supply?material=${r.material}`}>
                {t("balance.materialYear", { material: materialName(r.material), year: r.fiscalYear })}
              </Link>{" "}
              ({fmt.tonnes(r.balanceKg)})
            </span>
          ))}
        </div>
      ) : null}
      {pressure.length > 0 ? (
        <div className="notice notice--warn">
          <strong>{t("balance.pressureNotice")}</strong>{" "}
          {pressure
            .map((r) =>
              t("balance.pressureItem", {
                material: materialName(r.material),
                year: r.fiscalYear,
                amount: fmt.tonnes(r.afterPendingKg),
              }),
            )
            .join(t("balance.itemSeparator"))}
        </div>
      ) : null}

      <nav className="subnav no-print" aria-label={t("balance.materials")}>
        {MATERIALS.map((m) => (
          <Link
            key={m}
            to={`/supply?material=${m}`}
            className={m === material ? "active" : undefined}
            aria-current={m === material ? "page" : undefined}
          >
            {materialName(m)}
          </Link>
        ))}
      </nav>

      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">{t("balance.chartHeading", { material: label })}</h2>
        {mine.length === 0 ? (
          <p className="muted">{t("balance.noFigures", { material: label.toLowerCase() })}</p>
        ) : (
          <>
            <ChartLegend />
            <BalanceChart rows={mine} title={t("balance.chartTitle", { material: label })} />
          </>
        )}
      </section>

      {mine.length > 0 ? (
        <TableScroll label={t("balance.tableCaption", { material: label })} className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("balance.tableCaption", { material: label })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("form.fiscalYear")}</th>
                <th scope="col" className="num">
                  {t("chart.series.productionKg")}
                </th>
                <th scope="col" className="num">
                  {t("chart.series.exportsKg")}
                </th>
                <th scope="col" className="num">
                  {t("balance.reserve")}
                </th>
                <th scope="col" className="num">
                  {t("balance.available")}
                </th>
                <th scope="col" className="num">
                  {t("chart.series.approvedKg")}
                </th>
                <th scope="col" className="num">
                  {t("balance.balance")}
                </th>
                <th scope="col" className="num">
                  {t("balance.pending")}
                </th>
                <th scope="col" className="num">
                  {t("balance.afterPending")}
                </th>
              </tr>
            </thead>
            <tbody>
              {mine.map((r) => (
                <tr key={r.fiscalYear} className={r.shortfall ? "row--shortfall" : undefined}>
                  <th scope="row">
                    {r.figure ? <Link to={`/supply/figures/${r.figure.id}`}>{r.fiscalYear}</Link> : r.fiscalYear}
                    <div className="muted small">{r.figure ? t(`labels:basis.${r.figure.basis}`) : t("balance.noFigure")}</div>
                  </th>
                  <td className="num">{fmt.tonnes(r.productionKg)}</td>
                  <td className="num">{fmt.tonnes(r.exportsKg)}</td>
                  <td className="num">{fmt.tonnes(r.reserveKg)}</td>
                  <td className="num">{fmt.tonnes(r.availableKg)}</td>
                  <td className="num">{fmt.tonnes(r.approvedKg)}</td>
                  <td className="num">
                    {fmt.tonnes(r.balanceKg)}
                    {r.shortfall ? <div className="badge badge--danger">{t("balance.shortfall")}</div> : null}
                  </td>
                  <td className="num">{fmt.tonnes(r.pendingKg)}</td>
                  <td className={r.pendingShortfall ? "num shortfall" : "num"}>{fmt.tonnes(r.afterPendingKg)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("balance.allYears")}</th>
                <td className="num">{fmt.tonnes(totals.productionKg)}</td>
                <td className="num">{fmt.tonnes(totals.exportsKg)}</td>
                <td className="num">{fmt.tonnes(totals.reserveKg)}</td>
                <td className="num">{fmt.tonnes(totals.availableKg)}</td>
                <td className="num">{fmt.tonnes(totals.approvedKg)}</td>
                <td className="num">{fmt.tonnes(totals.balanceKg)}</td>
                <td className="num">{fmt.tonnes(totals.pendingKg)}</td>
                <td className="num">{fmt.tonnes(totals.afterPendingKg)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      ) : null}

      <section aria-labelledby="overview-title" className="stack">
        <h2 id="overview-title">{t("balance.overview")}</h2>
        <p className="muted small">{t("balance.overviewHint")}</p>
        <TableScroll label={t("balance.overview")} className="table-wrap">
          <YearGrid
            corner={t("form.material")}
            years={fiscalYears}
            rows={byMaterial}
            rowKey={(g) => g.value}
            rowHeader={(g) => <Link to={`/supply?material=${g.value}`}>{materialName(g.value)}</Link>}
            cell={(g, fy) => <BalanceCell row={g.rows.find((x) => x.fiscalYear === fy)} />}
          />
        </TableScroll>
      </section>
    </div>
  );
}
