import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
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
import { consultationSchema, LIMITS } from "~/schemas/consultations";
import type { FieldErrors } from "~/utils/forms";
import { TIME_ZONES } from "~/utils/time";
import { ACTION_STATUSES, CONSULTATION_KINDS, CONSULTATION_MODES, type Visibility } from "~db/schema";

export interface OrganizationOption {
  id: string;
  name: string;
  shortName: string;
}

/** Spare blank action rows, so that actions can be added without client JavaScript. */
const SPARE_ROWS = 2;

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === "" || value === false) return [];
  if (typeof value === "object") return Object.values(value);
  return [value];
}

export function ConsultationForm({
  defaultValues,
  serverErrors,
  formError,
  version,
  submissionKey,
  organizations,
  visibilities,
  submitLabel,
  cancelTo,
  afterError,
}: {
  defaultValues: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
  version?: number;
  submissionKey?: string;
  organizations: OrganizationOption[];
  visibilities: readonly Visibility[];
  submitLabel: string;
  cancelTo: string;
  /** Shown under the form's error, e.g. what is saved now after a conflict. */
  afterError?: ReactNode;
}) {
  const pending = usePending();
  const { t } = useTranslation("consultations");
  const actionDefaults = asArray(defaultValues.actions) as Record<string, string>[];
  const values = {
    ...defaultValues,
    submissionKey,
    participants: asArray(defaultValues.participants).map(String),
    actions: actionDefaults,
  };
  const { register, onSubmit, errorFor } = useValidatedForm(consultationSchema, { defaultValues: values, serverErrors });
  const [rows, setRows] = useState(actionDefaults.length + SPARE_ROWS);
  // "Add another action" needs JavaScript; without it the spare rows are there instead.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const chosen = new Set(values.participants);
  const orgOptions = organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.shortName})` }));
  const participantsError = errorFor("participants");
  // The submit button is at the bottom of a long form: bring a refusal (a conflict) into view.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) errorRef.current?.scrollIntoView({ block: "start" });
  }, [formError]);

  return (
    <>
      <div ref={errorRef}>
        <FormError message={formError} />
        {afterError}
      </div>
      <Form method="post" noValidate onSubmit={onSubmit} className="stack consultation-form">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        {submissionKey ? <input type="hidden" defaultValue={submissionKey} {...register("submissionKey")} /> : null}

        <TextField
          label={t("form.title")}
          required
          maxLength={LIMITS.title + 50}
          error={errorFor("title")}
          registration={register("title")}
        />
        <div className="grid-2">
          <TextField
            label={t("form.startsLocal")}
            type="datetime-local"
            required
            hint={t("form.startsLocalHint")}
            error={errorFor("startsLocal")}
            registration={register("startsLocal")}
          />
          <SelectField
            label={t("form.timeZone")}
            required
            options={TIME_ZONES.map((z) => ({ value: z.value, label: t(`form.zones.${z.value}`) }))}
            error={errorFor("timeZone")}
            registration={register("timeZone")}
          />
        </div>
        <div className="grid-2">
          <SelectField
            label={t("form.kind")}
            required
            placeholder={t("form.choose")}
            options={CONSULTATION_KINDS.map((k) => ({ value: k, label: t(`labels:kind.${k}`) }))}
            error={errorFor("kind")}
            registration={register("kind")}
          />
          <SelectField
            label={t("form.mode")}
            required
            placeholder={t("form.choose")}
            options={CONSULTATION_MODES.map((m) => ({ value: m, label: t(`labels:mode.${m}`) }))}
            error={errorFor("mode")}
            registration={register("mode")}
          />
        </div>
        <TextField
          label={t("form.location")}
          hint={t("form.locationHint")}
          error={errorFor("location")}
          registration={register("location")}
        />

        <fieldset
          className={participantsError ? "fieldset field--invalid" : "fieldset"}
          aria-describedby={participantsError ? "participants-error" : undefined}
        >
          <legend className="field__label">
            {t("form.participants")}
            <span className="field__required" aria-hidden="true">
              {" "}
              *
            </span>
          </legend>
          <div className="checkbox-grid">
            {organizations.map((o) => (
              <label key={o.id} className="checkbox">
                <input type="checkbox" value={o.id} defaultChecked={chosen.has(o.id)} {...register("participants")} />
                <span>
                  {o.name} <span className="muted small">({o.shortName})</span>
                </span>
              </label>
            ))}
          </div>
          <FieldErrorText id="participants-error" error={participantsError} />
        </fieldset>

        <SelectField
          label={t("form.visibility")}
          required
          hint={t("form.visibilityHint")}
          options={visibilities.map((v) => ({
            value: v,
            label: t("form.visibilityOption", { level: t(`labels:visibility.${v}`), hint: t(`labels:visibilityHint.${v}`) }),
          }))}
          error={errorFor("visibility")}
          registration={register("visibility")}
        />
        <TextAreaField label={t("form.agenda")} rows={4} error={errorFor("agenda")} registration={register("agenda")} />
        <TextAreaField
          label={t("form.notes")}
          hint={t("form.notesHint")}
          rows={10}
          error={errorFor("notes")}
          registration={register("notes")}
        />
        <TextAreaField label={t("form.outcome")} rows={3} error={errorFor("outcome")} registration={register("outcome")} />

        <fieldset className="fieldset">
          <legend className="field__label">{t("form.actions")}</legend>
          <p className="field__hint">{t("form.actionsHint")}</p>
          <ol className="action-rows">
            {Array.from({ length: rows }, (_, i) => (
              <li key={i} className="action-row">
                {actionDefaults[i]?.id ? <input type="hidden" {...register(`actions.${i}.id`)} /> : null}
                <TextField
                  label={t("form.actionN", { n: i + 1 })}
                  error={errorFor(`actions.${i}.description`)}
                  registration={register(`actions.${i}.description`)}
                />
                <div className="action-row__meta">
                  <SelectField
                    label={t("form.owner")}
                    placeholder={t("form.choose")}
                    options={orgOptions}
                    error={errorFor(`actions.${i}.ownerOrganizationId`)}
                    registration={register(`actions.${i}.ownerOrganizationId`)}
                  />
                  <TextField
                    label={t("form.dueDate")}
                    type="date"
                    error={errorFor(`actions.${i}.dueDate`)}
                    registration={register(`actions.${i}.dueDate`)}
                  />
                  <SelectField
                    label={t("form.status")}
                    options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`labels:actionStatus.${s}`) }))}
                    error={errorFor(`actions.${i}.status`)}
                    registration={register(`actions.${i}.status`)}
                  />
                </div>
              </li>
            ))}
          </ol>
          {hydrated ? (
            <button type="button" className="button" onClick={() => setRows((n) => n + 1)}>
              {t("form.addAction")}
            </button>
          ) : null}
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
