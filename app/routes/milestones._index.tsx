import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AnySelect, ListTable, Pager } from "~/components/ListKit";
import { RiskBadge, StatusBadge } from "~/components/MilestoneBadges";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listMilestones, parseMilestoneFilter, visibleOwners } from "~/models/milestones.server";
import { listTags } from "~/models/tags.server";
import { RISK_FILTERS } from "~/schemas/milestones";
import styles from "~/styles/milestones.css";
import { todayInIndia } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { hrefWith, pageLinks } from "~/utils/list.server";
import { riskReasonsText } from "~/utils/messages";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { MILESTONE_CATEGORIES, MILESTONE_STATUSES } from "~db/schema";

export const links = stylesheetLinks(styles);

export const meta = titleMeta("milestones:list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "milestones:read");
  const url = new URL(request.url);
  const query = parseMilestoneFilter(url);
  const { filter } = query;
  const db = getDb();
  const today = todayInIndia();
  const [{ rows, next }, owners, tags] = await Promise.all([
    listMilestones(db, user, filter, today, { cursor: query.cursor }),
    visibleOwners(db, user),
    listTags(db, user),
  ]);
  return {
    today,
    filter,
    owners,
    tags: tags.map((t) => ({ value: t.id, label: t.name })),
    canCreate: can(user, "milestones:manage"),
    exportHref: hrefWith("/milestones/export.csv", query.raw),
    ...pageLinks("/milestones", query, next),
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      owner: r.owner_short_name,
      ownerName: r.owner_name,
      dueDate: r.due_date,
      status: r.status,
      visibility: r.visibility,
      risk: r.risk,
    })),
  };
}

export default function MilestonesPage() {
  const { rows, filter, owners, tags, canCreate, exportHref, nextHref, firstHref, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation("milestones");
  const { t: tp } = useTranslation("people");
  const fmt = useFormat();
  const choices = (values: readonly string[], group: string) =>
    values.map((value) => ({ value, label: t(`labels:${group}.${value}`) }));
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{t("list.title")}</h1>
          <p className="muted">{t("list.intro", { date: fmt.plainDate(today) })}</p>
        </div>
        <div className="header-actions">
          <Link to="/milestones/timeline" className="button">
            {t("list.timeline")}
          </Link>
          <Link to="/calendar" className="button button--quiet">
            {t("list.calendar")}
          </Link>
          {canCreate ? (
            <Link to="/milestones/new" className="button button--primary">
              {t("list.new")}
            </Link>
          ) : null}
        </div>
      </header>
      <Form method="get" className="filters" aria-label={t("list.filterLabel")}>
        <AnySelect
          name="category"
          label={t("list.category")}
          value={filter.category}
          anyLabel={t("list.anyCategory")}
          options={choices(MILESTONE_CATEGORIES, "milestoneCategory")}
        />
        <AnySelect
          name="owner"
          label={t("list.owner")}
          value={filter.owner}
          anyLabel={t("list.anyOwner")}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        <AnySelect
          name="status"
          label={t("list.status")}
          value={filter.status}
          anyLabel={t("list.anyStatus")}
          options={choices(MILESTONE_STATUSES, "milestoneStatus")}
        />
        <AnySelect
          name="risk"
          label={t("list.risk")}
          value={filter.risk}
          anyLabel={t("list.anyRisk")}
          options={choices(RISK_FILTERS, "milestoneRisk")}
        />
        <AnySelect name="tag" label={tp("tags.filter")} value={filter.tag} anyLabel={tp("tags.anyTag")} options={tags} />
        <button type="submit" className="button">
          {t("list.filter")}
        </button>
        <a href={exportHref} className="button button--quiet" download>
          {t("list.export")}
        </a>
      </Form>
      <ListTable
        columns={[
          t("list.colMilestone"),
          t("list.category"),
          t("list.owner"),
          t("list.colDue"),
          t("list.status"),
          t("list.risk"),
          t("list.colVisibility"),
        ]}
        empty={rows.length === 0 ? t("list.empty") : null}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/milestones/${r.id}`}>{r.title}</Link>
            </td>
            <td>{t(`labels:milestoneCategory.${r.category}`)}</td>
            <td>
              <abbr title={r.ownerName}>{r.owner}</abbr>
            </td>
            <td className="nowrap">{fmt.plainDate(r.dueDate)}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>
              <RiskBadge level={r.risk.level} />
              {r.risk.reasons.length > 0 ? <p className="risk-reason small">{riskReasonsText(r.risk.reasons, t)}</p> : null}
            </td>
            <td>{t(`labels:visibility.${r.visibility}`)}</td>
          </tr>
        ))}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} nextLabel={t("list.later")} />
    </div>
  );
}
