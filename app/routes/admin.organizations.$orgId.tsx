import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ArchiveCard } from "~/components/ArchiveCard";
import { Notice } from "~/components/forms";
import { OrganizationForm } from "~/components/OrganizationForm";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import {
  getOrganization,
  organizationNameTaken,
  setOrganizationArchived,
  updateOrganization,
} from "~/models/organizations.server";
import { organizationEditSchema } from "~/schemas/admin";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { failure, parseForm, versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { revalidateAfterConflict } from "~/utils/revalidate";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organization.name ?? "Organization"} · Accord` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:organizations");
  const organization = await getOrganization(getDb(), params.orgId ?? "");
  if (!organization) notFound();
  return { organization };
}

const CONFLICT =
  "Someone else changed this organization while you were editing. Your input is kept: compare it with the details above, then save again to apply it.";

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request);
  assertCan(admin, "admin:organizations");
  const db = getDb();
  const organization = await getOrganization(db, params.orgId ?? "");
  if (!organization) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "archive" || intent === "restore") {
    const version = versionField.safeParse(formData.get("version"));
    if (!version.success) return data(failure({}, {}, "The form is missing its version; reload the page."), { status: 400 });
    const result = await setOrganizationArchived(db, admin.id, organization.id, version.data, intent === "archive");
    if (!result.ok) return data(failure({}, {}, CONFLICT), { status: 409 });
    return data({ ok: true as const, message: intent === "archive" ? "Organization archived." : "Organization restored." });
  }

  const parsed = parseForm(organizationEditSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (await organizationNameTaken(db, parsed.data.name, organization.id)) {
    return data(failure({ name: "An organization with this name already exists." }, parsed.data), { status: 409 });
  }
  const result = await updateOrganization(db, admin.id, organization.id, parsed.data.version, parsed.data);
  if (!result.ok) return data(failure({}, parsed.data, CONFLICT), { status: 409 });
  return data({ ok: true as const, message: "Saved." });
}

export default function OrganizationPage() {
  const fmt = useFormat();
  const { organization } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/admin/organizations">Organizations</Link>
        </p>
        <h1>{organization.name}</h1>
        <p className="muted">
          {organization.archived_at ? (
            <span className="badge badge--muted">Archived {fmt.dateTime(organization.archived_at)}</span>
          ) : (
            <span className="badge badge--ok">Active</span>
          )}
        </p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      <div className="grid-2 grid-2--top">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <OrganizationForm
            key={organization.version}
            submitLabel="Save changes"
            version={organization.version}
            defaultValues={{
              name: organization.name,
              shortName: organization.short_name,
              kind: organization.kind,
              country: organization.country,
              sector: organization.sector ?? "",
              ...(failed?.values ?? {}),
            }}
            serverErrors={failed?.fieldErrors}
            formError={failed?.formError}
          />
        </section>
        <ArchiveCard
          archived={Boolean(organization.archived_at)}
          version={organization.version}
          noun="organization"
          restoreNote={"Restoring makes the organization selectable again."}
          archiveNote={
            "Archived organizations stay in every record that names them but cannot be chosen for new users or records. Nothing is deleted."
          }
        />
      </div>
    </>
  );
}
