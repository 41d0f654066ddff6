import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";

import { AnySelect, ArchivedTag, choicesOf, EmptyRow, ListTable, Pager } from "~/components/ListKit";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { countVisibleIssues, listIssues, partiesOf } from "~/models/issues.server";
import { listTags } from "~/models/tags.server";
import styles from "~/styles/positions.css";
import { VISIBILITY_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { ISSUE_STATUS_BADGES, ISSUE_STATUS_LABELS, PRIORITY_LABELS } from "~/utils/issue-labels";
import { pageLinks, parseListQuery } from "~/utils/list.server";
import { ISSUE_STATUSES } from "~db/schema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Issues · Accord" }];

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
  const { t } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>Issue register</h1>
          <p className="muted">
            {total} {total === 1 ? "issue" : "issues"} under negotiation.{" "}
            <Link to="/positions">See every party&apos;s stance in the positions matrix.</Link>
          </p>
        </div>
        {canCreate ? (
          <Link to="/issues/new" className="button button--primary">
            New issue
          </Link>
        ) : null}
      </header>
      <Form method="get" className="filters" aria-label="Filter issues">
        <AnySelect
          name="status"
          label="Status"
          value={filter.status}
          anyLabel="Any status"
          options={choicesOf(ISSUE_STATUSES, ISSUE_STATUS_LABELS)}
        />
        <AnySelect name="tag" label={t("tags.filter")} value={filter.tag} anyLabel={t("tags.anyTag")} options={tags} />
        <label className="checkbox">
          <input type="checkbox" name="archived" value="1" defaultChecked={filter.archived === "1"} /> Include archived
        </label>
        <button type="submit" className="button button--quiet">
          Apply
        </button>
      </Form>
      <ListTable columns={["Issue", "Status", "Priority", "Parties", "Positions", "Visibility", "Updated"]}>
        {rows.length === 0 ? (
          <EmptyRow columns={7}>No issues match.</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/issues/${r.id}`}>{r.title}</Link>
                <ArchivedTag archived={Boolean(r.archived_at)} />
              </td>
              <td>
                <span className={ISSUE_STATUS_BADGES[r.status]}>{ISSUE_STATUS_LABELS[r.status]}</span>
              </td>
              <td>{PRIORITY_LABELS[r.priority]}</td>
              <td className="small">{r.parties.join(", ")}</td>
              <td>{r.position_count}</td>
              <td>{VISIBILITY_LABELS[r.visibility]}</td>
              <td className="nowrap">{fmt.date(r.updated_at)}</td>
            </tr>
          ))
        )}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} />
    </div>
  );
}
