import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { BalanceChart, ChartLegend } from "~/components/BalanceChart";
import { BalanceCell, YearGrid } from "~/components/YearGrid";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { materialFrom } from "~/models/balance-query.server";
import { compareFiscalYears } from "~/models/fiscal-year";
import { balanceOf, groupRows, totalsOf } from "~/models/supply-balance";
import { listSupplyFigures, supplyYears } from "~/models/supply.server";
import styles from "~/styles/demand.css";
import { getDb } from "~/utils/db.server";
import { BASIS_LABELS, MATERIAL_LABELS } from "~/utils/demand-labels";
import { formatTonnes } from "~/utils/format";
import { MATERIALS } from "~db/schema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Supply and balance · Accord" }];

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
  const label = MATERIAL_LABELS[material];
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>Supply and balance</h1>
          <p className="muted">
            IREL's production less the exports committed to Japan, the strategic reserve and approved domestic allocations, per
            material and fiscal year. Pending demand is shown beside the balance.
          </p>
        </div>
        <div className="form-actions">
          <Link to="/supply/scenarios" className="button">
            Phase-down what-if
          </Link>
          <a href="/supply/balance.csv" className="button" download>
            Export CSV
          </a>
          {canEdit ? (
            <Link to="/supply/figures/new" className="button button--primary">
              Add supply figure
            </Link>
          ) : null}
        </div>
      </header>

      {shortfalls.length > 0 ? (
        <div className="notice notice--error" role="status">
          <strong>Shortfall after approved allocations:</strong>{" "}
          {shortfalls.map((r, i) => (
            <span key={`${r.material}${r.fiscalYear}`}>
              {i > 0 ? "; " : ""}
              <Link to={`/supply?material=${r.material}`}>
                {MATERIAL_LABELS[r.material as keyof typeof MATERIAL_LABELS]} {r.fiscalYear}
              </Link>{" "}
              ({formatTonnes(r.balanceKg)})
            </span>
          ))}
        </div>
      ) : null}
      {pressure.length > 0 ? (
        <div className="notice notice--warn">
          <strong>Pending demand exceeds the balance:</strong>{" "}
          {pressure
            .map(
              (r) =>
                `${MATERIAL_LABELS[r.material as keyof typeof MATERIAL_LABELS]} ${r.fiscalYear} (${formatTonnes(r.afterPendingKg)} after pending)`,
            )
            .join("; ")}
        </div>
      ) : null}

      <nav className="subnav no-print" aria-label="Materials">
        {MATERIALS.map((m) => (
          <Link
            key={m}
            to={`/supply?material=${m}`}
            className={m === material ? "active" : undefined}
            aria-current={m === material ? "page" : undefined}
          >
            {MATERIAL_LABELS[m]}
          </Link>
        ))}
      </nav>

      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">{label}: supply and demand by fiscal year</h2>
        {mine.length === 0 ? (
          <p className="muted">No supply figures or requests for {label.toLowerCase()} yet.</p>
        ) : (
          <>
            <ChartLegend />
            <BalanceChart
              rows={mine}
              title={`${label}: production, committed exports, allocated and pending demand by fiscal year`}
            />
          </>
        )}
      </section>

      {mine.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{label}: the chart's figures, by fiscal year</caption>
            <thead>
              <tr>
                <th scope="col">Fiscal year</th>
                <th scope="col" className="num">
                  Production
                </th>
                <th scope="col" className="num">
                  Committed exports
                </th>
                <th scope="col" className="num">
                  Reserve
                </th>
                <th scope="col" className="num">
                  Available
                </th>
                <th scope="col" className="num">
                  Allocated
                </th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col" className="num">
                  Pending
                </th>
                <th scope="col" className="num">
                  After pending
                </th>
              </tr>
            </thead>
            <tbody>
              {mine.map((r) => (
                <tr key={r.fiscalYear} className={r.shortfall ? "row--shortfall" : undefined}>
                  <th scope="row">
                    {r.figure ? <Link to={`/supply/figures/${r.figure.id}`}>{r.fiscalYear}</Link> : r.fiscalYear}
                    <div className="muted small">{r.figure ? BASIS_LABELS[r.figure.basis] : "No supply figure"}</div>
                  </th>
                  <td className="num">{formatTonnes(r.productionKg)}</td>
                  <td className="num">{formatTonnes(r.exportsKg)}</td>
                  <td className="num">{formatTonnes(r.reserveKg)}</td>
                  <td className="num">{formatTonnes(r.availableKg)}</td>
                  <td className="num">{formatTonnes(r.approvedKg)}</td>
                  <td className="num">
                    {formatTonnes(r.balanceKg)}
                    {r.shortfall ? <div className="badge badge--danger">Shortfall</div> : null}
                  </td>
                  <td className="num">{formatTonnes(r.pendingKg)}</td>
                  <td className={r.pendingShortfall ? "num shortfall" : "num"}>{formatTonnes(r.afterPendingKg)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All years</th>
                <td className="num">{formatTonnes(totals.productionKg)}</td>
                <td className="num">{formatTonnes(totals.exportsKg)}</td>
                <td className="num">{formatTonnes(totals.reserveKg)}</td>
                <td className="num">{formatTonnes(totals.availableKg)}</td>
                <td className="num">{formatTonnes(totals.approvedKg)}</td>
                <td className="num">{formatTonnes(totals.balanceKg)}</td>
                <td className="num">{formatTonnes(totals.pendingKg)}</td>
                <td className="num">{formatTonnes(totals.afterPendingKg)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}

      <section aria-labelledby="overview-title" className="stack">
        <h2 id="overview-title">Balance of every material</h2>
        <p className="muted small">After approved allocations. Red: shortfall. Amber: pending demand exceeds what is left.</p>
        <div className="table-wrap">
          <YearGrid
            corner="Material"
            years={fiscalYears}
            rows={byMaterial}
            rowKey={(g) => g.value}
            rowHeader={(g) => (
              <Link to={`/supply?material=${g.value}`}>{MATERIAL_LABELS[g.value as keyof typeof MATERIAL_LABELS]}</Link>
            )}
            cell={(g, fy) => <BalanceCell row={g.rows.find((x) => x.fiscalYear === fy)} />}
          />
        </div>
      </section>
    </div>
  );
}
