import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { YearGrid } from "~/components/YearGrid";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { fiscalYearOf } from "~/models/fiscal-year";
import { applySchedule, outcomeByMaterial, type ExportSchedule } from "~/models/supply-balance";
import { getScenario, listScenarios, scenarioBase } from "~/models/supply.server";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { materialLabel } from "~/utils/demand-labels";
import { formatShare, formatTonnes } from "~/utils/format";
import { notFound } from "~/utils/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Compare scenarios · Accord" }];

const COMMITTED = "committed";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "scenario:read");
  const db = getDb();
  const url = new URL(request.url);
  const [scenarios, context] = await Promise.all([listScenarios(db, user), scenarioBase(db, user, fiscalYearOf(today()))]);
  const pick = async (id: string | null) => {
    if (!id) return null;
    if (id === COMMITTED) return { id, name: "As committed", schedule: {} as ExportSchedule };
    const found = await getScenario(db, user, id);
    if (!found) notFound();
    return { id, name: found.scenario.name, schedule: found.schedule };
  };
  // An empty choice (?a= or ?b=) means the default, as if it were not given: the picker shows.
  const a = (await pick(url.searchParams.get("a") || COMMITTED))!;
  const b = await pick(url.searchParams.get("b") || scenarios[0]?.id || null);
  const side = (s: { id: string; name: string; schedule: ExportSchedule }) => {
    const rows = applySchedule(context.base, s.schedule);
    return {
      id: s.id,
      name: s.name,
      outcomes: outcomeByMaterial(rows),
      exportsByYear: context.years.map((fy) => rows.filter((r) => r.fiscalYear === fy).reduce((sum, r) => sum + r.exportsKg, 0)),
    };
  };
  return {
    options: [{ id: COMMITTED, name: "As committed" }, ...scenarios.map((s) => ({ id: s.id, name: s.name }))],
    years: context.years,
    a: side(a),
    b: b ? side(b) : null,
  };
}

export default function CompareScenarios() {
  const { options, years, a, b } = useLoaderData<typeof loader>();
  const sides = b ? [a, b] : [a];
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/supply/scenarios">Phase-down what-if</Link>
        </p>
        <h1>Compare scenarios</h1>
      </header>
      <Form method="get" className="filters no-print" aria-label="Choose scenarios">
        {(["a", "b"] as const).map((key, i) => (
          <label key={key} className="filter">
            <span>{i === 0 ? "Left" : "Right"}</span>
            <select name={key} defaultValue={(i === 0 ? a.id : b?.id) ?? ""} className="input">
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="button">
          Compare
        </button>
      </Form>

      <section aria-labelledby="exports-title" className="stack">
        <h2 id="exports-title">Exports to Japan</h2>
        <div className="table-wrap">
          <YearGrid
            className="table compare"
            caption="Exports to Japan per fiscal year, by scenario"
            corner="Scenario"
            years={years}
            rows={sides}
            rowKey={(s) => s.id}
            rowHeader={(s) => (s.id === "committed" ? s.name : <Link to={`/supply/scenarios/${s.id}`}>{s.name}</Link>)}
            cell={(s, _fy, i) => <td className="num">{formatTonnes(s.exportsByYear[i] ?? 0)}</td>}
          />
        </div>
      </section>

      <section aria-labelledby="met-title" className="stack">
        <h2 id="met-title">Demand that can be met, per material</h2>
        <div className="table-wrap">
          <table className="table compare">
            <caption className="visually-hidden">Demand that can be met per material, by scenario</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Material
                </th>
                {sides.map((s) => (
                  <th key={s.id} scope="colgroup" colSpan={3} className="group">
                    {s.name}
                  </th>
                ))}
              </tr>
              <tr>
                {sides.map((s) => (
                  <FragmentHeaders key={s.id} />
                ))}
              </tr>
            </thead>
            <tbody>
              {a.outcomes.map((o, i) => (
                <tr key={o.material}>
                  <th scope="row">{materialLabel(o.material)}</th>
                  {sides.map((s) => {
                    const x = s.outcomes[i]!;
                    return (
                      <FragmentCells
                        key={s.id}
                        balance={x.totals.balanceKg}
                        approved={formatShare(x.totals.approvedMetKg, x.totals.approvedKg)}
                        pending={formatShare(x.totals.pendingMetKg, x.totals.pendingKg)}
                        shortfallYears={x.shortfallYears}
                      />
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small">
          Balance: the domestic balance after approved allocations, summed over {years[0]} to {years[years.length - 1]}.
        </p>
      </section>
    </div>
  );
}

function FragmentHeaders() {
  return (
    <>
      <th scope="col" className="num group-start">
        Balance
      </th>
      <th scope="col" className="num">
        Approved met
      </th>
      <th scope="col" className="num">
        Pending met
      </th>
    </>
  );
}

function FragmentCells({
  balance,
  approved,
  pending,
  shortfallYears,
}: {
  balance: number;
  approved: string;
  pending: string;
  shortfallYears: string[];
}) {
  return (
    <>
      <td className="num group-start">
        {formatTonnes(balance)}
        {shortfallYears.length ? <div className="small shortfall">Shortfall in {shortfallYears.join(", ")}</div> : null}
      </td>
      <td className="num">{approved}</td>
      <td className="num">{pending}</td>
    </>
  );
}
