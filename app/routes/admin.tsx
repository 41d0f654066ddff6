import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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
  const { t } = useTranslation("admin");
  return (
    <div className="page">
      <p className="muted">
        {mail.enabled
          ? t("mail.on", { pending: mail.pending, sent: mail.sent, failed: mail.failed })
          : t("mail.off", { count: mail.pending })}
      </p>
      <nav className="subnav" aria-label={t("nav.label")}>
        <NavLink to="/admin/users">{t("nav.users")}</NavLink>
        <NavLink to="/admin/organizations">{t("nav.organizations")}</NavLink>
        <NavLink to="/admin/audit">{t("nav.audit")}</NavLink>
        <NavLink to="/admin/security">{t("nav.security")}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
