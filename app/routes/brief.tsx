import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { assertCan, visibilityScope } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { allowedBriefLevels, assembleBrief } from "~/models/brief.server";
import { pdfAvailable } from "~/models/pdf.server";
import briefStyles from "~/styles/brief.css";
import { CLASSIFICATION_BANNER, parseLevels } from "~/utils/brief";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime, VISIBILITY_LABELS } from "~/utils/labels";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: briefStyles }];

export const meta: MetaFunction = () => [{ title: "Negotiation brief · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "brief:read");
  const url = new URL(request.url);
  const parsed = parseLevels(url.searchParams.getAll("levels"));
  if (!parsed.ok) throw data({ message: parsed.message }, { status: 400 });
  const allowed = allowedBriefLevels(user, parsed.levels);
  if (!allowed.ok) throw data({ message: allowed.message }, { status: 400 });
  const brief = await assembleBrief(getDb(), user, allowed.levels);
  const query = new URLSearchParams(allowed.levels.map((l) => ["levels", l]));
  return {
    brief,
    reader: { name: user.displayName, organization: user.organizationName },
    choices: visibilityScope(user).levels.map((l) => ({ value: l, label: VISIBILITY_LABELS[l], checked: allowed.levels.includes(l) })),
    pdfHref: pdfAvailable() ? `/brief.pdf?${query}` : null,
    banner: CLASSIFICATION_BANNER[brief.classification],
  };
}

function Banner({ text, classification }: { text: string; classification: string }) {
  return (
    <p className={`classification classification--${classification}`} role="note" aria-label="Classification">
      {text}
    </p>
  );
}

export default function BriefPage() {
  const { brief, reader, choices, pdfHref, banner } = useLoaderData<typeof loader>();
  return (
    <article className="brief">
      <Form method="get" className="filters brief__controls" aria-label="Brief contents">
        <fieldset className="brief__levels">
          <legend>Include material classified</legend>
          {choices.map((c) => (
            <label key={c.value} className="checkbox">
              <input type="checkbox" name="levels" value={c.value} defaultChecked={c.checked} /> {c.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Update brief
        </button>
        <PrintButton />
        {pdfHref ? (
          <a href={pdfHref} className="button button--primary" download>
            Download PDF
          </a>
        ) : (
          <span className="muted small">PDF download needs Chromium on the server; use Print instead.</span>
        )}
      </Form>

      <Banner text={banner} classification={brief.classification} />
      <header className="brief__header">
        <p className="eyebrow">Accord · Negotiation brief</p>
        <h1>The 2012 IREL–Toyotsu rare-earth arrangement: state of the renegotiation</h1>
        <p className="muted">
          As of {formatDateTime(brief.generatedAt)} · prepared for {reader.name}, {reader.organization} · includes{" "}
          {brief.levels.map((l) => VISIBILITY_LABELS[l].toLowerCase()).join(", ")} material
        </p>
      </header>

      <section className="brief__section" aria-labelledby="brief-consultations">
        <h2 id="brief-consultations">Recent consultations</h2>
        {brief.consultations.length === 0 ? (
          <p className="muted">No consultations at these levels.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Consultation</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {brief.consultations.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{formatDate(c.startsAt)}</td>
                  <td>
                    <Link to={`/consultations/${c.id}`}>{c.title}</Link>
                  </td>
                  <td>{c.outcome || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Banner text={banner} classification={brief.classification} />
    </article>
  );
}

function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print
    </button>
  );
}
