import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ListTable } from "~/components/ListKit";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listOrganizations } from "~/models/organizations.server";
import { getDb } from "~/utils/db.server";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("admin:nav.organizations");

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:organizations");
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  return { organizations: await listOrganizations(getDb(), { includeArchived }), includeArchived };
}

export default function OrganizationsPage() {
  const { organizations, includeArchived } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <header className="page-header page-header--row">
        <div>
          <h1>{t("nav.organizations")}</h1>
          <p className="muted">{t("organizations.count", { count: organizations.length })}</p>
        </div>
        <Link to="/admin/organizations/new" className="button button--primary">
          {t("organizations.new")}
        </Link>
      </header>
      <Form method="get" className="filters">
        <label className="checkbox">
          <input type="checkbox" name="archived" value="1" defaultChecked={includeArchived} />{" "}
          {t("organizations.includeArchived")}
        </label>
        <button type="submit" className="button button--quiet">
          {t("organizations.apply")}
        </button>
      </Form>
      <ListTable
        columns={[
          t("orgForm.name"),
          t("orgForm.shortName"),
          t("orgForm.kind"),
          t("orgForm.country"),
          t("orgForm.side"),
          t("orgForm.sector"),
          t("organizations.status"),
        ]}
      >
        {organizations.map((o) => (
          <tr key={o.id}>
            <td>
              <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link>
            </td>
            <td>{o.short_name}</td>
            <td>{t(`labels:organizationKind.${o.kind}`)}</td>
            <td>{o.country}</td>
            <td>
              {t(`labels:side.${o.side}`)}
              {o.affiliation ? ` (${o.affiliation})` : null}
            </td>
            <td>{o.sector ?? "—"}</td>
            <td>
              {o.archived_at ? (
                <span className="badge badge--muted">{t("organizations.archived")}</span>
              ) : (
                <span className="badge badge--ok">{t("organizations.active")}</span>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
    </>
  );
}
