import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { ListTable } from "~/components/ListKit";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listOrganizations } from "~/models/organizations.server";
import { ORGANIZATION_KIND_LABELS, SIDE_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Organizations · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:organizations");
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  return { organizations: await listOrganizations(getDb(), { includeArchived }), includeArchived };
}

export default function OrganizationsPage() {
  const { organizations, includeArchived } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header page-header--row">
        <div>
          <h1>Organizations</h1>
          <p className="muted">{organizations.length} organizations</p>
        </div>
        <Link to="/admin/organizations/new" className="button button--primary">
          New organization
        </Link>
      </header>
      <Form method="get" className="filters">
        <label className="checkbox">
          <input type="checkbox" name="archived" value="1" defaultChecked={includeArchived} /> Include archived
        </label>
        <button type="submit" className="button button--quiet">
          Apply
        </button>
      </Form>
      <ListTable columns={["Name", "Short name", "Kind", "Country", "Side", "Sector", "Status"]}>
        {organizations.map((o) => (
          <tr key={o.id}>
            <td>
              <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link>
            </td>
            <td>{o.short_name}</td>
            <td>{ORGANIZATION_KIND_LABELS[o.kind]}</td>
            <td>{o.country}</td>
            <td>
              {SIDE_LABELS[o.side]}
              {o.affiliation ? ` (${o.affiliation})` : null}
            </td>
            <td>{o.sector ?? "—"}</td>
            <td>
              {o.archived_at ? (
                <span className="badge badge--muted">Archived</span>
              ) : (
                <span className="badge badge--ok">Active</span>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
    </>
  );
}
