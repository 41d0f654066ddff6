import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { Trans } from "~/components/Trans";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { submitDemandRequest } from "~/models/demand.server";
import { fiscalYearDates, offeredFiscalYears } from "~/models/fiscal-year";
import { demandRequestSchema } from "~/schemas/demand";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { formDataToObject } from "~/utils/forms";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { DEMAND_SECTORS, MATERIALS } from "~db/schema";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("demand:new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "demand:submit");
  return { organizationName: user.organizationName, offeredYears: offeredFiscalYears(today()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "demand:submit");
  const formData = await readFormData(request);
  const schema = demandRequestSchema(offeredFiscalYears(today()));
  // The form never names an organization: a request is always for the submitter's own.
  const claimed = formData.get("organizationId");
  if (typeof claimed === "string" && claimed !== "" && !can(user, "demand:submit", { organizationId: claimed })) {
    const refusal = `You can submit requests only for ${user.organizationName}.`;
    return invalidForm({}, formDataToObject(formData, schema), refusal, 403);
  }
  const form = checkForm(schema, formData);
  if (!form.ok) return form.response;
  const created = await submitDemandRequest(getDb(), user, form.data);
  return redirect(`/demand/${created.id}?submitted=1`);
}

export default function NewDemandRequest() {
  const { organizationName, offeredYears } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = usePending();
  const { t } = useTranslation("demand");
  const schema = useMemo(() => demandRequestSchema(offeredYears), [offeredYears]);
  const { register, onSubmit, errorFor } = useValidatedForm(schema, {
    defaultValues: {
      fiscalYear: offeredYears[0],
      ...(actionData?.values ?? {}),
      // The echoed form posts "on" for a ticked box; the checkbox wants a boolean.
      forIndianMagnets: actionData?.values?.forIndianMagnets === "on",
    },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/demand">{t("list.ourTitle")}</Link>
        </p>
        <h1>{t("new.title")}</h1>
        <p className="muted">
          <Trans t={t} i18nKey="new.intro" values={{ name: organizationName }} components={{ strong: <strong /> }} />
        </p>
      </header>
      <div className="card card--form">
        <FormError message={actionData?.formError} />
        <Form method="post" noValidate onSubmit={onSubmit} className="stack">
          <div className="grid-2 grid-2--bottom">
            <SelectField
              label={t("list.material")}
              required
              placeholder={t("new.choose")}
              options={MATERIALS.map((m) => ({ value: m, label: t(`labels:material.${m}`) }))}
              error={errorFor("material")}
              registration={register("material")}
            />
            <TextField
              label={t("new.quantity")}
              required
              inputMode="decimal"
              autoComplete="off"
              hint={t("new.quantityHint")}
              error={errorFor("quantity")}
              registration={register("quantity")}
            />
          </div>
          <div className="grid-2 grid-2--bottom">
            <SelectField
              label={t("list.fiscalYear")}
              required
              options={offeredYears.map((y) => {
                const d = fiscalYearDates(y)!;
                return {
                  value: y,
                  label: t("new.fiscalYearChoice", { year: y, from: d.from.slice(0, 4), to: d.to.slice(0, 4) }),
                };
              })}
              error={errorFor("fiscalYear")}
              registration={register("fiscalYear")}
            />
            <SelectField
              label={t("list.sector")}
              required
              placeholder={t("new.choose")}
              options={DEMAND_SECTORS.map((s) => ({ value: s, label: t(`labels:sector.${s}`) }))}
              error={errorFor("sector")}
              registration={register("sector")}
            />
          </div>
          <TextField
            label={t("new.endUse")}
            required
            hint={t("new.endUseHint")}
            error={errorFor("endUse")}
            registration={register("endUse")}
          />
          <TextAreaField
            label={t("new.justification")}
            required
            hint={t("new.justificationHint")}
            error={errorFor("justification")}
            registration={register("justification")}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              {...register("forIndianMagnets")}
              defaultChecked={actionData?.values?.forIndianMagnets === "on"}
            />
            <span>{t("new.forIndianMagnets")}</span>
          </label>
          <div className="form-actions">
            <SubmitButton pending={pending} pendingLabel={t("new.submitting")}>
              {t("new.submit")}
            </SubmitButton>
            <Link to="/demand" className="button button--quiet">
              {t("new.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
