import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ConsultationForm } from "~/components/ConsultationForm";
import { assertCan, assignableVisibilities, consultationDefaults } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { checkConsultationInput, createConsultation } from "~/models/consultations.server";
import { listOrganizations } from "~/models/organizations.server";
import { consultationSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { getDb } from "~/utils/db.server";
import { invalidForm, readValidForm } from "~/utils/form-action.server";
import { newId } from "~/utils/ids.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";

export const links = stylesheetLinks(styles);

export const meta = titleMeta("consultations:new.title");

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
  const form = await readValidForm(request, "consultation:create", consultationSchema);
  if (!form.ok) return form.response;
  const { user, data: posted } = form;
  const db = getDb();
  const errors = await checkConsultationInput(db, user, posted);
  if (Object.keys(errors).length > 0) return invalidForm(errors, posted);
  const { submissionKey, ...input } = posted;
  const result = await createConsultation(db, user, input, submissionKey ?? null);
  if (!result.ok) {
    return invalidForm({}, posted, "This form was already submitted: the consultation is saved once.", 409, {
      existingId: result.id,
    });
  }
  return redirect(`/consultations/${result.record.id}`);
}

export default function NewConsultationPage() {
  const { organizations, visibilities, submissionKey, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const existingId = actionData && "existingId" in actionData ? actionData.existingId : null;
  const { t } = useTranslation("consultations");
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/consultations">{t("list.title")}</Link>
        </p>
        <h1>{t("new.title")}</h1>
      </header>
      {existingId ? (
        <div className="notice notice--warn" role="status">
          <Link to={`/consultations/${existingId}`}>{t("new.openSaved")}</Link>
        </div>
      ) : null}
      <div className="card card--form card--wide">
        <ConsultationForm
          submitLabel={t("new.save")}
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
