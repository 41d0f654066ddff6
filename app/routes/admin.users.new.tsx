import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { FormError, SelectField, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { getOrganization, listOrganizations } from "~/models/organizations.server";
import { passwordProblem } from "~/models/password.server";
import { createUser, emailTaken } from "~/models/users.server";
import { newUserSchema } from "~/schemas/admin";
import { ROLE_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm } from "~/utils/forms";
import { ROLES } from "~db/schema";

export const meta: MetaFunction = () => [{ title: "New user · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:users");
  const organizations = await listOrganizations(getDb());
  return { organizations: organizations.map((o) => ({ value: o.id, label: o.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request);
  assertCan(admin, "admin:users");
  const parsed = parseForm(newUserSchema, await readFormData(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const input = parsed.data;
  const db = getDb();
  const weak = passwordProblem(input.password);
  if (weak) return data(failure({ password: weak }, input), { status: 400 });
  const organization = await getOrganization(db, input.organizationId);
  if (!organization || organization.archived_at) {
    return data(failure({ organizationId: "Choose an existing, active organization." }, input), { status: 400 });
  }
  if (await emailTaken(db, input.email)) {
    return data(failure({ email: "An account with this email address already exists." }, input), { status: 409 });
  }
  const user = await createUser(db, admin.id, input);
  return redirect(`/admin/users/${user.id}`);
}

export default function NewUserPage() {
  const { organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = usePending();
  const { register, onSubmit, errorFor } = useValidatedForm(newUserSchema, {
    defaultValues: { role: "official", ...(actionData?.values ?? {}) },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/admin/users">Users</Link>
        </p>
        <h1>New user</h1>
      </header>
      <div className="card card--form">
        <FormError message={actionData?.formError} />
        <Form method="post" noValidate onSubmit={onSubmit} className="stack">
          <TextField label="Email address" type="email" required error={errorFor("email")} registration={register("email")} />
          <TextField label="Display name" required error={errorFor("displayName")} registration={register("displayName")} />
          <div className="grid-2">
            <SelectField
              label="Role"
              required
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              error={errorFor("role")}
              registration={register("role")}
            />
            <SelectField
              label="Organization"
              required
              placeholder="Choose…"
              options={organizations}
              error={errorFor("organizationId")}
              registration={register("organizationId")}
            />
          </div>
          <TextField
            label="Initial password"
            type="password"
            autoComplete="new-password"
            required
            hint="12 to 128 characters; common passwords are refused. Share it with the user by a separate channel."
            error={errorFor("password")}
            registration={register("password")}
          />
          <div className="form-actions">
            <SubmitButton pending={pending} pendingLabel="Creating…">
              Create user
            </SubmitButton>
            <Link to="/admin/users" className="button button--quiet">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}
