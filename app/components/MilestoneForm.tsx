import { Form, Link } from "@remix-run/react";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { milestoneProgressFormSchema, milestoneSchema } from "~/schemas/milestones";
import { MILESTONE_CATEGORY_LABELS, MILESTONE_STATUS_LABELS, VISIBILITY_HINTS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { formatPlainDate } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
import { MILESTONE_CATEGORIES, MILESTONE_STATUSES, type Visibility } from "~db/schema";

export interface MilestoneFormOptions {
  organizations: { id: string; name: string }[];
  dependencies: { id: string; title: string; due_date: string }[];
  issues: { id: string; title: string }[];
  visibilities: readonly Visibility[];
}

const statusOptions = MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_LABELS[s] }));

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : [];
}

/**
 * A list of checkboxes posted natively under one name. Left out of react-hook-form on purpose:
 * the form submits the real elements, and the server checks the choices.
 */
function CheckboxList({
  legend,
  hint,
  name,
  options,
  checked,
  error,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string;
}) {
  return (
    <fieldset
      className={error ? "field field--invalid checklist" : "field checklist"}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {options.length === 0 ? <p className="muted small">None to choose from.</p> : null}
      <div className="checklist__items">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function MilestoneForm({
  options,
  defaultValues,
  serverErrors,
  formError,
  version,
  milestoneId,
  submitLabel,
}: {
  options: MilestoneFormOptions;
  defaultValues?: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
  version?: number;
  milestoneId?: string;
  submitLabel: string;
}) {
  const pending = usePending();
  // The browser checks the fields; the version is the server's business.
  const { register, onSubmit, errorFor } = useValidatedForm(milestoneSchema, { defaultValues, serverErrors });
  const dependencyChoices = options.dependencies
    .filter((d) => d.id !== milestoneId)
    .map((d) => ({ value: d.id, label: `${d.title} (due ${formatPlainDate(d.due_date)})` }));
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField label="Title" required error={errorFor("title")} registration={register("title")} />
        <TextAreaField label="Description" rows={3} error={errorFor("description")} registration={register("description")} />
        <div className="grid-2">
          <SelectField
            label="Category"
            required
            placeholder="Choose…"
            options={MILESTONE_CATEGORIES.map((c) => ({ value: c, label: MILESTONE_CATEGORY_LABELS[c] }))}
            error={errorFor("category")}
            registration={register("category")}
          />
          <SelectField
            label="Owner organization"
            required
            placeholder="Choose…"
            hint="Its users report status and progress."
            options={options.organizations.map((o) => ({ value: o.id, label: o.name }))}
            error={errorFor("ownerOrganizationId")}
            registration={register("ownerOrganizationId")}
          />
        </div>
        <div className="grid-2">
          <TextField label="Due date" type="date" required error={errorFor("dueDate")} registration={register("dueDate")} />
          <SelectField
            label="Status"
            required
            options={statusOptions}
            error={errorFor("status")}
            registration={register("status")}
          />
        </div>
        <div className="grid-2">
          <TextField
            label="Completion date"
            type="date"
            hint="Only when the status is Done."
            error={errorFor("completedOn")}
            registration={register("completedOn")}
          />
          <SelectField
            label="Visibility"
            required
            options={options.visibilities.map((v) => ({ value: v, label: `${VISIBILITY_LABELS[v]}: ${VISIBILITY_HINTS[v]}` }))}
            error={errorFor("visibility")}
            registration={register("visibility")}
          />
        </div>
        <TextAreaField label="Progress note" rows={2} error={errorFor("progressNote")} registration={register("progressNote")} />
        <CheckboxList
          legend="Depends on"
          hint="Milestones that must be done before this one. A change that would create a cycle is refused."
          name="dependsOn"
          options={dependencyChoices}
          checked={asList(defaultValues?.dependsOn)}
          error={errorFor("dependsOn")}
        />
        <CheckboxList
          legend="Parties"
          hint="Organizations besides the owner that may see a shared milestone."
          name="partyOrganizationIds"
          options={options.organizations.map((o) => ({ value: o.id, label: o.name }))}
          checked={asList(defaultValues?.partyOrganizationIds)}
          error={errorFor("partyOrganizationIds")}
        />
        <CheckboxList
          legend="Linked negotiation issues"
          hint="The issues this milestone advances. Each is listed on the milestone page and the milestone on the issue's page."
          name="issueIds"
          options={options.issues.map((i) => ({ value: i.id, label: i.title }))}
          checked={asList(defaultValues?.issueIds)}
          error={errorFor("issueIds")}
        />
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to={milestoneId ? `/milestones/${milestoneId}` : "/milestones"} className="button button--quiet">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}

/** The owner organization's report: status, completion and a progress note. */
export function ProgressForm({
  defaultValues,
  serverErrors,
  formError,
  version,
}: {
  defaultValues: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
  version: number;
}) {
  const pending = usePending();
  const { register, onSubmit, errorFor } = useValidatedForm(milestoneProgressFormSchema, { defaultValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="progress" />
        <input type="hidden" name="version" value={version} />
        <div className="grid-2">
          <SelectField
            label="Status"
            required
            options={statusOptions}
            error={errorFor("status")}
            registration={register("status")}
          />
          <TextField
            label="Completion date"
            type="date"
            hint="Only when the status is Done."
            error={errorFor("completedOn")}
            registration={register("completedOn")}
          />
        </div>
        <TextAreaField label="Progress note" rows={3} error={errorFor("progressNote")} registration={register("progressNote")} />
        <div className="form-actions">
          <SubmitButton pending={pending}>Save progress</SubmitButton>
        </div>
      </Form>
    </>
  );
}
