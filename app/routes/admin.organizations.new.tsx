import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { OrganizationForm } from "~/components/OrganizationForm";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { createOrganization, organizationNameTaken } from "~/models/organizations.server";
import { organizationSchema } from "~/schemas/admin";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("admin:organizations.new");

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:organizations");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request);
  assertCan(admin, "admin:organizations");
  const parsed = checkForm(organizationSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const db = getDb();
  if (await organizationNameTaken(db, parsed.data.name)) {
    return invalidForm({ name: "An organization with this name already exists." }, parsed.data, undefined, 409);
  }
  const organization = await createOrganization(db, admin.id, parsed.data);
  return redirect(`/admin/organizations/${organization.id}`);
}

export default function NewOrganizationPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/admin/organizations">{t("nav.organizations")}</Link>
        </p>
        <h1>{t("organizations.new")}</h1>
      </header>
      <div className="card card--form">
        <OrganizationForm
          submitLabel={t("organizations.create")}
          defaultValues={actionData?.values}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
        />
      </div>
    </>
  );
}
