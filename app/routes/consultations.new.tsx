import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ConsultationForm } from "~/components/ConsultationForm";
import { assertCan, assignableVisibilities, consultationDefaults } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { checkConsultationInput, createConsultation } from "~/models/consultations.server";
import { listOrganizations } from "~/models/organizations.server";
import { consultationSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm } from "~/utils/forms";
import { newId } from "~/utils/ids.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Log a consultation · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:create");
  const organizations = await listOrganizations(getDb());
  const initial = consultationDefaults(user);
  return {
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name })),
    visibilities: assignableVisibilities(user),
    // A fresh key per rendered form: submitting the same form twice is recognised and refused.
    submissionKey: newId(),
    defaults: {
      timeZone: "Asia/Kolkata",
      visibility: initial.visibility,
      participants: initial.participantOrganizationIds,
      agenda: "",
      notes: "",
      outcome: "",
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:create");
  const parsed = parseForm(consultationSchema, await readFormData(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const db = getDb();
  const errors = await checkConsultationInput(db, user, parsed.data);
  if (Object.keys(errors).length > 0) return data(failure(errors, parsed.data), { status: 400 });
  const { submissionKey, ...input } = parsed.data;
  const result = await createConsultation(db, user, input, submissionKey ?? null);
  if (!result.ok) {
    return data(
      { ...failure({}, parsed.data, "This form was already submitted: the consultation is saved once."), existingId: result.id },
      { status: 409 },
    );
  }
  return redirect(`/consultations/${result.record.id}`);
}

export default function NewConsultationPage() {
  const { organizations, visibilities, submissionKey, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const existingId = actionData && "existingId" in actionData ? actionData.existingId : null;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/consultations">Consultations</Link>
        </p>
        <h1>Log a consultation</h1>
      </header>
      {existingId ? (
        <div className="notice notice--warn" role="status">
          <Link to={`/consultations/${existingId}`}>Open the saved consultation</Link>
        </div>
      ) : null}
      <div className="card card--form card--wide">
        <ConsultationForm
          submitLabel="Save consultation"
          cancelTo="/consultations"
          organizations={organizations}
          visibilities={visibilities}
          submissionKey={submissionKey}
          defaultValues={{ ...defaults, ...(actionData?.values ?? {}) }}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
        />
      </div>
    </div>
  );
}
