import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { organizationSchema } from "~/schemas/admin";
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
  const { t } = useTranslation("admin");
  const { register, onSubmit, errorFor } = useValidatedForm(organizationSchema, { defaultValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField label={t("orgForm.name")} required error={errorFor("name")} registration={register("name")} />
        <div className="grid-2">
          <TextField
            label={t("orgForm.shortName")}
            required
            hint={t("orgForm.shortNameHint")}
            error={errorFor("shortName")}
            registration={register("shortName")}
          />
          <SelectField
            label={t("orgForm.kind")}
            required
            placeholder={t("orgForm.choose")}
            options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`labels:organizationKind.${k}`) }))}
            error={errorFor("kind")}
            registration={register("kind")}
          />
        </div>
        <div className="grid-2">
          <TextField label={t("orgForm.country")} required error={errorFor("country")} registration={register("country")} />
          <TextField label={t("orgForm.sector")} error={errorFor("sector")} registration={register("sector")} />
        </div>
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to="/admin/organizations" className="button button--quiet">
            {t("orgForm.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
