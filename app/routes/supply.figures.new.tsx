import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { SupplyFigureForm } from "~/components/SupplyFigureForm";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { fiscalYearLabel, fiscalYearOf, parseFiscalYear } from "~/models/fiscal-year";
import { createSupplyFigure } from "~/models/supply.server";
import { supplyFigureSchema } from "~/schemas/demand";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { checkForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { failure } from "~/utils/forms";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("supply:figure.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "supply:edit");
  const current = parseFiscalYear(fiscalYearOf(today()))!;
  return { fiscalYears: Array.from({ length: 12 }, (_, i) => fiscalYearLabel(current - 4 + i)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "supply:edit");
  const parsed = checkForm(supplyFigureSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const result = await createSupplyFigure(getDb(), user.id, parsed.data);
  if (!result.ok) {
    return data(failure({ fiscalYear: "A figure for this material and year already exists; edit it instead." }, parsed.data), {
      status: 409,
    });
  }
  return redirect(`/supply?material=${result.record.material}`);
}

export default function NewSupplyFigure() {
  const { fiscalYears } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("supply");
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/supply">{t("balance.title")}</Link>
        </p>
        <h1>{t("figure.newTitle")}</h1>
        <p className="muted">{t("figure.newIntro")}</p>
      </header>
      <div className="card card--form">
        <SupplyFigureForm
          fiscalYears={fiscalYears}
          submitLabel={t("figure.add")}
          defaultValues={{ productionBasis: "forecast", exports: "0", reserve: "0", ...(actionData?.values ?? {}) }}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
        />
      </div>
    </div>
  );
}
