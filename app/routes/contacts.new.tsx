import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ContactForm } from "~/components/ContactForm";
import { assertCan, assignableVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { checkContactInput, contactOrganizations, createContact } from "~/models/contacts.server";
import { contactSchema } from "~/schemas/contacts";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("people:contacts.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "contacts:manage");
  const url = new URL(request.url);
  const organizations = await contactOrganizations(getDb());
  const org = url.searchParams.get("org");
  return {
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    visibilities: assignableVisibilities(user),
    defaults: { visibility: "internal", organizationId: organizations.some((o) => o.id === org) ? org : "" },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "contacts:manage");
  const db = getDb();
  const parsed = checkForm(contactSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const errors = await checkContactInput(db, user, parsed.data);
  if (Object.keys(errors).length) return invalidForm(errors, parsed.data);
  const created = await createContact(db, user, parsed.data);
  if (!created.ok) notFound();
  return redirect(`/contacts/${created.record.id}`);
}

export default function NewContactPage() {
  const { organizations, visibilities, defaults } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/contacts">{t("contacts.title")}</Link>
        </p>
        <h1>{t("contacts.new")}</h1>
        <p className="muted">{t("contacts.newIntro")}</p>
      </header>
      <section className="card">
        <ContactForm
          organizations={organizations}
          visibilities={visibilities}
          defaultValues={{ ...defaults, ...(failed?.values ?? {}) }}
          serverErrors={failed?.fieldErrors}
          formError={failed?.formError}
          submitLabel={t("contacts.create")}
          cancelTo="/contacts"
        />
      </section>
    </div>
  );
}
