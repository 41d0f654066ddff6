import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ConsultationForm } from "~/components/ConsultationForm";
import { assertCan, assignableVisibilities, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { checkConsultationInput, getConsultation, updateConsultation } from "~/models/consultations.server";
import { listOrganizations } from "~/models/organizations.server";
import { consultationEditSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { stylesheetLinks } from "~/utils/route-head";
import { utcToZonedLocal } from "~/utils/time";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links = stylesheetLinks(styles);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "consultations:edit.titleOf", { title: data.current.title })
      : pageTitle(matches, "consultations:edit.title"),
  },
];

/** The consultation if the user may see and edit it; otherwise, for that user, it does not exist. */
async function editable(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const db = getDb();
  const detail = await getConsultation(db, user, id ?? "");
  if (!detail || !can(user, "consultation:edit", { participantOrganizationIds: detail.participants.map((p) => p.id) }))
    notFound();
  return { user, db, detail };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, detail } = await editable(request, params.id);
  const { consultation: c, participants, actions } = detail;
  const organizations = await listOrganizations(db);
  return {
    id: c.id,
    version: c.version,
    current: { title: c.title, notes: c.notes, outcome: c.outcome, updatedAt: c.updated_at },
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name })),
    visibilities: assignableVisibilities(user),
    defaults: {
      title: c.title,
      startsLocal: utcToZonedLocal(c.starts_at, c.time_zone),
      timeZone: c.time_zone,
      mode: c.mode,
      kind: c.kind,
      location: c.location ?? "",
      participants: participants.map((p) => p.id),
      agenda: c.agenda,
      notes: c.notes,
      outcome: c.outcome,
      visibility: c.visibility,
      actions: actions.map((a) => ({
        id: a.id,
        description: a.description,
        ownerOrganizationId: a.owner_organization_id,
        dueDate: a.due_date ?? "",
        status: a.status,
      })),
    },
  };
}

const CONFLICT =
  "Someone else saved this consultation while you were editing, so your changes were not saved. Your text is kept in the form below; compare it with what is saved now, then save again to apply it.";

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, detail } = await editable(request, params.id);
  const form = checkForm(consultationEditSchema, await readFormData(request));
  if (!form.ok) return form.response;
  const errors = await checkConsultationInput(db, user, form.data);
  if (Object.keys(errors).length > 0) return invalidForm(errors, form.data);
  const { version, ...input } = form.data;
  const result = await updateConsultation(db, user, detail.consultation.id, version, input);
  if (!result.ok && result.reason === "conflict") return invalidForm({}, form.data, CONFLICT, 409, { conflict: true as const });
  if (!result.ok) notFound();
  return redirect(`/consultations/${detail.consultation.id}`);
}

export default function EditConsultationPage() {
  const fmt = useFormat();
  const { id, version, current, organizations, visibilities, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData && "conflict" in actionData;
  const { t } = useTranslation("consultations");
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/consultations">{t("list.title")}</Link> / <Link to={`/consultations/${id}`}>{current.title}</Link>
        </p>
        <h1>{t("edit.title")}</h1>
      </header>
      <div className="card card--form card--wide">
        <ConsultationForm
          key={version}
          submitLabel={t("edit.save")}
          cancelTo={`/consultations/${id}`}
          version={version}
          organizations={organizations}
          visibilities={visibilities}
          defaultValues={{ ...defaults, ...(actionData?.values ?? {}) }}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
          afterError={
            conflict ? (
              <details className="conflict" open>
                <summary>{t("edit.savedNow", { date: fmt.dateTime(current.updatedAt) })}</summary>
                <dl className="conflict__saved">
                  <dt>{t("form.title")}</dt>
                  <dd>{current.title}</dd>
                  <dt>{t("form.outcome")}</dt>
                  <dd className="pre">{current.outcome || "—"}</dd>
                  <dt>{t("form.notes")}</dt>
                  <dd className="pre">{current.notes || "—"}</dd>
                </dl>
              </details>
            ) : null
          }
        />
      </div>
    </div>
  );
}
