import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { IssueForm } from "~/components/IssueForm";
import { assertCan, assignableVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { createIssue, partyCandidates, unknownParties } from "~/models/issues.server";
import { issueSchema } from "~/schemas/issues";
import styles from "~/styles/positions.css";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm } from "~/utils/forms";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "New issue · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:manage");
  return { organizations: await partyCandidates(getDb()), visibilities: assignableVisibilities(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "issues:manage");
  const parsed = parseForm(issueSchema, await readFormData(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const db = getDb();
  if (!assignableVisibilities(user).includes(parsed.data.visibility)) {
    return data(failure({ visibility: "Choose a visibility you may give." }, parsed.data), { status: 400 });
  }
  if ((await unknownParties(db, parsed.data.parties)).length) {
    return data(failure({ parties: "Choose parties from the list." }, parsed.data), { status: 400 });
  }
  const issue = await createIssue(db, user.id, parsed.data);
  return redirect(`/issues/${issue.id}`);
}

export default function NewIssuePage() {
  const { organizations, visibilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/issues">Issue register</Link>
        </p>
        <h1>New issue</h1>
      </header>
      <section className="card card--form">
        <IssueForm
          submitLabel="Create issue"
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
