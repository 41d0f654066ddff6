import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { DocumentHits } from "~/components/Documents";
import { ArchivedTag } from "~/components/ListKit";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { SEARCH_CANDIDATES, searchConsultationsPage } from "~/models/consultations.server";
import { searchContacts } from "~/models/contacts.server";
import { searchDocuments } from "~/models/documents.server";
import { listOrganizations } from "~/models/organizations.server";
import { searchWords } from "~/models/search";
import { searchTags } from "~/models/tags.server";
import { consultationFilterSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { getDb } from "~/utils/db.server";
import { meetingTimes } from "~/utils/format";
import { pageTitle } from "~/utils/page-title";
import { stylesheetLinks } from "~/utils/route-head";

export const links = stylesheetLinks(styles);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.q ? pageTitle(matches, "search:titleFor", { q: data.q }) : pageTitle(matches, "search:title") },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  // Whatever was typed is only ever read as plain words (see toFtsQuery): no input is an error.
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  // Narrowing by date or organization: a malformed value is dropped, never an error.
  const raw = Object.fromEntries([...url.searchParams].filter(([k, v]) => ["from", "to", "org"].includes(k) && v !== ""));
  const parsed = consultationFilterSchema.pick({ from: true, to: true, org: true }).safeParse(raw);
  const narrowing = parsed.success ? parsed.data : {};
  const db = getDb();
  const [result, organizations, documents, contacts, tags] = await Promise.all([
    q.trim() ? searchConsultationsPage(db, user, q, narrowing) : Promise.resolve({ hits: [], matched: 0, more: false }),
    listOrganizations(db, { includeArchived: true }),
    // The text of attached documents, found with the consultations (decision 015, "Documents").
    q.trim() ? searchDocuments(db, user, q) : Promise.resolve([]),
    // People and tags the reader may see whose names hold the words (narrowing is for consultations).
    q.trim() && can(user, "contacts:read") ? searchContacts(db, user, q) : Promise.resolve([]),
    q.trim() && can(user, "tags:read") ? searchTags(db, user, q) : Promise.resolve([]),
  ]);
  return {
    q,
    narrowing,
    organizations: organizations.map((o) => ({ id: o.id, shortName: o.short_name })),
    words: searchWords(q),
    contacts,
    tags,
    candidates: SEARCH_CANDIDATES,
    matched: result.matched,
    more: result.more,
    hits: result.hits.map((h) => ({ ...h, times: meetingTimes(h.starts_at, h.time_zone) })),
    documents,
  };
}

function summary(
  t: (key: string, options?: Record<string, unknown>) => string,
  words: string[],
  shown: number,
  matched: number,
  more: boolean,
  candidates: number,
): string {
  if (words.length === 0) return t("summary.noWords");
  const query = words.join(" ");
  if (shown === 0) return t("summary.none", { query });
  if (more) return t("summary.capped", { shown, candidates, query });
  if (shown < matched) return t("summary.best", { shown, count: matched, query });
  return t("summary.all", { count: shown, query });
}

export default function SearchPage() {
  const { q, narrowing, organizations, words, hits, matched, more, candidates, documents, contacts, tags } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("search");
  const { t: tp } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("title")}</h1>
        <p className="muted">{t("intro")}</p>
      </header>
      <Form method="get" role="search" className="filters" aria-label={t("formLabel")}>
        <label className="filter filter--wide">
          <span>{t("words")}</span>
          <input type="search" name="q" defaultValue={q} className="input" autoFocus={!q} />
        </label>
        <label className="filter">
          <span>{t("organization")}</span>
          <select name="org" defaultValue={narrowing.org ?? ""} className="input">
            <option value="">{t("any")}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t("from")}</span>
          <input type="date" name="from" defaultValue={narrowing.from ?? ""} className="input" />
        </label>
        <label className="filter">
          <span>{t("to")}</span>
          <input type="date" name="to" defaultValue={narrowing.to ?? ""} className="input" />
        </label>
        <button type="submit" className="button button--primary">
          {t("submit")}
        </button>
      </Form>
      {q.trim() ? (
        <p className="muted" role="status">
          {summary(t, words, hits.length, matched, more, candidates)}
        </p>
      ) : null}
      {contacts.length > 0 ? (
        <section className="card" aria-labelledby="people-hits">
          <h2 id="people-hits">{tp("search.people")}</h2>
          <ul className="attendee-list">
            {contacts.map((k) => (
              <li key={k.id}>
                <Link to={`/contacts/${k.id}`}>{k.name}</Link>{" "}
                <span className="muted small">
                  {k.title ? `${k.title} · ` : ""}
                  {k.organization}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {tags.length > 0 ? (
        <section className="card" aria-labelledby="tag-hits">
          <h2 id="tag-hits">{tp("search.tags")}</h2>
          <ul className="chips">
            {tags.map((tag) => (
              <li key={tag.id}>
                <Link to={`/tags/${tag.id}`}>{tag.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="search-results">
        {hits.map((h) => (
          <li key={h.id} className="card search-hit">
            <h2 className="search-hit__title">
              <Link to={`/consultations/${h.id}`}>{h.title}</Link>
            </h2>
            <p className="small muted">
              {h.times.ist} · {h.times.jst} · {t(`labels:kind.${h.kind}`)} ·{" "}
              <span className={`badge badge--${h.visibility}`}>{t(`labels:visibility.${h.visibility}`)}</span>
              <ArchivedTag archived={Boolean(h.archived_at)} />
            </p>
            <p className="search-hit__snippet">
              {h.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
            </p>
          </li>
        ))}
      </ol>
      <DocumentHits hits={documents} />
    </div>
  );
}
