import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AnySelect, choicesOf, ListTable, Pager } from "~/components/ListKit";
import { RiskBadge, StatusBadge } from "~/components/MilestoneBadges";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { RISK_LABELS } from "~/models/milestone-rules";
import { listMilestones, parseMilestoneFilter, visibleOwners } from "~/models/milestones.server";
import { listTags } from "~/models/tags.server";
import { RISK_FILTERS } from "~/schemas/milestones";
import styles from "~/styles/milestones.css";
import { todayInIndia } from "~/utils/clock";
import { MILESTONE_CATEGORY_LABELS, MILESTONE_STATUS_LABELS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { formatPlainDate } from "~/utils/format";
import { hrefWith, pageLinks } from "~/utils/list.server";
import { riskReasonsText } from "~/utils/messages";
import { MILESTONE_CATEGORIES, MILESTONE_STATUSES } from "~db/schema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Milestones · Accord" }];

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
  const { t } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>Milestones</h1>
          <p className="muted">The steps of the transition, by due date. Risk as of {formatPlainDate(today)}.</p>
        </div>
        <div className="header-actions">
          <Link to="/milestones/timeline" className="button">
            Timeline
          </Link>
          <Link to="/calendar" className="button button--quiet">
            Calendar feed
          </Link>
          {canCreate ? (
            <Link to="/milestones/new" className="button button--primary">
              New milestone
            </Link>
          ) : null}
        </div>
      </header>
      <Form method="get" className="filters" aria-label="Filter milestones">
        <AnySelect
          name="category"
          label="Category"
          value={filter.category}
          anyLabel="Any category"
          options={choicesOf(MILESTONE_CATEGORIES, MILESTONE_CATEGORY_LABELS)}
        />
        <AnySelect
          name="owner"
          label="Owner"
          value={filter.owner}
          anyLabel="Any owner"
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        <AnySelect
          name="status"
          label="Status"
          value={filter.status}
          anyLabel="Any status"
          options={choicesOf(MILESTONE_STATUSES, MILESTONE_STATUS_LABELS)}
        />
        <AnySelect
          name="risk"
          label="Risk"
          value={filter.risk}
          anyLabel="Any risk"
          options={choicesOf(RISK_FILTERS, RISK_LABELS)}
        />
        <AnySelect name="tag" label={t("tags.filter")} value={filter.tag} anyLabel={t("tags.anyTag")} options={tags} />
        <button type="submit" className="button">
          Filter
        </button>
        <a href={exportHref} className="button button--quiet" download>
          Export CSV
        </a>
      </Form>
      <ListTable
        columns={["Milestone", "Category", "Owner", "Due", "Status", "Risk", "Visibility"]}
        empty={rows.length === 0 ? "No milestones match these filters." : null}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/milestones/${r.id}`}>{r.title}</Link>
            </td>
            <td>{MILESTONE_CATEGORY_LABELS[r.category]}</td>
            <td>
              <abbr title={r.ownerName}>{r.owner}</abbr>
            </td>
            <td className="nowrap">{formatPlainDate(r.dueDate)}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>
              <RiskBadge level={r.risk.level} />
              {r.risk.reasons.length > 0 ? <p className="risk-reason small">{riskReasonsText(r.risk.reasons)}</p> : null}
            </td>
            <td>{VISIBILITY_LABELS[r.visibility]}</td>
          </tr>
        ))}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} nextLabel="Later milestones" />
    </div>
  );
}
