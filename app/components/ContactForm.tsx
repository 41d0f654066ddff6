import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { CONTACT_LIMITS, contactEditSchema, contactSchema } from "~/schemas/contacts";
import type { FieldErrors } from "~/utils/forms";
import type { Visibility } from "~db/schema";

/** A contact's fields, for a new contact and for editing one (with its version). */
export function ContactForm({
  defaultValues,
  serverErrors,
  formError,
  version,
  organizations,
  visibilities,
  submitLabel,
  cancelTo,
}: {
  defaultValues?: Record<string, unknown>;
  serverErrors?: FieldErrors | undefined;
  formError?: string | undefined;
  version?: number;
  organizations: readonly { id: string; name: string }[];
  visibilities: readonly Visibility[];
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation("people");
  const pending = usePending();
  const schema = version === undefined ? contactSchema : contactEditSchema;
  const { register, onSubmit, errorFor } = useValidatedForm(schema, { defaultValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <div className="grid-2">
          <TextField
            label={t("contacts.fields.name")}
            required
            maxLength={CONTACT_LIMITS.name}
            error={errorFor("name")}
            registration={register("name")}
          />
          <TextField
            label={t("contacts.fields.title")}
            maxLength={CONTACT_LIMITS.title}
            error={errorFor("title")}
            registration={register("title")}
          />
        </div>
        <SelectField
          label={t("contacts.fields.organization")}
          required
          placeholder={t("contacts.chooseOrganization")}
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          error={errorFor("organizationId")}
          registration={register("organizationId")}
        />
        <div className="grid-2">
          <TextField
            label={t("contacts.fields.email")}
            type="email"
            autoComplete="off"
            error={errorFor("email")}
            registration={register("email")}
          />
          <TextField
            label={t("contacts.fields.phone")}
            type="tel"
            hint={t("contacts.phoneHint")}
            autoComplete="off"
            error={errorFor("phone")}
            registration={register("phone")}
          />
        </div>
        <TextField
          label={t("contacts.fields.languages")}
          hint={t("contacts.languagesHint")}
          error={errorFor("languages")}
          registration={register("languages")}
        />
        <TextAreaField label={t("contacts.fields.notes")} rows={4} error={errorFor("notes")} registration={register("notes")} />
        <SelectField
          label={t("contacts.fields.visibility")}
          required
          hint={t("contacts.visibilityHint")}
          options={visibilities.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
          error={errorFor("visibility")}
          registration={register("visibility")}
        />
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to={cancelTo} className="button button--quiet">
            {t("contacts.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
