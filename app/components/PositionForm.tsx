import { Form } from "@remix-run/react";
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
import { positionSchema } from "~/schemas/issues";
import { SCHEDULE_ROWS } from "~/schemas/schedule";
import { useFormat } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
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
  schedule,
}: {
  parties: readonly { organization_id: string; name: string }[];
  consultations: readonly { id: string; title: string; starts_at: string }[];
  visibilities: readonly Visibility[];
  mayMarkRedLine: boolean;
  today: string;
  defaultValues?: Record<string, unknown>;
  serverErrors?: FieldErrors;
  formError?: string;
  /** On a volume issue: the schedule's materials and the fiscal years of the agreement's term. */
  schedule?: { materials: readonly string[]; first: string; last: string } | null;
}) {
  const { t: ta } = useTranslation("agreement");
  const pending = usePending();
  const fmt = useFormat();
  const { t } = useTranslation("issues");
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
      <Form method="post" noValidate onSubmit={onSubmit} className="stack" aria-label={t("detail.record")}>
        <input type="hidden" name="intent" value="position" />
        <div className="grid-2">
          <SelectField
            label={t("detail.party")}
            required
            placeholder={parties.length === 1 ? undefined : t("form.choose")}
            options={parties.map((p) => ({ value: p.organization_id, label: p.name }))}
            error={errorFor("organizationId")}
            registration={register("organizationId")}
          />
          <SelectField
            label={t("detail.stance")}
            required
            placeholder={t("form.choose")}
            options={STANCES.map((s) => ({ value: s, label: t(`labels:stance.${s}`) }))}
            error={errorFor("stance")}
            registration={register("stance")}
          />
        </div>
        <TextAreaField
          label={t("detail.statement")}
          required
          rows={3}
          hint={t("positionForm.statementHint")}
          error={errorFor("statement")}
          registration={register("statement")}
        />
        <TextAreaField
          label={t("positionForm.desiredOutcome")}
          rows={2}
          error={errorFor("desiredOutcome")}
          registration={register("desiredOutcome")}
        />
        <div className="grid-2">
          <SelectField
            label={t("detail.flexibility")}
            required
            options={FLEXIBILITIES.map((f) => ({ value: f, label: t(`labels:flexibility.${f}`) }))}
            error={errorFor("flexibility")}
            registration={register("flexibility")}
          />
          <TextField
            label={t("detail.heldFrom")}
            type="date"
            required
            max={today}
            error={errorFor("statedOn")}
            registration={register("statedOn")}
          />
        </div>
        <div className="grid-2">
          <SelectField
            label={t("positionForm.source")}
            placeholder={t("positionForm.none")}
            options={consultations.map((c) => ({
              value: c.id,
              label: t("positionForm.sourceOption", { title: c.title, date: fmt.date(c.starts_at) }),
            }))}
            error={errorFor("sourceConsultationId")}
            registration={register("sourceConsultationId")}
          />
          <SelectField
            label={t("list.visibility")}
            required
            options={visibilities.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
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
              {t("positionForm.redLine")}
            </label>
            <FieldErrorText error={errorFor("redLine")} />
          </div>
        ) : null}
        {schedule ? (
          <fieldset className="stack">
            <legend>{ta("position.scheduleLegend")}</legend>
            <p className="small muted">{ta("position.scheduleHint", { first: schedule.first, last: schedule.last })}</p>
            {Array.from({ length: SCHEDULE_ROWS }, (_, n) => {
              const row = n as 0 | 1 | 2;
              return (
                <div className="grid-3" key={n}>
                  <SelectField
                    label={ta("position.rowMaterial", { n: n + 1 })}
                    placeholder={ta("position.choose")}
                    options={schedule.materials.map((m) => ({ value: m, label: t(`labels:material.${m}`) }))}
                    error={errorFor(`schedule${row}Material`)}
                    registration={register(`schedule${row}Material`)}
                  />
                  <TextField
                    label={ta("position.rowYear", { n: n + 1 })}
                    placeholder={ta("position.yearPlaceholder")}
                    error={errorFor(`schedule${row}Year`)}
                    registration={register(`schedule${row}Year`)}
                  />
                  <TextField
                    label={ta("position.rowTonnes", { n: n + 1 })}
                    inputMode="decimal"
                    error={errorFor(`schedule${row}Tonnes`)}
                    registration={register(`schedule${row}Tonnes`)}
                  />
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <p className="small muted">{t("positionForm.note")}</p>
        <div className="form-actions">
          <SubmitButton pending={pending} pendingLabel={t("positionForm.recording")}>
            {t("positionForm.submit")}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}
