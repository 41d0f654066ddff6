import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ArchiveButton } from "~/components/ArchiveCard";
import { ContactForm } from "~/components/ContactForm";
import { FormError, Notice } from "~/components/forms";
import { assertCan, assignableVisibilities, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import {
  checkContactInput,
  consultationsAttendedBy,
  contactOrganizations,
  getContact,
  setContactArchived,
  updateContact,
} from "~/models/contacts.server";
import { contactEditSchema } from "~/schemas/contacts";
import { getDb } from "~/utils/db.server";
import { archiveOrRestore, checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { formatDateTime, meetingTimes } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "app.plain", { text: data.contact.name }) : pageTitle(matches, "people:contacts.title") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "contacts:read");
  const db = getDb();
  const contact = await getContact(db, user, params.contactId ?? "");
  if (!contact) notFound();
  const canEdit = can(user, "contacts:manage");
  const [attended, organizations] = await Promise.all([
    consultationsAttendedBy(db, user, contact.id),
    canEdit ? contactOrganizations(db, contact.organization_id) : Promise.resolve([]),
  ]);
  return {
    contact: {
      id: contact.id,
      name: contact.name,
      title: contact.title,
      organizationId: contact.organization_id,
      organization: contact.organization_name,
      email: contact.email,
      phone: contact.phone,
      languages: contact.languages,
      notes: contact.notes,
      visibility: contact.visibility,
      archivedAt: contact.archived_at,
      version: contact.version,
    },
    attended: attended.map((c) => ({
      id: c.id,
      title: c.title,
      times: meetingTimes(c.starts_at, c.time_zone),
      visibility: c.visibility,
      leads: c.leads === 1,
      archived: c.archived_at !== null,
    })),
    canEdit,
    // The organization's page is the Indian side's (relationship owners).
    organizationHref: can(user, "organizations:read") ? `/organizations/${contact.organization_id}` : null,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    visibilities: assignableVisibilities(user),
  };
}

const CONFLICT =
  "Someone else changed this contact while you were editing. Your input is kept: compare it with the contact as it is now, then save again to apply it.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "contacts:read");
  const db = getDb();
  const contact = await getContact(db, user, params.contactId ?? "");
  if (!contact) notFound();
  assertCan(user, "contacts:manage");
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "archive" || intent === "restore") {
    return archiveOrRestore(formData, (version, archive) => setContactArchived(db, user, contact.id, version, archive), {
      conflict: CONFLICT,
      archived: "Contact archived. It stays readable here.",
      restored: "Contact restored.",
    });
  }

  const parsed = checkForm(contactEditSchema, formData);
  if (!parsed.ok) return parsed.response;
  const errors = await checkContactInput(db, user, parsed.data, contact.organization_id);
  if (Object.keys(errors).length) return invalidForm(errors, parsed.data);
  const result = await updateContact(db, user, contact.id, parsed.data.version, parsed.data);
  if (!result.ok && result.reason !== "conflict") notFound();
  if (!result.ok) return invalidForm({}, parsed.data, CONFLICT, 409);
  return data({ ok: true as const, message: "Saved." });
}

export default function ContactPage() {
  const { contact: k, attended, canEdit, organizationHref, organizations, visibilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const { t } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/contacts">{t("contacts.title")}</Link>
          </p>
          <h1>{k.name}</h1>
          <p>
            {k.title ? <span>{k.title} · </span> : null}
            {organizationHref ? <Link to={organizationHref}>{k.organization}</Link> : <span>{k.organization}</span>}{" "}
            <span className={`badge badge--${k.visibility}`}>{t(`labels:visibility.${k.visibility}`)}</span>{" "}
            {k.archivedAt ? (
              <span className="badge badge--warn">{t("contacts.archivedOn", { date: formatDateTime(k.archivedAt) })}</span>
            ) : null}
          </p>
        </div>
        {canEdit ? (
          <div className="form-actions no-print">
            <ArchiveButton archived={Boolean(k.archivedAt)} version={k.version} />
          </div>
        ) : null}
      </header>

      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      {!canEdit && failed?.formError ? <FormError message={failed.formError} /> : null}

      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t("contacts.details")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("contacts.fields.email")}</dt>
            <dd>{k.email ? <a href={`mailto:${k.email}`}>{k.email}</a> : "—"}</dd>
          </div>
          <div>
            <dt>{t("contacts.fields.phone")}</dt>
            <dd>{k.phone ? <a href={`tel:${k.phone.replace(/[^\d+]/g, "")}`}>{k.phone}</a> : "—"}</dd>
          </div>
          <div>
            <dt>{t("contacts.fields.languages")}</dt>
            <dd>{k.languages || "—"}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t("contacts.fields.notes")}</dt>
            <dd className="pre-wrap">{k.notes || "—"}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="attended-title">
        <h2 id="attended-title">{t("contacts.attended")}</h2>
        {attended.length === 0 ? (
          <p className="muted">{t("contacts.attendedNone")}</p>
        ) : (
          <ul className="attendee-list">
            {attended.map((c) => (
              <li key={c.id}>
                <Link to={`/consultations/${c.id}`}>{c.title}</Link> <span className="muted small">{c.times.ist}</span>
                {c.leads ? (
                  <>
                    {" "}
                    <span className="badge">{t("attendees.lead")}</span>
                  </>
                ) : null}
                {c.archived ? (
                  <>
                    {" "}
                    <span className="badge badge--muted">{t("contacts.archivedShort")}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canEdit ? (
        <section className="card no-print" aria-labelledby="edit-title">
          <h2 id="edit-title">{t("contacts.edit")}</h2>
          <ContactForm
            key={k.version}
            version={k.version}
            organizations={organizations}
            visibilities={visibilities}
            defaultValues={{
              name: k.name,
              title: k.title ?? "",
              organizationId: k.organizationId,
              email: k.email ?? "",
              phone: k.phone ?? "",
              languages: k.languages,
              notes: k.notes,
              visibility: k.visibility,
              ...(failed?.values ?? {}),
            }}
            serverErrors={failed?.fieldErrors}
            formError={failed?.formError}
            submitLabel={t("contacts.save")}
            cancelTo={`/contacts/${k.id}`}
          />
        </section>
      ) : null}
    </div>
  );
}
