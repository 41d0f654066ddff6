import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AnySelect, ArchivedTag, ListTable, Pager } from "~/components/ListKit";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { contactOrganizations, listContacts } from "~/models/contacts.server";
import { contactFilterSchema } from "~/schemas/contacts";
import { getDb } from "~/utils/db.server";
import { hrefWith, pageLinks, parseListQuery } from "~/utils/list.server";
import { titleMeta } from "~/utils/route-head";
import { VISIBILITIES } from "~db/schema";

export const meta = titleMeta("people:contacts.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "contacts:read");
  const url = new URL(request.url);
  const query = parseListQuery(url, contactFilterSchema);
  const db = getDb();
  const [{ rows, next }, organizations] = await Promise.all([
    listContacts(db, user, query.filter, query.cursor),
    contactOrganizations(db),
  ]);
  return {
    filter: query.filter,
    organizations: organizations.map((o) => ({ value: o.id, label: o.short_name })),
    rows: rows.map((k) => ({
      id: k.id,
      name: k.name,
      title: k.title,
      organization: k.organization_short_name,
      organizationName: k.organization_name,
      email: k.email,
      phone: k.phone,
      languages: k.languages,
      visibility: k.visibility,
      archived: k.archived_at !== null,
    })),
    ...pageLinks("/contacts", query, next),
    csvHref: hrefWith("/contacts/export.csv", query.raw),
    canCreate: can(user, "contacts:manage"),
  };
}

export default function ContactsPage() {
  const { filter, organizations, rows, nextHref, firstHref, csvHref, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{t("contacts.title")}</h1>
          <p className="muted">{t("contacts.intro")}</p>
        </div>
        <div className="form-actions">
          <a href={csvHref} className="button" download>
            {t("contacts.exportCsv")}
          </a>
          {canCreate ? (
            <Link to="/contacts/new" className="button button--primary">
              {t("contacts.new")}
            </Link>
          ) : null}
        </div>
      </header>
      <Form method="get" className="filters" aria-label={t("contacts.filterLabel")}>
        <label className="filter filter--wide">
          <span>{t("contacts.words")}</span>
          <input type="search" name="q" defaultValue={filter.q ?? ""} className="input" placeholder={t("contacts.wordsHint")} />
        </label>
        <AnySelect
          name="org"
          label={t("contacts.fields.organization")}
          value={filter.org}
          anyLabel={t("contacts.any")}
          options={organizations}
        />
        <AnySelect
          name="visibility"
          label={t("contacts.fields.visibility")}
          value={filter.visibility}
          anyLabel={t("contacts.any")}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
        />
        <label className="filter">
          <span>{t("contacts.archived")}</span>
          <select name="archived" defaultValue={filter.archived ?? "exclude"} className="input">
            <option value="exclude">{t("contacts.archivedExclude")}</option>
            <option value="include">{t("contacts.archivedInclude")}</option>
            <option value="only">{t("contacts.archivedOnly")}</option>
          </select>
        </label>
        <button type="submit" className="button">
          {t("contacts.filter")}
        </button>
      </Form>
      <ListTable
        columns={[
          t("contacts.fields.name"),
          t("contacts.fields.organization"),
          t("contacts.fields.email"),
          t("contacts.fields.phone"),
          t("contacts.fields.languages"),
          t("contacts.fields.visibility"),
        ]}
        empty={rows.length === 0 ? t("contacts.empty") : null}
      >
        {rows.map((k) => (
          <tr key={k.id}>
            <td>
              <Link to={`/contacts/${k.id}`}>{k.name}</Link>
              <ArchivedTag archived={k.archived} />
              {k.title ? <p className="small muted">{k.title}</p> : null}
            </td>
            <td>
              <abbr title={k.organizationName}>{k.organization}</abbr>
            </td>
            <td>{k.email ? <a href={`mailto:${k.email}`}>{k.email}</a> : "—"}</td>
            <td className="nowrap">{k.phone ?? "—"}</td>
            <td>{k.languages || "—"}</td>
            <td>
              <span className={`badge badge--${k.visibility}`}>{t(`labels:visibility.${k.visibility}`)}</span>
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} nextLabel={t("contacts.more")} />
    </div>
  );
}
