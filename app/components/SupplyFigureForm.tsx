import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { supplyFigureNumbersSchema, supplyFigureSchema } from "~/schemas/demand";
import type { FieldErrors } from "~/utils/forms";
import { MATERIALS, PRODUCTION_BASES } from "~db/schema";

/** Creates a figure (material and year chosen) or edits one's numbers (with its version). */
export function SupplyFigureForm({
  defaultValues,
  serverErrors,
  formError,
  version,
  fiscalYears,
  submitLabel,
}: {
  defaultValues?: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
  version?: number;
  fiscalYears?: readonly string[];
  submitLabel: string;
}) {
  const pending = usePending();
  const { t } = useTranslation("supply");
  const creating = version === undefined;
  const { register, onSubmit, errorFor } = useValidatedForm<typeof supplyFigureSchema | typeof supplyFigureNumbersSchema>(
    creating ? supplyFigureSchema : supplyFigureNumbersSchema,
    { defaultValues, serverErrors },
  );
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        {creating ? (
          <div className="grid-2">
            <SelectField
              label={t("form.material")}
              required
              placeholder={t("form.choose")}
              options={MATERIALS.map((m) => ({ value: m, label: t(`labels:material.${m}`) }))}
              error={errorFor("material")}
              registration={register("material")}
            />
            <SelectField
              label={t("form.fiscalYear")}
              required
              placeholder={t("form.choose")}
              options={(fiscalYears ?? []).map((y) => ({ value: y, label: y }))}
              error={errorFor("fiscalYear")}
              registration={register("fiscalYear")}
            />
          </div>
        ) : null}
        <div className="grid-2">
          <TextField
            label={t("form.production")}
            required
            inputMode="decimal"
            error={errorFor("production")}
            registration={register("production")}
          />
          <SelectField
            label={t("form.basis")}
            required
            options={PRODUCTION_BASES.map((b) => ({ value: b, label: t(`labels:basis.${b}`) }))}
            error={errorFor("productionBasis")}
            registration={register("productionBasis")}
          />
        </div>
        <div className="grid-2">
          <TextField
            label={t("form.exports")}
            required
            inputMode="decimal"
            hint={t("form.exportsHint")}
            error={errorFor("exports")}
            registration={register("exports")}
          />
          <TextField
            label={t("form.reserve")}
            required
            inputMode="decimal"
            error={errorFor("reserve")}
            registration={register("reserve")}
          />
        </div>
        <TextAreaField
          label={t("form.notes")}
          hint={t("form.notesHint")}
          error={errorFor("notes")}
          registration={register("notes")}
        />
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to="/supply" className="button button--quiet">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
