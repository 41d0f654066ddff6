import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";

import { AnySelect, ArchivedTag, EmptyRow, ListTable, Pager } from "~/components/ListKit";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { countVisibleIssues, listIssues, partiesOf } from "~/models/issues.server";
import { listTags } from "~/models/tags.server";
import styles from "~/styles/positions.css";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { ISSUE_STATUS_BADGES } from "~/utils/issue-labels";
import { pageLinks, parseListQuery } from "~/utils/list.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { ISSUE_STATUSES } from "~db/schema";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("issues:list.title");

const filterSchema = z.object({
  status: z.enum(ISSUE_STATUSES).optional().catch(undefined),
  archived: z.literal("1").optional().catch(undefined),
  tag: z.string().max(64).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:read");
  const url = new URL(request.url);
  const query = parseListQuery(url, filterSchema, { keys: ["status", "archived", "tag"] });
  const { filter } = query;
  const db = getDb();
  const issueFilter = { status: filter.status, includeArchived: filter.archived === "1", tag: filter.tag };
  const [{ rows, next }, total, tags] = await Promise.all([
    listIssues(db, user, issueFilter, query.cursor),
    countVisibleIssues(db, user, issueFilter),
    listTags(db, user),
  ]);
  const parties = await partiesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    filter,
    total,
    tags: tags.map((t) => ({ value: t.id, label: t.name })),
    canCreate: can(user, "issues:manage"),
    rows: rows.map((r) => ({ ...r, parties: parties.filter((p) => p.issue_id === r.id).map((p) => p.short_name) })),
    // Links carry only the filter that parsed: a value the schema dropped is not repeated.
    ...pageLinks(
      "/issues",
      {
        ...query,
        raw: {
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.archived ? { archived: "1" } : {}),
          ...(filter.tag ? { tag: filter.tag } : {}),
        },
      },
      next,
    ),
  };
}

export default function IssuesPage() {
  const fmt = useFormat();
  const { filter, total, tags, canCreate, rows, nextHref, firstHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("issues");
  const { t: tp } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{t("detail.register")}</h1>
          <p className="muted">
            {t("list.total", { count: total })} <Link to="/positions">{t("list.matrixLink")}</Link>
          </p>
        </div>
        {canCreate ? (
          <Link to="/issues/new" className="button button--primary">
            {t("list.new")}
          </Link>
        ) : null}
      </header>
      <Form method="get" className="filters" aria-label={t("list.filterLabel")}>
        <AnySelect
          name="status"
          label={t("list.status")}
          value={filter.status}
          anyLabel={t("list.anyStatus")}
          options={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`labels:issueStatus.${s}`) }))}
        />
        <AnySelect name="tag" label={tp("tags.filter")} value={filter.tag} anyLabel={tp("tags.anyTag")} options={tags} />
        <label className="checkbox">
          <input type="checkbox" name="archived" value="1" defaultChecked={filter.archived === "1"} /> {t("list.includeArchived")}
        </label>
        <button type="submit" className="button button--quiet">
          {t("list.apply")}
        </button>
      </Form>
      <ListTable
        columns={[
          t("list.issue"),
          t("list.status"),
          t("list.priority"),
          t("list.parties"),
          t("list.positions"),
          t("list.visibility"),
          t("list.updated"),
        ]}
      >
        {rows.length === 0 ? (
          <EmptyRow columns={7}>{t("list.empty")}</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/issues/${r.id}`}>{r.title}</Link>
                <ArchivedTag archived={Boolean(r.archived_at)} />
              </td>
              <td>
                <span className={ISSUE_STATUS_BADGES[r.status]}>{t(`labels:issueStatus.${r.status}`)}</span>
              </td>
              <td>{t(`labels:priority.${r.priority}`)}</td>
              <td className="small">{r.parties.join(", ")}</td>
              <td>{r.position_count}</td>
              <td>{t(`labels:visibility.${r.visibility}`)}</td>
              <td className="nowrap">{fmt.date(r.updated_at)}</td>
            </tr>
          ))
        )}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} />
    </div>
  );
}
