import { Form, Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import {
  FieldErrorText,
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  usePending,
  useValidatedForm,
} from "~/components/forms";
import { milestoneProgressFormSchema, milestoneSchema } from "~/schemas/milestones";
import { useFormat } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
import { MILESTONE_CATEGORIES, MILESTONE_STATUSES, type Visibility } from "~db/schema";

export interface MilestoneFormOptions {
  organizations: { id: string; name: string }[];
  dependencies: { id: string; title: string; due_date: string }[];
  issues: { id: string; title: string }[];
  visibilities: readonly Visibility[];
}

const statusOptions = (t: TFunction) => MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`labels:milestoneStatus.${s}`) }));

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
  const { t } = useTranslation("milestones");
  return (
    <fieldset
      className={error ? "field field--invalid checklist" : "field checklist"}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {options.length === 0 ? <p className="muted small">{t("form.noneToChoose")}</p> : null}
      <div className="checklist__items">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldErrorText id={`${name}-error`} error={error} />
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
  const { t } = useTranslation("milestones");
  const fmt = useFormat();
  // The browser checks the fields; the version is the server's business.
  const { register, onSubmit, errorFor } = useValidatedForm(milestoneSchema, { defaultValues, serverErrors });
  const dependencyChoices = options.dependencies
    .filter((d) => d.id !== milestoneId)
    .map((d) => ({ value: d.id, label: t("form.dependencyChoice", { title: d.title, date: fmt.plainDate(d.due_date) }) }));
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField label={t("form.title")} required error={errorFor("title")} registration={register("title")} />
        <TextAreaField
          label={t("form.description")}
          rows={3}
          error={errorFor("description")}
          registration={register("description")}
        />
        <div className="grid-2">
          <SelectField
            label={t("form.category")}
            required
            placeholder={t("form.choose")}
            options={MILESTONE_CATEGORIES.map((c) => ({ value: c, label: t(`labels:milestoneCategory.${c}`) }))}
            error={errorFor("category")}
            registration={register("category")}
          />
          <SelectField
            label={t("form.owner")}
            required
            placeholder={t("form.choose")}
            hint={t("form.ownerHint")}
            options={options.organizations.map((o) => ({ value: o.id, label: o.name }))}
            error={errorFor("ownerOrganizationId")}
            registration={register("ownerOrganizationId")}
          />
        </div>
        <div className="grid-2">
          <TextField
            label={t("form.dueDate")}
            type="date"
            required
            error={errorFor("dueDate")}
            registration={register("dueDate")}
          />
          <SelectField
            label={t("form.status")}
            required
            options={statusOptions(t)}
            error={errorFor("status")}
            registration={register("status")}
          />
        </div>
        <div className="grid-2">
          <TextField
            label={t("form.completedOn")}
            type="date"
            hint={t("form.completedOnHint")}
            error={errorFor("completedOn")}
            registration={register("completedOn")}
          />
          <SelectField
            label={t("form.visibility")}
            required
            options={options.visibilities.map((v) => ({
              value: v,
              label: t("form.visibilityChoice", { level: t(`labels:visibility.${v}`), text: t(`labels:visibilityHint.${v}`) }),
            }))}
            error={errorFor("visibility")}
            registration={register("visibility")}
          />
        </div>
        <TextAreaField
          label={t("form.progressNote")}
          rows={2}
          error={errorFor("progressNote")}
          registration={register("progressNote")}
        />
        <CheckboxList
          legend={t("form.dependsOn")}
          hint={t("form.dependsOnHint")}
          name="dependsOn"
          options={dependencyChoices}
          checked={asList(defaultValues?.dependsOn)}
          error={errorFor("dependsOn")}
        />
        <CheckboxList
          legend={t("form.parties")}
          hint={t("form.partiesHint")}
          name="partyOrganizationIds"
          options={options.organizations.map((o) => ({ value: o.id, label: o.name }))}
          checked={asList(defaultValues?.partyOrganizationIds)}
          error={errorFor("partyOrganizationIds")}
        />
        <CheckboxList
          legend={t("form.issues")}
          hint={t("form.issuesHint")}
          name="issueIds"
          options={options.issues.map((i) => ({ value: i.id, label: i.title }))}
          checked={asList(defaultValues?.issueIds)}
          error={errorFor("issueIds")}
        />
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to={milestoneId ? `/milestones/${milestoneId}` : "/milestones"} className="button button--quiet">
            {t("form.cancel")}
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
  const { t } = useTranslation("milestones");
  const { register, onSubmit, errorFor } = useValidatedForm(milestoneProgressFormSchema, { defaultValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="progress" />
        <input type="hidden" name="version" value={version} />
        <div className="grid-2">
          <SelectField
            label={t("form.status")}
            required
            options={statusOptions(t)}
            error={errorFor("status")}
            registration={register("status")}
          />
          <TextField
            label={t("form.completedOn")}
            type="date"
            hint={t("form.completedOnHint")}
            error={errorFor("completedOn")}
            registration={register("completedOn")}
          />
        </div>
        <TextAreaField
          label={t("form.progressNote")}
          rows={3}
          error={errorFor("progressNote")}
          registration={register("progressNote")}
        />
        <div className="form-actions">
          <SubmitButton pending={pending}>{t("form.saveProgress")}</SubmitButton>
        </div>
      </Form>
    </>
  );
}
