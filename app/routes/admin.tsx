import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";

// Each child route checks its own permission too: a parent loader does not guard a child's data request.
export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:users");
  return null;
}

export default function AdminLayout() {
  return (
    <div className="page">
      <nav className="subnav" aria-label="Administration">
        <NavLink to="/admin/users">Users</NavLink>
        <NavLink to="/admin/organizations">Organizations</NavLink>
        <NavLink to="/admin/audit">Audit log</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
