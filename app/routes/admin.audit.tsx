import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { AnySelect, ListTable, Pager } from "~/components/ListKit";
import { assertCan } from "~/models/access.server";
import { listAuditActions, listAuditEvents } from "~/models/audit.server";
import { requireUser } from "~/models/auth.server";
import { listUsers } from "~/models/users.server";
import { auditFilterSchema } from "~/schemas/admin";
import { isTimestamp } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { pageLinks, parseListQuery } from "~/utils/list.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "audit:read");
  const url = new URL(request.url);
  const db = getDb();
  const [users, actions] = await Promise.all([listUsers(db), listAuditActions(db)]);
  const options = { users: users.map((u) => ({ value: u.id, label: `${u.display_name} (${u.email})` })), actions };
  const query = parseListQuery(url, auditFilterSchema, { validKey: isTimestamp });
  const { filter } = query;
  const { rows, next } = await listAuditEvents(
    db,
    { actorId: filter.user, action: filter.action, from: filter.from, to: filter.to },
    query.cursor,
  );
  return {
    filter,
    options,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      // No actor: a visitor who was not signed in, or the system itself (seeding, migrations).
      actor: r.actor_name ?? (r.actor_id ? "Unknown user" : r.action.startsWith("auth.") ? "Not signed in" : "System"),
      entity: r.entity_type ? `${r.entity_type}${r.entity_id ? ` ${r.entity_id.slice(0, 8)}` : ""}` : "",
      detail: r.detail,
      ip: r.ip,
      before: r.before_json,
      after: r.after_json,
    })),
    ...pageLinks("/admin/audit", query, next),
  };
}

export default function AuditPage() {
  const fmt = useFormat();
  const { filter, options, rows, nextHref, firstHref } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <h1>Audit log</h1>
        <p className="muted">Every sign-in, failed sign-in and change, newest first. Entries cannot be edited or removed.</p>
      </header>
      <Form method="get" className="filters" aria-label="Filter the audit log">
        <AnySelect name="user" label="User" value={filter.user} anyLabel="Anyone" options={options.users} />
        <AnySelect
          name="action"
          label="Action"
          value={filter.action}
          anyLabel="Any action"
          options={options.actions.map((a) => ({ value: a, label: a }))}
        />
        <label className="filter">
          <span>From</span>
          <input type="date" name="from" defaultValue={filter.from ?? ""} className="input" />
        </label>
        <label className="filter">
          <span>To</span>
          <input type="date" name="to" defaultValue={filter.to ?? ""} className="input" />
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </Form>
      <ListTable
        columns={["When", "Who", "Action", "Record", "Detail"]}
        dense
        empty={rows.length === 0 ? "No events match these filters." : null}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="nowrap">{fmt.dateTime(r.at)}</td>
            <td>{r.actor}</td>
            <td>
              <code>{r.action}</code>
            </td>
            <td>{r.entity}</td>
            <td>
              {r.detail ? <span>{r.detail} </span> : null}
              {r.ip ? <span className="muted small">from {r.ip}</span> : null}
              {r.before || r.after ? (
                <details>
                  <summary>Changes</summary>
                  {r.before ? <pre className="json">Before: {r.before}</pre> : null}
                  {r.after ? <pre className="json">After: {r.after}</pre> : null}
                </details>
              ) : null}
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel="Newest" nextLabel="Older entries" />
    </>
  );
}
