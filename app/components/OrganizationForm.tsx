import { Form, Link } from "@remix-run/react";

import { FormError, SelectField, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { organizationSchema } from "~/schemas/admin";
import { ORGANIZATION_KIND_LABELS } from "~/utils/common-labels";
import type { FieldErrors } from "~/utils/forms";
import { ORGANIZATION_KINDS } from "~db/schema";

export function OrganizationForm({
  defaultValues,
  serverErrors,
  formError,
  version,
  submitLabel,
}: {
  defaultValues?: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
  version?: number;
  submitLabel: string;
}) {
  const pending = usePending();
  const { register, onSubmit, errorFor } = useValidatedForm(organizationSchema, { defaultValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField label="Name" required error={errorFor("name")} registration={register("name")} />
        <div className="grid-2">
          <TextField
            label="Short name"
            required
            hint="As shown in tables, e.g. MoCI"
            error={errorFor("shortName")}
            registration={register("shortName")}
          />
          <SelectField
            label="Kind"
            required
            placeholder="Choose…"
            options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: ORGANIZATION_KIND_LABELS[k] }))}
            error={errorFor("kind")}
            registration={register("kind")}
          />
        </div>
        <div className="grid-2">
          <TextField label="Country" required error={errorFor("country")} registration={register("country")} />
          <TextField label="Sector" error={errorFor("sector")} registration={register("sector")} />
        </div>
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to="/admin/organizations" className="button button--quiet">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
