import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { SEARCH_LIMIT, searchConsultations } from "~/models/consultations.server";
import styles from "~/styles/consultations.css";
import { getDb } from "~/utils/db.server";
import { KIND_LABELS, VISIBILITY_LABELS } from "~/utils/labels";
import { searchWords } from "~/models/search";
import { meetingTimes } from "~/utils/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `“${data.q}” · Search · Accord` : "Search · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  // Whatever was typed is only ever read as plain words (see toFtsQuery): no input is an error.
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const hits = q.trim() ? await searchConsultations(getDb(), user, q) : [];
  return {
    q,
    words: searchWords(q),
    limit: SEARCH_LIMIT,
    hits: hits.map((h) => ({ ...h, times: meetingTimes(h.starts_at, h.time_zone) })),
  };
}

export default function SearchPage() {
  const { q, words, hits, limit } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <header className="page-header">
        <h1>Search</h1>
        <p className="muted">Titles, agendas, notes, outcomes and follow-up actions of the consultations you may see, best matches first.</p>
      </header>
      <Form method="get" role="search" className="filters" aria-label="Search consultations">
        <label className="filter filter--wide">
          <span>Words to find</span>
          <input type="search" name="q" defaultValue={q} className="input" autoFocus={!q} />
        </label>
        <button type="submit" className="button button--primary">
          Search
        </button>
      </Form>
      {q.trim() ? (
        <p className="muted" role="status">
          {words.length === 0
            ? "Type at least one word or number."
            : hits.length === 0
              ? `Nothing found for ${words.join(" ")}.`
              : `${hits.length === limit ? `The best ${limit}` : hits.length} ${hits.length === 1 ? "consultation" : "consultations"} for ${words.join(" ")}.`}
        </p>
      ) : null}
      <ol className="search-results">
        {hits.map((h) => (
          <li key={h.id} className="card search-hit">
            <h2 className="search-hit__title">
              <Link to={`/consultations/${h.id}`}>{h.title}</Link>
            </h2>
            <p className="small muted">
              {h.times.ist} · {h.times.jst} · {KIND_LABELS[h.kind]} · <span className={`badge badge--${h.visibility}`}>{VISIBILITY_LABELS[h.visibility]}</span>
              {h.archived_at ? (
                <>
                  {" "}
                  <span className="badge badge--muted">Archived</span>
                </>
              ) : null}
            </p>
            <p className="search-hit__snippet">
              {h.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
