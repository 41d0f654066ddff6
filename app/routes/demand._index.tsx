import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AnySelect, EmptyRow, Pager } from "~/components/ListKit";
import { TableScroll } from "~/components/TableScroll";
import { Trans } from "~/components/Trans";
import { assertCan, can, isInternal } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { demandQueryFrom } from "~/models/demand-query.server";
import { demandOrganizations, demandTotals, listDemandRequests } from "~/models/demand.server";
import { fiscalYearLabel, fiscalYearOf, parseFiscalYear } from "~/models/fiscal-year";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { DEMAND_STATUS_BADGES } from "~/utils/demand-labels";
import { useFormat } from "~/utils/format";
import { hrefWith, pageLinks } from "~/utils/list.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { DEMAND_SECTORS, DEMAND_STATUSES, MATERIALS } from "~db/schema";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("demand:list.title");

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
  const { t } = useTranslation("demand");
  const choices = (values: readonly string[], group: string) =>
    values.map((value) => ({ value, label: t(`labels:${group}.${value}`) }));
  const any = t("list.any");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{internal ? t("list.title") : t("list.ourTitle")}</h1>
          <p className="muted">{internal ? t("list.introInternal") : t("list.introExternal", { name: organizationName })}</p>
        </div>
        <div className="form-actions">
          <a href={exportHref} className="button" download>
            {t("list.export")}
          </a>
          {canSubmit ? (
            <Link to="/demand/new" className="button button--primary">
              {t("list.new")}
            </Link>
          ) : null}
        </div>
      </header>

      <Form method="get" className="filters" aria-label={t("list.filterLabel")}>
        <AnySelect
          name="material"
          label={t("list.material")}
          anyLabel={any}
          value={filter.material}
          options={choices(MATERIALS, "material")}
        />
        <AnySelect
          name="year"
          label={t("list.fiscalYear")}
          anyLabel={any}
          value={filter.year}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <AnySelect
          name="sector"
          label={t("list.sector")}
          anyLabel={any}
          value={filter.sector}
          options={choices(DEMAND_SECTORS, "sector")}
        />
        {internal ? (
          <AnySelect
            name="organization"
            label={t("list.organization")}
            anyLabel={any}
            value={filter.organization}
            options={organizations}
          />
        ) : null}
        <AnySelect
          name="status"
          label={t("list.status")}
          anyLabel={any}
          value={filter.status}
          options={choices(DEMAND_STATUSES, "demandStatus")}
        />
        <button type="submit" className="button">
          {t("list.filter")}
        </button>
        {Object.keys(filter).length > 0 ? (
          <Link to="/demand" className="button button--quiet">
            {t("list.clear")}
          </Link>
        ) : null}
      </Form>

      <p className="demand-totals" aria-live="polite">
        <Trans
          t={t}
          i18nKey="list.totals"
          count={totals.count}
          values={{ count: totals.count, requested: fmt.tonnes(totals.requestedKg), allocated: fmt.tonnes(totals.allocatedKg) }}
          components={{ strong: <strong /> }}
        />
        {nextHref || firstHref ? <span className="muted small">{t("list.allPages")}</span> : null}
      </p>

      <TableScroll label={t("list.caption")} className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("list.colRequest")}</th>
              {internal ? <th scope="col">{t("list.organization")}</th> : null}
              <th scope="col">{t("list.fiscalYear")}</th>
              <th scope="col">{t("list.sector")}</th>
              <th scope="col" className="num">
                {t("list.colRequested")}
              </th>
              <th scope="col" className="num">
                {t("list.colAllocated")}
              </th>
              <th scope="col">{t("list.status")}</th>
              <th scope="col">{t("list.colSubmitted")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? <EmptyRow columns={internal ? 8 : 7}>{t("list.empty")}</EmptyRow> : null}
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/demand/${r.id}`}>{t(`labels:material.${r.material}`)}</Link>
                  <div className="muted small">{r.end_use}</div>
                </td>
                {internal ? <td>{r.organization_short_name}</td> : null}
                <td className="nowrap">{r.fiscal_year}</td>
                <td>{t(`labels:sector.${r.sector}`)}</td>
                <td className="num nowrap">{fmt.tonnes(r.quantity_kg)}</td>
                <td className="num nowrap">{r.allocated_kg === null ? "—" : fmt.tonnes(r.allocated_kg)}</td>
                <td>
                  <span className={DEMAND_STATUS_BADGES[r.status]}>{t(`labels:demandStatus.${r.status}`)}</span>
                </td>
                <td className="nowrap">{fmt.date(r.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel={t("list.newest")} nextLabel={t("list.older")} />
    </div>
  );
}
