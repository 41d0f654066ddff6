import { Form } from "@remix-run/react";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { positionSchema } from "~/schemas/issues";
import { VISIBILITY_LABELS } from "~/utils/common-labels";
import { useFormat } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
import { FLEXIBILITY_LABELS, STANCE_LABELS } from "~/utils/issue-labels";
import { FLEXIBILITIES, STANCES, type Visibility } from "~db/schema";

export function PositionForm({
  parties,
  consultations,
  visibilities,
  mayMarkRedLine,
  today,
  defaultValues,
  serverErrors,
  formError,
}: {
  parties: readonly { organization_id: string; name: string }[];
  consultations: readonly { id: string; title: string; starts_at: string }[];
  visibilities: readonly Visibility[];
  mayMarkRedLine: boolean;
  today: string;
  defaultValues?: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
}) {
  const pending = usePending();
  const fmt = useFormat();
  const initialValues: Record<string, unknown> = {
    organizationId: parties.length === 1 ? parties[0]!.organization_id : "",
    stance: "",
    flexibility: "negotiable",
    statedOn: today,
    visibility: visibilities.includes("shared") ? "shared" : visibilities[0],
    sourceConsultationId: "",
    redLine: false,
    ...defaultValues,
  };
  const { register, onSubmit, errorFor } = useValidatedForm(positionSchema, { defaultValues: initialValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack" aria-label="Record a position">
        <input type="hidden" name="intent" value="position" />
        <div className="grid-2">
          <SelectField
            label="Party"
            required
            placeholder={parties.length === 1 ? undefined : "Choose…"}
            options={parties.map((p) => ({ value: p.organization_id, label: p.name }))}
            error={errorFor("organizationId")}
            registration={register("organizationId")}
          />
          <SelectField
            label="Stance"
            required
            placeholder="Choose…"
            options={STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }))}
            error={errorFor("stance")}
            registration={register("stance")}
          />
        </div>
        <TextAreaField
          label="Statement"
          required
          rows={3}
          hint="What the party holds, in its own terms."
          error={errorFor("statement")}
          registration={register("statement")}
        />
        <TextAreaField
          label="Desired outcome"
          rows={2}
          error={errorFor("desiredOutcome")}
          registration={register("desiredOutcome")}
        />
        <div className="grid-2">
          <SelectField
            label="Flexibility"
            required
            options={FLEXIBILITIES.map((f) => ({ value: f, label: FLEXIBILITY_LABELS[f] }))}
            error={errorFor("flexibility")}
            registration={register("flexibility")}
          />
          <TextField
            label="Held from"
            type="date"
            required
            max={today}
            error={errorFor("statedOn")}
            registration={register("statedOn")}
          />
        </div>
        <div className="grid-2">
          <SelectField
            label="Source consultation"
            placeholder="None"
            options={consultations.map((c) => ({ value: c.id, label: `${c.title} (${fmt.date(c.starts_at)})` }))}
            error={errorFor("sourceConsultationId")}
            registration={register("sourceConsultationId")}
          />
          <SelectField
            label="Visibility"
            required
            options={visibilities.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
            error={errorFor("visibility")}
            registration={register("visibility")}
          />
        </div>
        {mayMarkRedLine ? (
          <div className={errorFor("redLine") ? "field field--invalid" : "field"}>
            <label className="checkbox">
              <input
                type="checkbox"
                defaultChecked={initialValues.redLine === true || initialValues.redLine === "on"}
                {...register("redLine")}
              />{" "}
              India&apos;s red line (makes the position restricted)
            </label>
            {errorFor("redLine") ? (
              <p className="field__error" role="alert">
                {errorFor("redLine")}
              </p>
            ) : null}
          </div>
        ) : null}
        <p className="small muted">
          Positions are never edited: this one supersedes the party&apos;s previous position and the history keeps both.
        </p>
        <div className="form-actions">
          <SubmitButton pending={pending} pendingLabel="Recording…">
            Record position
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}
