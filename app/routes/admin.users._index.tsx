import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ListTable } from "~/components/ListKit";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listUsers } from "~/models/users.server";
import { ROLE_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Users · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:users");
  return { users: await listUsers(getDb()) };
}

export default function UsersPage() {
  const fmt = useFormat();
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header page-header--row">
        <div>
          <h1>Users</h1>
          <p className="muted">{users.length} accounts</p>
        </div>
        <Link to="/admin/users/new" className="button button--primary">
          New user
        </Link>
      </header>
      <ListTable columns={["Name", "Email", "Role", "Organization", "Status", "Last sign-in"]}>
        {users.map((u) => (
          <tr key={u.id}>
            <td>
              <Link to={`/admin/users/${u.id}`}>{u.display_name}</Link>
            </td>
            <td>{u.email}</td>
            <td>{ROLE_LABELS[u.role]}</td>
            <td>{u.organization_short_name}</td>
            <td>
              {u.disabled ? (
                <span className="badge badge--muted">Disabled</span>
              ) : (
                <span className="badge badge--ok">Active</span>
              )}
            </td>
            <td>{fmt.dateTime(u.last_sign_in_at)}</td>
          </tr>
        ))}
      </ListTable>
    </>
  );
}
