import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { IssueForm } from "~/components/IssueForm";
import { assertCan, assignableVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { createIssue, partyCandidates, unknownParties } from "~/models/issues.server";
import { issueSchema } from "~/schemas/issues";
import styles from "~/styles/positions.css";
import { getDb } from "~/utils/db.server";
import { invalidForm, readValidForm } from "~/utils/form-action.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("issues:list.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:manage");
  return { organizations: await partyCandidates(getDb()), visibilities: assignableVisibilities(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readValidForm(request, "issues:manage", issueSchema);
  if (!form.ok) return form.response;
  const { user, data: input } = form;
  const db = getDb();
  if (!assignableVisibilities(user).includes(input.visibility)) {
    return invalidForm({ visibility: "Choose a visibility you may give." }, input);
  }
  if ((await unknownParties(db, input.parties)).length) return invalidForm({ parties: "Choose parties from the list." }, input);
  const issue = await createIssue(db, user.id, input);
  return redirect(`/issues/${issue.id}`);
}

export default function NewIssuePage() {
  const { organizations, visibilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("issues");
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/issues">{t("detail.register")}</Link>
        </p>
        <h1>{t("list.new")}</h1>
      </header>
      <section className="card card--form">
        <IssueForm
          submitLabel={t("form.create")}
          cancelTo="/issues"
          organizations={organizations}
          visibilities={visibilities}
          defaultValues={{
            status: "open",
            priority: "medium",
            visibility: "internal",
            parties: [],
            ...(actionData?.values ?? {}),
          }}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
        />
      </section>
    </div>
  );
}
