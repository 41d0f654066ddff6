import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useMaterialName } from "~/components/ScenarioEditor";
import { TableScroll } from "~/components/TableScroll";
import { YearGrid } from "~/components/YearGrid";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { fiscalYearOf } from "~/models/fiscal-year";
import { applySchedule, outcomeByMaterial, type ExportSchedule } from "~/models/supply-balance";
import { getScenario, listScenarios, scenarioBase } from "~/models/supply.server";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("supply:compare.title");

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
  const { t } = useTranslation("supply");
  const fmt = useFormat();
  const materialName = useMaterialName();
  // The committed schedule is named here, in the reader's language; scenarios keep their own names.
  const nameOf = (s: { id: string; name: string }) => (s.id === COMMITTED ? t("compare.asCommitted") : s.name);
  const sides = b ? [a, b] : [a];
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/supply/scenarios">{t("scenarios.title")}</Link>
        </p>
        <h1>{t("compare.title")}</h1>
      </header>
      <Form method="get" className="filters no-print" aria-label={t("compare.choose")}>
        {(["a", "b"] as const).map((key, i) => (
          <label key={key} className="filter">
            <span>{i === 0 ? t("compare.left") : t("compare.right")}</span>
            <select name={key} defaultValue={(i === 0 ? a.id : b?.id) ?? ""} className="input">
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {nameOf(o)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="button">
          {t("compare.submit")}
        </button>
      </Form>

      <section aria-labelledby="exports-title" className="stack">
        <h2 id="exports-title">{t("compare.exports")}</h2>
        <TableScroll label={t("compare.exports")} className="table-wrap">
          <YearGrid
            className="table compare"
            caption={t("compare.exportsCaption")}
            corner={t("scenarios.colScenario")}
            years={years}
            rows={sides}
            rowKey={(s) => s.id}
            rowHeader={(s) => (s.id === COMMITTED ? nameOf(s) : <Link to={`/supply/scenarios/${s.id}`}>{s.name}</Link>)}
            cell={(s, _fy, i) => <td className="num">{fmt.tonnes(s.exportsByYear[i] ?? 0)}</td>}
          />
        </TableScroll>
      </section>

      <section aria-labelledby="met-title" className="stack">
        <h2 id="met-title">{t("compare.met")}</h2>
        <TableScroll label={t("compare.met")} className="table-wrap">
          <table className="table compare">
            <caption className="visually-hidden">{t("compare.metCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t("form.material")}
                </th>
                {sides.map((s) => (
                  <th key={s.id} scope="colgroup" colSpan={3} className="group">
                    {nameOf(s)}
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
                  <th scope="row">{materialName(o.material)}</th>
                  {sides.map((s) => {
                    const x = s.outcomes[i]!;
                    return (
                      <FragmentCells
                        key={s.id}
                        balance={x.totals.balanceKg}
                        approved={fmt.share(x.totals.approvedMetKg, x.totals.approvedKg)}
                        pending={fmt.share(x.totals.pendingMetKg, x.totals.pendingKg)}
                        shortfallYears={x.shortfallYears}
                      />
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p className="muted small">{t("compare.balanceNote", { from: years[0], to: years[years.length - 1] })}</p>
      </section>
    </div>
  );
}

function FragmentHeaders() {
  const { t } = useTranslation("supply");
  return (
    <>
      <th scope="col" className="num group-start">
        {t("balance.balance")}
      </th>
      <th scope="col" className="num">
        {t("results.approvedMet")}
      </th>
      <th scope="col" className="num">
        {t("results.pendingMet")}
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
  const { t } = useTranslation("supply");
  const fmt = useFormat();
  return (
    <>
      <td className="num group-start">
        {fmt.tonnes(balance)}
        {shortfallYears.length ? (
          <div className="small shortfall">
            {t("compare.shortfallIn", { years: shortfallYears.join(t("chart.listSeparator")) })}
          </div>
        ) : null}
      </td>
      <td className="num">{approved}</td>
      <td className="num">{pending}</td>
    </>
  );
}
