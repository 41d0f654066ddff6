import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { getOrganization, listOrganizations } from "~/models/organizations.server";
import { passwordProblem } from "~/models/password.server";
import { createUser, emailTaken } from "~/models/users.server";
import { newUserSchema } from "~/schemas/admin";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { titleMeta } from "~/utils/route-head";
import { ROLES } from "~db/schema";

export const meta = titleMeta("admin:users.new");

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:users");
  const organizations = await listOrganizations(getDb());
  return { organizations: organizations.map((o) => ({ value: o.id, label: o.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request);
  assertCan(admin, "admin:users");
  const parsed = checkForm(newUserSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  const db = getDb();
  const weak = passwordProblem(input.password);
  if (weak) return invalidForm({ password: weak }, input);
  const organization = await getOrganization(db, input.organizationId);
  if (!organization || organization.archived_at) {
    return invalidForm({ organizationId: "Choose an existing, active organization." }, input);
  }
  if (await emailTaken(db, input.email)) {
    return invalidForm({ email: "An account with this email address already exists." }, input, undefined, 409);
  }
  const user = await createUser(db, admin.id, input);
  return redirect(`/admin/users/${user.id}`);
}

export default function NewUserPage() {
  const { organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = usePending();
  const { t } = useTranslation("admin");
  const { register, onSubmit, errorFor } = useValidatedForm(newUserSchema, {
    defaultValues: { role: "official", ...(actionData?.values ?? {}) },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/admin/users">{t("nav.users")}</Link>
        </p>
        <h1>{t("users.new")}</h1>
      </header>
      <div className="card card--form">
        <FormError message={actionData?.formError} />
        <Form method="post" noValidate onSubmit={onSubmit} className="stack">
          <TextField
            label={t("users.emailAddress")}
            type="email"
            required
            error={errorFor("email")}
            registration={register("email")}
          />
          <TextField
            label={t("users.displayName")}
            required
            error={errorFor("displayName")}
            registration={register("displayName")}
          />
          <div className="grid-2">
            <SelectField
              label={t("users.role")}
              required
              options={ROLES.map((r) => ({ value: r, label: t(`labels:role.${r}`) }))}
              error={errorFor("role")}
              registration={register("role")}
            />
            <SelectField
              label={t("users.organization")}
              required
              placeholder={t("users.choose")}
              options={organizations}
              error={errorFor("organizationId")}
              registration={register("organizationId")}
            />
          </div>
          <TextField
            label={t("users.initialPassword")}
            type="password"
            autoComplete="new-password"
            required
            hint={t("users.initialPasswordHint")}
            error={errorFor("password")}
            registration={register("password")}
          />
          <div className="form-actions">
            <SubmitButton pending={pending} pendingLabel={t("users.creating")}>
              {t("users.create")}
            </SubmitButton>
            <Link to="/admin/users" className="button button--quiet">
              {t("users.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}
