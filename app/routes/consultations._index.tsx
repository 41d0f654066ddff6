import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { AnySelect, ArchivedTag, choicesOf, ListTable, Pager } from "~/components/ListKit";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listConsultations } from "~/models/consultations.server";
import { minutesAwaitingMyOrganization } from "~/models/minutes.server";
import { listOrganizations } from "~/models/organizations.server";
import { listTags } from "~/models/tags.server";
import { consultationFilterSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { KIND_LABELS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { isTimestamp } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { meetingTimes } from "~/utils/format";
import { hrefWith, pageLinks, parseListQuery } from "~/utils/list.server";
import { CONSULTATION_KINDS, VISIBILITIES } from "~db/schema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Consultations · Accord" }];

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
  const { t } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>Consultations</h1>
          <p className="muted">Meetings, calls and written exchanges of the negotiation, newest first. Times in IST and JST.</p>
        </div>
        <div className="form-actions">
          <a href={csvHref} className="button" download>
            Export CSV
          </a>
          {canCreate ? (
            <Link to="/consultations/new" className="button button--primary">
              Log a consultation
            </Link>
          ) : null}
        </div>
      </header>
      {minutesAwaiting.length > 0 ? (
        <section className="notice" aria-labelledby="minutes-awaiting-title">
          <h2 id="minutes-awaiting-title" className="small">
            Minutes awaiting your organization&apos;s confirmation
          </h2>
          <ul>
            {minutesAwaiting.map((m) => (
              <li key={m.consultationId}>
                <Link to={`/consultations/${m.consultationId}/minutes`}>{m.title}</Link>{" "}
                <span className="muted small">(version {m.number})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter consultations">
        <label className="filter filter--wide">
          <span>Words</span>
          <input
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            className="input"
            placeholder="Title, agenda, notes, outcome, actions"
          />
        </label>
        <AnySelect
          name="org"
          label="Organization"
          value={filter.org}
          options={organizations.map((o) => ({ value: o.id, label: o.shortName }))}
        />
        <AnySelect name="tag" label={t("tags.filter")} value={filter.tag} anyLabel={t("tags.anyTag")} options={tags} />
        <AnySelect name="kind" label="Kind" value={filter.kind} options={choicesOf(CONSULTATION_KINDS, KIND_LABELS)} />
        <AnySelect
          name="visibility"
          label="Visibility"
          value={filter.visibility}
          options={choicesOf(VISIBILITIES, VISIBILITY_LABELS)}
        />
        <label className="filter">
          <span>From</span>
          <input type="date" name="from" defaultValue={filter.from ?? ""} className="input" />
        </label>
        <label className="filter">
          <span>To</span>
          <input type="date" name="to" defaultValue={filter.to ?? ""} className="input" />
        </label>
        <label className="filter">
          <span>Archived</span>
          <select name="archived" defaultValue={filter.archived ?? "exclude"} className="input">
            <option value="exclude">Leave out</option>
            <option value="include">Include</option>
            <option value="only">Only archived</option>
          </select>
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </Form>
      <ListTable
        columns={["When (IST / JST)", "Consultation", "Kind", "Participants", "Visibility"]}
        empty={rows.length === 0 ? "No consultations match these filters." : null}
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
            <td>{KIND_LABELS[r.kind]}</td>
            <td>{r.participants.join(", ")}</td>
            <td>
              <span className={`badge badge--${r.visibility}`}>{VISIBILITY_LABELS[r.visibility]}</span>
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel="Newest" nextLabel="Older consultations" />
    </div>
  );
}
