import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ListTable } from "~/components/ListKit";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listUsers } from "~/models/users.server";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("admin:nav.users");

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:users");
  return { users: await listUsers(getDb()) };
}

export default function UsersPage() {
  const fmt = useFormat();
  const { users } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <header className="page-header page-header--row">
        <div>
          <h1>{t("nav.users")}</h1>
          <p className="muted">{t("users.count", { count: users.length })}</p>
        </div>
        <Link to="/admin/users/new" className="button button--primary">
          {t("users.new")}
        </Link>
      </header>
      <ListTable
        columns={[
          t("users.name"),
          t("users.email"),
          t("users.role"),
          t("users.organization"),
          t("users.status"),
          t("users.lastSignIn"),
        ]}
      >
        {users.map((u) => (
          <tr key={u.id}>
            <td>
              <Link to={`/admin/users/${u.id}`}>{u.display_name}</Link>
            </td>
            <td>{u.email}</td>
            <td>{t(`labels:role.${u.role}`)}</td>
            <td>{u.organization_short_name}</td>
            <td>
              {u.disabled ? (
                <span className="badge badge--muted">{t("users.disabled")}</span>
              ) : (
                <span className="badge badge--ok">{t("users.active")}</span>
              )}
            </td>
            <td>{fmt.dateTime(u.last_sign_in_at)}</td>
          </tr>
        ))}
      </ListTable>
    </>
  );
}
