import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AnySelect, ArchivedTag, ListTable, Pager } from "~/components/ListKit";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listConsultations } from "~/models/consultations.server";
import { minutesAwaitingMyOrganization } from "~/models/minutes.server";
import { listOrganizations } from "~/models/organizations.server";
import { listTags } from "~/models/tags.server";
import { consultationFilterSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { isTimestamp } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { meetingTimes } from "~/utils/format";
import { hrefWith, pageLinks, parseListQuery } from "~/utils/list.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { CONSULTATION_KINDS, VISIBILITIES } from "~db/schema";

export const links = stylesheetLinks(styles);

export const meta = titleMeta("consultations:list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const url = new URL(request.url);
  const query = parseListQuery(url, consultationFilterSchema, { validKey: isTimestamp });
  const { filter } = query;
  const db = getDb();
  const [{ rows, next }, organizations, minutesAwaiting, tags] = await Promise.all([
    listConsultations(db, user, filter, query.cursor),
    listOrganizations(db, { includeArchived: true }),
    minutesAwaitingMyOrganization(db, user, 10),
    listTags(db, user),
  ]);
  return {
    filter,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name })),
    tags: tags.map((t) => ({ value: t.id, label: t.name })),
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      times: meetingTimes(r.starts_at, r.time_zone),
      kind: r.kind,
      visibility: r.visibility,
      archived: r.archived_at !== null,
      participants: r.participants.map((p) => p.shortName),
    })),
    ...pageLinks("/consultations", query, next),
    csvHref: hrefWith("/consultations/export.csv", query.raw),
    canCreate: can(user, "consultation:create"),
    minutesAwaiting,
  };
}

export default function ConsultationsPage() {
  const { filter, organizations, tags, rows, nextHref, firstHref, csvHref, canCreate, minutesAwaiting } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("consultations");
  const { t: tp } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{t("list.title")}</h1>
          <p className="muted">{t("list.intro")}</p>
        </div>
        <div className="form-actions">
          <a href={csvHref} className="button" download>
            {t("list.exportCsv")}
          </a>
          {canCreate ? (
            <Link to="/consultations/new" className="button button--primary">
              {t("new.title")}
            </Link>
          ) : null}
        </div>
      </header>
      {minutesAwaiting.length > 0 ? (
        <section className="notice" aria-labelledby="minutes-awaiting-title">
          <h2 id="minutes-awaiting-title" className="small">
            {t("list.minutesAwaiting")}
          </h2>
          <ul>
            {minutesAwaiting.map((m) => (
              <li key={m.consultationId}>
                <Link to={`/consultations/${m.consultationId}/minutes`}>{m.title}</Link>{" "}
                <span className="muted small">{t("list.minutesVersion", { number: m.number })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="filters" aria-label={t("list.filterLabel")}>
        <label className="filter filter--wide">
          <span>{t("list.words")}</span>
          <input
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            className="input"
            placeholder={t("list.wordsPlaceholder")}
          />
        </label>
        <AnySelect
          name="org"
          label={t("list.organization")}
          anyLabel={t("list.any")}
          value={filter.org}
          options={organizations.map((o) => ({ value: o.id, label: o.shortName }))}
        />
        <AnySelect name="tag" label={tp("tags.filter")} value={filter.tag} anyLabel={tp("tags.anyTag")} options={tags} />
        <AnySelect
          name="kind"
          label={t("form.kind")}
          anyLabel={t("list.any")}
          value={filter.kind}
          options={CONSULTATION_KINDS.map((k) => ({ value: k, label: t(`labels:kind.${k}`) }))}
        />
        <AnySelect
          name="visibility"
          label={t("form.visibility")}
          anyLabel={t("list.any")}
          value={filter.visibility}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
        />
        <label className="filter">
          <span>{t("list.from")}</span>
          <input type="date" name="from" defaultValue={filter.from ?? ""} className="input" />
        </label>
        <label className="filter">
          <span>{t("list.to")}</span>
          <input type="date" name="to" defaultValue={filter.to ?? ""} className="input" />
        </label>
        <label className="filter">
          <span>{t("list.archived")}</span>
          <select name="archived" defaultValue={filter.archived ?? "exclude"} className="input">
            <option value="exclude">{t("list.archivedExclude")}</option>
            <option value="include">{t("list.archivedInclude")}</option>
            <option value="only">{t("list.archivedOnly")}</option>
          </select>
        </label>
        <button type="submit" className="button">
          {t("list.filter")}
        </button>
      </Form>
      <ListTable
        columns={[t("list.when"), t("list.consultation"), t("form.kind"), t("list.participants"), t("form.visibility")]}
        empty={rows.length === 0 ? t("list.empty") : null}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="nowrap">
              {r.times.ist}
              <br />
              <span className="muted small">{r.times.jst}</span>
            </td>
            <td>
              <Link to={`/consultations/${r.id}`}>{r.title}</Link>
              <ArchivedTag archived={r.archived} />
            </td>
            <td>{t(`labels:kind.${r.kind}`)}</td>
            <td>{r.participants.join(", ")}</td>
            <td>
              <span className={`badge badge--${r.visibility}`}>{t(`labels:visibility.${r.visibility}`)}</span>
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel={t("list.newest")} nextLabel={t("list.older")} />
    </div>
  );
}
