import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";

import { FormError, SelectField, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { submitDemandRequest } from "~/models/demand.server";
import { fiscalYearDates, offeredFiscalYears } from "~/models/fiscal-year";
import { demandRequestSchema } from "~/schemas/demand";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { MATERIAL_LABELS, SECTOR_LABELS } from "~/utils/demand-labels";
import { readFormData } from "~/utils/form-body.server";
import { failure, formDataToObject, parseForm } from "~/utils/forms";
import { DEMAND_SECTORS, MATERIALS } from "~db/schema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "New demand request · Accord" }];

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
    return data(failure({}, formDataToObject(formData, schema), `You can submit requests only for ${user.organizationName}.`), {
      status: 403,
    });
  }
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const created = await submitDemandRequest(getDb(), user, parsed.data);
  return redirect(`/demand/${created.id}?submitted=1`);
}

export default function NewDemandRequest() {
  const { organizationName, offeredYears } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = usePending();
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
          <Link to="/demand">Our demand requests</Link>
        </p>
        <h1>New demand request</h1>
        <p className="muted">
          For <strong>{organizationName}</strong>. The Government of India weighs each request against IREL's output and the
          exports still committed to Japan, and decides with reasons.
        </p>
      </header>
      <div className="card card--form">
        <FormError message={actionData?.formError} />
        <Form method="post" noValidate onSubmit={onSubmit} className="stack">
          <div className="grid-2 grid-2--bottom">
            <SelectField
              label="Material"
              required
              placeholder="Choose…"
              options={MATERIALS.map((m) => ({ value: m, label: MATERIAL_LABELS[m] }))}
              error={errorFor("material")}
              registration={register("material")}
            />
            <TextField
              label="Quantity (tonnes)"
              required
              inputMode="decimal"
              autoComplete="off"
              hint="Up to three decimals, e.g. 12.5"
              error={errorFor("quantity")}
              registration={register("quantity")}
            />
          </div>
          <div className="grid-2 grid-2--bottom">
            <SelectField
              label="Fiscal year"
              required
              options={offeredYears.map((y) => {
                const d = fiscalYearDates(y)!;
                return { value: y, label: `${y} (Apr ${d.from.slice(0, 4)} – Mar ${d.to.slice(0, 4)})` };
              })}
              error={errorFor("fiscalYear")}
              registration={register("fiscalYear")}
            />
            <SelectField
              label="Sector"
              required
              placeholder="Choose…"
              options={DEMAND_SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }))}
              error={errorFor("sector")}
              registration={register("sector")}
            />
          </div>
          <TextField
            label="End use"
            required
            hint="What the material will be made into"
            error={errorFor("endUse")}
            registration={register("endUse")}
          />
          <TextAreaField
            label="Justification"
            required
            hint="Why this need should be met from IREL's output: volumes, programmes, what happens without it"
            error={errorFor("justification")}
            registration={register("justification")}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              {...register("forIndianMagnets")}
              defaultChecked={actionData?.values?.forIndianMagnets === "on"}
            />
            <span>The need is for magnets made in India</span>
          </label>
          <div className="form-actions">
            <SubmitButton pending={pending} pendingLabel="Submitting…">
              Submit request
            </SubmitButton>
            <Link to="/demand" className="button button--quiet">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
