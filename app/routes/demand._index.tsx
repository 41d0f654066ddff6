import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { AnySelect, choicesOf, EmptyRow, Pager } from "~/components/ListKit";
import { assertCan, can, isInternal } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { demandQueryFrom } from "~/models/demand-query.server";
import { demandOrganizations, demandTotals, listDemandRequests } from "~/models/demand.server";
import { fiscalYearLabel, fiscalYearOf, parseFiscalYear } from "~/models/fiscal-year";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { DEMAND_STATUS_BADGES, DEMAND_STATUS_LABELS, MATERIAL_LABELS, SECTOR_LABELS } from "~/utils/demand-labels";
import { formatTonnes, useFormat } from "~/utils/format";
import { hrefWith, pageLinks } from "~/utils/list.server";
import { DEMAND_SECTORS, DEMAND_STATUSES, MATERIALS } from "~db/schema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Demand requests · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "demand:read");
  const url = new URL(request.url);
  const query = demandQueryFrom(url);
  const { raw, filter } = query;
  const db = getDb();
  const [{ rows, next }, totals, organizations] = await Promise.all([
    listDemandRequests(db, user, filter, query.cursor),
    demandTotals(db, user, filter),
    isInternal(user) ? demandOrganizations(db, user) : Promise.resolve([]),
  ]);
  const start = parseFiscalYear(fiscalYearOf(today()))!;
  return {
    internal: isInternal(user),
    canSubmit: can(user, "demand:submit"),
    organizationName: user.organizationName,
    filter: raw,
    organizations: organizations.map((o) => ({ value: o.id, label: o.short_name })),
    years: Array.from({ length: 8 }, (_, i) => fiscalYearLabel(start - 2 + i)),
    rows,
    totals,
    ...pageLinks("/demand", query, next),
    exportHref: hrefWith("/demand/export.csv", raw),
  };
}

export default function DemandList() {
  const fmt = useFormat();
  const { internal, canSubmit, organizationName, filter, organizations, years, rows, totals, nextHref, firstHref, exportHref } =
    useLoaderData<typeof loader>();
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{internal ? "Demand requests" : "Our demand requests"}</h1>
          <p className="muted">
            {internal
              ? "Requests from Indian industry for IREL's rare-earth output. Take a request under review, then decide it with reasons."
              : `Requests ${organizationName} has made for IREL's rare-earth output, and the government's decisions.`}
          </p>
        </div>
        <div className="form-actions">
          <a href={exportHref} className="button" download>
            Export CSV
          </a>
          {canSubmit ? (
            <Link to="/demand/new" className="button button--primary">
              New request
            </Link>
          ) : null}
        </div>
      </header>

      <Form method="get" className="filters" aria-label="Filter requests">
        <AnySelect name="material" label="Material" value={filter.material} options={choicesOf(MATERIALS, MATERIAL_LABELS)} />
        <AnySelect name="year" label="Fiscal year" value={filter.year} options={years.map((y) => ({ value: y, label: y }))} />
        <AnySelect name="sector" label="Sector" value={filter.sector} options={choicesOf(DEMAND_SECTORS, SECTOR_LABELS)} />
        {internal ? (
          <AnySelect name="organization" label="Organization" value={filter.organization} options={organizations} />
        ) : null}
        <AnySelect
          name="status"
          label="Status"
          value={filter.status}
          options={choicesOf(DEMAND_STATUSES, DEMAND_STATUS_LABELS)}
        />
        <button type="submit" className="button">
          Filter
        </button>
        {Object.keys(filter).length > 0 ? (
          <Link to="/demand" className="button button--quiet">
            Clear
          </Link>
        ) : null}
      </Form>

      <p className="demand-totals" aria-live="polite">
        <strong>{totals.count}</strong> {totals.count === 1 ? "request" : "requests"} ·{" "}
        <strong>{formatTonnes(totals.requestedKg)}</strong> requested · <strong>{formatTonnes(totals.allocatedKg)}</strong>{" "}
        allocated
        {nextHref || firstHref ? <span className="muted small"> (totals of all pages)</span> : null}
      </p>

      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Demand requests, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              {internal ? <th scope="col">Organization</th> : null}
              <th scope="col">Fiscal year</th>
              <th scope="col">Sector</th>
              <th scope="col" className="num">
                Requested
              </th>
              <th scope="col" className="num">
                Allocated
              </th>
              <th scope="col">Status</th>
              <th scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? <EmptyRow columns={internal ? 8 : 7}>No requests match these filters.</EmptyRow> : null}
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/demand/${r.id}`}>{MATERIAL_LABELS[r.material]}</Link>
                  <div className="muted small">{r.end_use}</div>
                </td>
                {internal ? <td>{r.organization_short_name}</td> : null}
                <td className="nowrap">{r.fiscal_year}</td>
                <td>{SECTOR_LABELS[r.sector]}</td>
                <td className="num nowrap">{formatTonnes(r.quantity_kg)}</td>
                <td className="num nowrap">{r.allocated_kg === null ? "—" : formatTonnes(r.allocated_kg)}</td>
                <td>
                  <span className={DEMAND_STATUS_BADGES[r.status]}>{DEMAND_STATUS_LABELS[r.status]}</span>
                </td>
                <td className="nowrap">{fmt.date(r.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel="Newest" nextLabel="Older requests" />
    </div>
  );
}
