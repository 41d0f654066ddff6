import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { awaitingConcurrence, listClauses } from "~/models/clauses.server";
import { getDb } from "~/utils/db.server";
import { CLAUSE_STATUS_LABELS, CLAUSE_TOPIC_LABELS, VISIBILITY_LABELS } from "~/utils/labels";

export const meta: MetaFunction = () => [{ title: "The 2012 agreement · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "agreement:read");
  const db = getDb();
  const [clauses, awaiting] = await Promise.all([listClauses(db, user), awaitingConcurrence(db, user)]);
  return { clauses, awaiting, organization: user.organizationShortName };
}

export default function AgreementRegister() {
  const { clauses, awaiting, organization } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <header className="page-header">
        <h1>The 2012 IREL–Toyotsu arrangement</h1>
        <p className="muted">
          Clause by clause, as recorded by India. The real text is not public: demonstration text is marked illustrative.
        </p>
      </header>

      {awaiting.length ? (
        <section className="card" aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">Awaiting {organization}'s concurrence</h2>
          <ul>
            {awaiting.map((a) => (
              <li key={a.id}>
                <Link to={`/agreement/clauses/${a.clause_id}`}>
                  {a.reference}: {a.title}
                </Link>{" "}
                — proposed by {a.proposer}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <table className="table">
        <caption className="sr-only">Clauses</caption>
        <thead>
          <tr>
            <th scope="col">Clause</th>
            <th scope="col">Topic</th>
            <th scope="col">Status</th>
            <th scope="col">Issues</th>
            <th scope="col">Proposals</th>
            <th scope="col">Visibility</th>
          </tr>
        </thead>
        <tbody>
          {clauses.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/agreement/clauses/${c.id}`}>
                  {c.reference}: {c.title}
                </Link>
                {c.illustrative ? <span className="badge badge--muted">Illustrative text</span> : null}
              </th>
              <td>{CLAUSE_TOPIC_LABELS[c.topic]}</td>
              <td>{CLAUSE_STATUS_LABELS[c.status]}</td>
              <td>
                {c.issues.map((i, n) => (
                  <span key={i.id}>
                    {n ? ", " : null}
                    <Link to={`/issues/${i.id}`}>{i.title}</Link>
                  </span>
                ))}
              </td>
              <td>{c.amendments}</td>
              <td>{VISIBILITY_LABELS[c.visibility]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {clauses.length === 0 ? <p className="muted">No clauses you may see.</p> : null}
    </div>
  );
}
