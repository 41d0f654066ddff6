import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FieldErrorText, FormError, Notice } from "~/components/forms";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listContacts } from "~/models/contacts.server";
import { getOrganization, ownerCandidates, ownersOf, setOrganizationOwners } from "~/models/organizations.server";
import { ownersSchema } from "~/schemas/contacts";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "app.plain", { text: data.organization.name }) : pageTitle(matches) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "organizations:read");
  const db = getDb();
  const org = await getOrganization(db, params.orgId ?? "");
  if (!org) notFound();
  const canEditOwners = can(user, "organizations:owners");
  const owners = await ownersOf(db, org.id);
  const [contacts, candidates] = await Promise.all([
    listContacts(db, user, { org: org.id }, null, 200),
    canEditOwners
      ? ownerCandidates(
          db,
          owners.map((o) => o.id),
        )
      : Promise.resolve([]),
  ]);
  return {
    organization: {
      id: org.id,
      name: org.name,
      shortName: org.short_name,
      kind: org.kind,
      country: org.country,
      sector: org.sector,
      version: org.version,
      archived: org.archived_at !== null,
    },
    owners: owners.map((o) => ({ id: o.id, name: o.display_name, organization: o.organization_short_name })),
    contacts: contacts.rows.map((k) => ({ id: k.id, name: k.name, title: k.title, visibility: k.visibility })),
    canEditOwners,
    canAddContact: can(user, "contacts:manage"),
    candidates: candidates.map((c) => ({ id: c.id, name: c.display_name, organization: c.organization_short_name })),
  };
}

const CONFLICT =
  "Someone else changed this organization while you were editing. Your choice is kept: compare it with the owners shown, then save again to apply it.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "organizations:read");
  const db = getDb();
  const org = await getOrganization(db, params.orgId ?? "");
  if (!org) notFound();
  assertCan(user, "organizations:owners");
  const parsed = checkForm(ownersSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const result = await setOrganizationOwners(db, user, org.id, parsed.data.version, parsed.data.ownerIds);
  if (!result.ok && result.reason === "refused" && result.code === "unknown_owner")
    return invalidForm({ ownerIds: "Choose owners from the list of the Indian side's users." }, parsed.data);
  if (!result.ok && result.reason !== "conflict") notFound();
  if (!result.ok) return invalidForm({}, parsed.data, CONFLICT, 409);
  return data({ ok: true as const, message: "Relationship owners saved." });
}

export default function OrganizationPage() {
  const { organization: o, owners, contacts, canEditOwners, canAddContact, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const { t } = useTranslation("people");
  const chosen = new Set(failed ? [failed.values.ownerIds ?? []].flat().map(String) : owners.map((x) => x.id));
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to={`/contacts?org=${o.id}`}>{t("contacts.title")}</Link>
        </p>
        <h1>{o.name}</h1>
        <p className="muted">
          {o.shortName} · {t(`labels:organizationKind.${o.kind}`)} · {o.country}
          {o.sector ? ` · ${o.sector}` : ""}
        </p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      <FormError message={failed?.formError} />

      <section className="card" aria-labelledby="owners-title">
        <h2 id="owners-title">{t("owners.title")}</h2>
        <p className="muted small">{t("owners.intro")}</p>
        {owners.length === 0 ? (
          <p className="muted">{t("owners.none")}</p>
        ) : (
          <ul className="attendee-list">
            {owners.map((x) => (
              <li key={x.id}>
                {x.name} <span className="muted small">({x.organization})</span>
              </li>
            ))}
          </ul>
        )}
        {canEditOwners ? (
          <Form method="post" className="stack no-print" key={o.version}>
            <input type="hidden" name="version" value={o.version} />
            <fieldset className="fieldset">
              <legend>{t("owners.choose")}</legend>
              {candidates.map((c) => (
                <label key={c.id} className="checkbox">
                  <input type="checkbox" name="ownerIds" value={c.id} defaultChecked={chosen.has(c.id)} /> {c.name}{" "}
                  <span className="muted small">({c.organization})</span>
                </label>
              ))}
            </fieldset>
            <FieldErrorText error={failed?.fieldErrors.ownerIds} />
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                {t("owners.save")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="people-title">
        <div className="card__head">
          <h2 id="people-title">{t("contacts.ofOrganization")}</h2>
          {canAddContact ? (
            <Link to={`/contacts/new?org=${o.id}`} className="button button--small">
              {t("contacts.new")}
            </Link>
          ) : null}
        </div>
        {contacts.length === 0 ? (
          <p className="muted">{t("contacts.empty")}</p>
        ) : (
          <ul className="attendee-list">
            {contacts.map((k) => (
              <li key={k.id}>
                <Link to={`/contacts/${k.id}`}>{k.name}</Link>
                {k.title ? <span className="muted small"> · {k.title}</span> : null}{" "}
                <span className={`badge badge--${k.visibility}`}>{t(`labels:visibility.${k.visibility}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
