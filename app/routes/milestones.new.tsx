import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { MilestoneForm } from "~/components/MilestoneForm";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { createMilestone, milestoneFormOptions } from "~/models/milestones.server";
import { milestoneSchema } from "~/schemas/milestones";
import styles from "~/styles/milestones.css";
import { getDb } from "~/utils/db.server";
import { invalidForm, readValidForm } from "~/utils/form-action.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";

export const links = stylesheetLinks(styles);

export const meta = titleMeta("milestones:new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "milestones:manage");
  return { options: await milestoneFormOptions(getDb(), user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readValidForm(request, "milestones:manage", milestoneSchema);
  if (!form.ok) return form.response;
  const { user, data: input } = form;
  if (!(await milestoneFormOptions(getDb(), user)).visibilities.includes(input.visibility)) {
    return invalidForm({ visibility: "Choose a visibility you can see yourself." }, input);
  }
  const result = await createMilestone(getDb(), user, input);
  if (!result.ok)
    return invalidForm(result.reason === "refused" ? result.fieldErrors : {}, input, "Check the fields marked below.");
  return redirect(`/milestones/${result.record.id}`);
}

export default function NewMilestonePage() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("milestones");
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/milestones">{t("list.title")}</Link>
        </p>
        <h1>{t("new.title")}</h1>
      </header>
      <section className="card card--form">
        <MilestoneForm
          options={options}
          submitLabel={t("new.submit")}
          defaultValues={{ status: "planned", visibility: "internal", ...(actionData?.values ?? {}) }}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
        />
      </section>
    </div>
  );
}
