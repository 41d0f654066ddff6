import { Form, Link } from "@remix-run/react";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { supplyFigureNumbersSchema, supplyFigureSchema } from "~/schemas/demand";
import { BASIS_LABELS, MATERIAL_LABELS } from "~/utils/demand-labels";
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
              label="Material"
              required
              placeholder="Choose…"
              options={MATERIALS.map((m) => ({ value: m, label: MATERIAL_LABELS[m] }))}
              error={errorFor("material")}
              registration={register("material")}
            />
            <SelectField
              label="Fiscal year"
              required
              placeholder="Choose…"
              options={(fiscalYears ?? []).map((y) => ({ value: y, label: y }))}
              error={errorFor("fiscalYear")}
              registration={register("fiscalYear")}
            />
          </div>
        ) : null}
        <div className="grid-2">
          <TextField
            label="IREL production (tonnes)"
            required
            inputMode="decimal"
            error={errorFor("production")}
            registration={register("production")}
          />
          <SelectField
            label="Production is"
            required
            options={PRODUCTION_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }))}
            error={errorFor("productionBasis")}
            registration={register("productionBasis")}
          />
        </div>
        <div className="grid-2">
          <TextField
            label="Committed exports (tonnes)"
            required
            inputMode="decimal"
            hint="Under the 2012 arrangement with Toyotsu"
            error={errorFor("exports")}
            registration={register("exports")}
          />
          <TextField
            label="Strategic reserve (tonnes)"
            required
            inputMode="decimal"
            error={errorFor("reserve")}
            registration={register("reserve")}
          />
        </div>
        <TextAreaField
          label="Notes"
          hint="Source of the figure, assumptions"
          error={errorFor("notes")}
          registration={register("notes")}
        />
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to="/supply" className="button button--quiet">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
