import { Form, Link } from "@remix-run/react";
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
import { issueSchema } from "~/schemas/issues";
import type { FieldErrors } from "~/utils/forms";
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
  const { t } = useTranslation("issues");
  const { register, onSubmit, errorFor } = useValidatedForm(issueSchema, { defaultValues, serverErrors });
  const chosenParties = new Set([defaultValues?.parties ?? []].flat().map(String));
  const partiesError = errorFor("parties");
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField label={t("form.title")} required error={errorFor("title")} registration={register("title")} />
        <TextAreaField
          label={t("form.description")}
          rows={4}
          error={errorFor("description")}
          registration={register("description")}
        />
        <div className="grid-2">
          <SelectField
            label={t("list.status")}
            required
            options={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`labels:issueStatus.${s}`) }))}
            error={errorFor("status")}
            registration={register("status")}
          />
          <SelectField
            label={t("list.priority")}
            required
            options={ISSUE_PRIORITIES.map((p) => ({ value: p, label: t(`labels:priority.${p}`) }))}
            error={errorFor("priority")}
            registration={register("priority")}
          />
        </div>
        <SelectField
          label={t("list.visibility")}
          required
          hint={t("form.visibilityHint")}
          options={visibilities.map((v) => ({
            value: v,
            label: t("form.visibilityOption", { level: t(`labels:visibility.${v}`), hint: t(`labels:visibilityHint.${v}`) }),
          }))}
          error={errorFor("visibility")}
          registration={register("visibility")}
        />
        <fieldset
          className={partiesError ? "field field--invalid party-picker" : "field party-picker"}
          aria-describedby={partiesError ? "parties-error" : undefined}
        >
          <legend className="field__label">
            {t("list.parties")}{" "}
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
          <FieldErrorText id="parties-error" error={partiesError} />
        </fieldset>
        <div className="form-actions">
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
          <Link to={cancelTo} className="button button--quiet">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
