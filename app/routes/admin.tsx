import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";

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
      <Outlet />
    </div>
  );
}
