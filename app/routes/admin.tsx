import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { mailEnabled } from "~/models/mailer.server";
import { outboxSummary } from "~/models/outbox.server";
import { getDb } from "~/utils/db.server";

// Each child route checks its own permission too: a parent loader does not guard a child's data request.
export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:users");
  return { mail: { enabled: mailEnabled(), ...(await outboxSummary(getDb())) } };
}

export default function AdminLayout() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="muted">
        {mail.enabled
          ? `Mail is on: ${mail.pending} waiting, ${mail.sent} sent, ${mail.failed} given up.`
          : `Mail is off (SMTP_URL is not set): ${mail.pending} messages are kept in the outbox until a mail server is configured.`}
      </p>
      <nav className="subnav" aria-label="Administration">
        <NavLink to="/admin/users">Users</NavLink>
        <NavLink to="/admin/organizations">Organizations</NavLink>
        <NavLink to="/admin/audit">Audit log</NavLink>
        <NavLink to="/admin/security">Sign-in security</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
