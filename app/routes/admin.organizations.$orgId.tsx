import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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
import { archiveOrRestore, checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "app.plain", { text: data.organization.name })
      : pageTitle(matches, "admin:organizations.fallbackTitle"),
  },
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
    const apply = (version: number, archive: boolean) => setOrganizationArchived(db, admin.id, organization.id, version, archive);
    return archiveOrRestore(formData, apply, {
      conflict: CONFLICT,
      archived: "Organization archived.",
      restored: "Organization restored.",
    });
  }

  const parsed = checkForm(organizationEditSchema, formData);
  if (!parsed.ok) return parsed.response;
  if (await organizationNameTaken(db, parsed.data.name, organization.id)) {
    return invalidForm({ name: "An organization with this name already exists." }, parsed.data, undefined, 409);
  }
  const result = await updateOrganization(db, admin.id, organization.id, parsed.data.version, parsed.data);
  if (!result.ok) return invalidForm({}, parsed.data, CONFLICT, 409);
  return data({ ok: true as const, message: "Saved." });
}

export default function OrganizationPage() {
  const fmt = useFormat();
  const { organization } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const { t } = useTranslation("admin");
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/admin/organizations">{t("nav.organizations")}</Link>
        </p>
        <h1>{organization.name}</h1>
        <p className="muted">
          {organization.archived_at ? (
            <span className="badge badge--muted">
              {t("organizations.archivedOn", { date: fmt.dateTime(organization.archived_at) })}
            </span>
          ) : (
            <span className="badge badge--ok">{t("organizations.active")}</span>
          )}
        </p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      <div className="grid-2 grid-2--top">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t("organizations.details")}</h2>
          <OrganizationForm
            key={organization.version}
            submitLabel={t("organizations.save")}
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
          archiveLabel={t("organizations.archive")}
          restoreLabel={t("organizations.restore")}
          restoreNote={t("organizations.restoreNote")}
          archiveNote={t("organizations.archiveNote")}
        />
      </div>
    </>
  );
}
