import { Form, Link } from "@remix-run/react";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { issueSchema } from "~/schemas/issues";
import { VISIBILITY_HINTS, VISIBILITY_LABELS } from "~/utils/common-labels";
import type { FieldErrors } from "~/utils/forms";
import { ISSUE_STATUS_LABELS, PRIORITY_LABELS } from "~/utils/issue-labels";
import { ISSUE_PRIORITIES, ISSUE_STATUSES, type Visibility } from "~db/schema";

export function IssueForm({
  defaultValues,
  serverErrors,
  formError,
  version,
  submitLabel,
  cancelTo,
  organizations,
  visibilities,
}: {
  defaultValues?: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
  version?: number;
  submitLabel: string;
  cancelTo: string;
  organizations: readonly { id: string; name: string; short_name: string; country: string }[];
  visibilities: readonly Visibility[];
}) {
  const pending = usePending();
  const { register, onSubmit, errorFor } = useValidatedForm(issueSchema, { defaultValues, serverErrors });
  const chosenParties = new Set([defaultValues?.parties ?? []].flat().map(String));
  const partiesError = errorFor("parties");
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField label="Title" required error={errorFor("title")} registration={register("title")} />
        <TextAreaField label="Description" rows={4} error={errorFor("description")} registration={register("description")} />
        <div className="grid-2">
          <SelectField
            label="Status"
            required
            options={ISSUE_STATUSES.map((s) => ({ value: s, label: ISSUE_STATUS_LABELS[s] }))}
            error={errorFor("status")}
            registration={register("status")}
          />
          <SelectField
            label="Priority"
            required
            options={ISSUE_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            error={errorFor("priority")}
            registration={register("priority")}
          />
        </div>
        <SelectField
          label="Visibility"
          required
          hint="A shared issue is seen by the external organizations that are parties to it."
          options={visibilities.map((v) => ({ value: v, label: `${VISIBILITY_LABELS[v]}: ${VISIBILITY_HINTS[v]}` }))}
          error={errorFor("visibility")}
          registration={register("visibility")}
        />
        <fieldset
          className={partiesError ? "field field--invalid party-picker" : "field party-picker"}
          aria-describedby={partiesError ? "parties-error" : undefined}
        >
          <legend className="field__label">
            Parties{" "}
            <span className="field__required" aria-hidden="true">
              *
            </span>
          </legend>
          <div className="party-picker__options">
            {organizations.map((o) => (
              <label key={o.id} className="checkbox">
                <input type="checkbox" value={o.id} defaultChecked={chosenParties.has(o.id)} {...register("parties")} /> {o.name}
              </label>
            ))}
          </div>
          {partiesError ? (
            <p id="parties-error" className="field__error" role="alert">
              {partiesError}
            </p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to={cancelTo} className="button button--quiet">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
