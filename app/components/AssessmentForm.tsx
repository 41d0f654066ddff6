import { Form } from "@remix-run/react";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assessmentSchema } from "~/schemas/issues";
import type { FieldErrors } from "~/utils/forms";
import { RISK_LABELS } from "~/utils/issue-labels";
import { RISK_LEVELS, type Visibility } from "~db/schema";

const LEVEL_OPTION_LABELS: Record<Visibility, string> = {
  shared: "Shared: the parties and the Indian side",
  internal: "Internal: Government of India and IREL",
  restricted: "Restricted: officials, diplomats and administrators",
};

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
  const initialValues: Record<string, unknown> = { assessedOn: today, risk: "", visibility: "internal", ...defaultValues };
  const { register, onSubmit, errorFor } = useValidatedForm(assessmentSchema, { defaultValues: initialValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack" aria-label={label}>
        <input type="hidden" name="intent" value="assessment" />
        <div className="grid-2">
          <TextField
            label="Assessed on"
            type="date"
            required
            max={today}
            error={errorFor("assessedOn")}
            registration={register("assessedOn")}
          />
          <SelectField
            label="Risk"
            required
            placeholder="Choose…"
            options={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LABELS[r] }))}
            error={errorFor("risk")}
            registration={register("risk")}
          />
        </div>
        <TextAreaField label="Assessment" required rows={4} error={errorFor("summary")} registration={register("summary")} />
        <TextAreaField
          label="Recommendation"
          required
          rows={2}
          error={errorFor("recommendation")}
          registration={register("recommendation")}
        />
        <SelectField
          label="Visibility"
          required
          hint="Assessments stay on the Indian side."
          options={visibilities.map((v) => ({ value: v, label: LEVEL_OPTION_LABELS[v] }))}
          error={errorFor("visibility")}
          registration={register("visibility")}
        />
        <div className="form-actions">
          <SubmitButton pending={pending}>Add assessment</SubmitButton>
        </div>
      </Form>
    </>
  );
}
