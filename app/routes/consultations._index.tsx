import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { Pager } from "~/components/Pager";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { decodeCursor, encodeCursor, listConsultations } from "~/models/consultations.server";
import { minutesAwaitingMyOrganization } from "~/models/minutes.server";
import { listOrganizations } from "~/models/organizations.server";
import { consultationFilterSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { getDb } from "~/utils/db.server";
import { issuesToFieldErrors } from "~/utils/forms";
import { KIND_LABELS, VISIBILITY_LABELS } from "~/utils/labels";
import { CONSULTATION_KINDS, VISIBILITIES } from "~db/schema";
import { meetingTimes } from "~/utils/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Consultations · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([k, v]) => k !== "cursor" && v !== ""));
  const parsed = consultationFilterSchema.safeParse(raw);
  if (!parsed.success) {
    throw data({ message: `Invalid filter: ${Object.values(issuesToFieldErrors(parsed.error.issues)).join(" ")}` }, { status: 400 });
  }
  const filter = parsed.data;
  const db = getDb();
  const [{ rows, next }, organizations, minutesAwaiting] = await Promise.all([
    listConsultations(db, user, filter, decodeCursor(url.searchParams.get("cursor"))),
    listOrganizations(db, { includeArchived: true }),
    minutesAwaitingMyOrganization(db, user, 10),
  ]);
  const query = new URLSearchParams(raw);
  const nextParams = new URLSearchParams(raw);
  if (next) nextParams.set("cursor", encodeCursor(next));
  return {
    filter,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name })),
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      times: meetingTimes(r.starts_at, r.time_zone),
      kind: r.kind,
      visibility: r.visibility,
      archived: r.archived_at !== null,
      participants: r.participants.map((p) => p.shortName),
    })),
    nextHref: next ? `/consultations?${nextParams}` : null,
    firstHref: url.searchParams.has("cursor") ? `/consultations?${query}` : null,
    csvHref: `/consultations/export.csv${query.size > 0 ? `?${query}` : ""}`,
    canCreate: can(user, "consultation:create"),
    minutesAwaiting,
  };
}

export default function ConsultationsPage() {
  const { filter, organizations, rows, nextHref, firstHref, csvHref, canCreate, minutesAwaiting } = useLoaderData<typeof loader>();
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
                <Link to={`/consultations/${m.consultationId}/minutes`}>{m.title}</Link> <span className="muted small">(version {m.number})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter consultations">
        <label className="filter filter--wide">
          <span>Words</span>
          <input type="search" name="q" defaultValue={filter.q ?? ""} className="input" placeholder="Title, agenda, notes, outcome, actions" />
        </label>
        <label className="filter">
          <span>Organization</span>
          <select name="org" defaultValue={filter.org ?? ""} className="input">
            <option value="">Any</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Kind</span>
          <select name="kind" defaultValue={filter.kind ?? ""} className="input">
            <option value="">Any</option>
            {CONSULTATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Visibility</span>
          <select name="visibility" defaultValue={filter.visibility ?? ""} className="input">
            <option value="">Any</option>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {VISIBILITY_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
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
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When (IST / JST)</th>
              <th scope="col">Consultation</th>
              <th scope="col">Kind</th>
              <th scope="col">Participants</th>
              <th scope="col">Visibility</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="empty">
                  No consultations match these filters.
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  {r.times.ist}
                  <br />
                  <span className="muted small">{r.times.jst}</span>
                </td>
                <td>
                  <Link to={`/consultations/${r.id}`}>{r.title}</Link>
                  {r.archived ? (
                    <>
                      {" "}
                      <span className="badge badge--muted">Archived</span>
                    </>
                  ) : null}
                </td>
                <td>{KIND_LABELS[r.kind]}</td>
                <td>{r.participants.join(", ")}</td>
                <td>
                  <span className={`badge badge--${r.visibility}`}>{VISIBILITY_LABELS[r.visibility]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel="Newest" nextLabel="Older consultations" />
    </div>
  );
}
