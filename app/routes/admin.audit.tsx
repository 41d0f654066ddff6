import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("admin:nav.audit");

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
      actor: r.actor_name,
      noActor: r.actor_id ? ("unknown" as const) : r.action.startsWith("auth.") ? ("anonymous" as const) : ("system" as const),
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
  const { t } = useTranslation("admin");
  return (
    <>
      <header className="page-header">
        <h1>{t("nav.audit")}</h1>
        <p className="muted">{t("audit.intro")}</p>
      </header>
      <Form method="get" className="filters" aria-label={t("audit.filterLabel")}>
        <AnySelect name="user" label={t("audit.user")} value={filter.user} anyLabel={t("audit.anyone")} options={options.users} />
        <AnySelect
          name="action"
          label={t("audit.action")}
          value={filter.action}
          anyLabel={t("audit.anyAction")}
          options={options.actions.map((a) => ({ value: a, label: a }))}
        />
        <label className="filter">
          <span>{t("audit.from")}</span>
          <input type="date" name="from" defaultValue={filter.from ?? ""} className="input" />
        </label>
        <label className="filter">
          <span>{t("audit.to")}</span>
          <input type="date" name="to" defaultValue={filter.to ?? ""} className="input" />
        </label>
        <button type="submit" className="button">
          {t("audit.filter")}
        </button>
      </Form>
      <ListTable
        columns={[t("audit.when"), t("audit.who"), t("audit.action"), t("audit.record"), t("audit.detail")]}
        dense
        empty={rows.length === 0 ? t("audit.empty") : null}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="nowrap">{fmt.dateTime(r.at)}</td>
            <td>{r.actor ?? t(`audit.noActor.${r.noActor}`)}</td>
            <td>
              <code>{r.action}</code>
            </td>
            <td>{r.entity}</td>
            <td>
              {r.detail ? <span>{r.detail} </span> : null}
              {r.ip ? <span className="muted small">{t("audit.fromIp", { ip: r.ip })}</span> : null}
              {r.before || r.after ? (
                <details>
                  <summary>{t("audit.changes")}</summary>
                  {r.before ? <pre className="json">{t("audit.before", { json: r.before })}</pre> : null}
                  {r.after ? <pre className="json">{t("audit.after", { json: r.after })}</pre> : null}
                </details>
              ) : null}
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel={t("audit.newest")} nextLabel={t("audit.older")} />
    </>
  );
}
