import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assessmentSchema } from "~/schemas/issues";
import type { FieldErrors } from "~/utils/forms";
import { RISK_LEVELS, type Visibility } from "~db/schema";

export function AssessmentForm({
  today,
  defaultValues,
  serverErrors,
  formError,
  label,
  visibilities,
}: {
  today: string;
  /** The levels this user may give an assessment, from the access module. */
  visibilities: readonly Visibility[];
  defaultValues?: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
  label: string;
}) {
  const pending = usePending();
  const { t } = useTranslation("issues");
  const initialValues: Record<string, unknown> = { assessedOn: today, risk: "", visibility: "internal", ...defaultValues };
  const { register, onSubmit, errorFor } = useValidatedForm(assessmentSchema, { defaultValues: initialValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack" aria-label={label}>
        <input type="hidden" name="intent" value="assessment" />
        <div className="grid-2">
          <TextField
            label={t("assessmentForm.assessedOn")}
            type="date"
            required
            max={today}
            error={errorFor("assessedOn")}
            registration={register("assessedOn")}
          />
          <SelectField
            label={t("assessmentForm.risk")}
            required
            placeholder={t("form.choose")}
            options={RISK_LEVELS.map((r) => ({ value: r, label: t(`labels:risk.${r}`) }))}
            error={errorFor("risk")}
            registration={register("risk")}
          />
        </div>
        <TextAreaField
          label={t("assessmentForm.assessment")}
          required
          rows={4}
          error={errorFor("summary")}
          registration={register("summary")}
        />
        <TextAreaField
          label={t("assessmentForm.recommendation")}
          required
          rows={2}
          error={errorFor("recommendation")}
          registration={register("recommendation")}
        />
        <SelectField
          label={t("list.visibility")}
          required
          hint={t("assessmentForm.visibilityHint")}
          options={visibilities.map((v) => ({ value: v, label: t(`assessmentForm.level.${v}`) }))}
          error={errorFor("visibility")}
          registration={register("visibility")}
        />
        <div className="form-actions">
          <SubmitButton pending={pending}>{t("assessmentForm.submit")}</SubmitButton>
        </div>
      </Form>
    </>
  );
}
