import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { TableScroll } from "~/components/TableScroll";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { awaitingConcurrence, listClauses } from "~/models/clauses.server";
import { CLAUSE_TOPIC_LABELS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";

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
  const { t } = useTranslation("agreement");
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("register.heading")}</h1>
        <p className="muted">{t("register.intro")}</p>
        {/* A plain link: the CSV is a download, not a page. */}
        <a href="/agreement.csv" className="button" download>
          {t("register.csv")}
        </a>
      </header>

      {awaiting.length ? (
        <section className="card" aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">{t("register.awaiting", { organization })}</h2>
          <ul>
            {awaiting.map((a) => (
              <li key={a.id}>
                <Link to={`/agreement/clauses/${a.clause_id}`}>
                  {a.reference}: {a.title}
                </Link>{" "}
                — {t("register.proposedBy", { organization: a.proposer })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <TableScroll label={t("register.clause")}>
        <table className="table">
          <caption className="sr-only">{t("register.clause")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("register.clause")}</th>
              <th scope="col">{t("register.topic")}</th>
              <th scope="col">{t("register.status")}</th>
              <th scope="col">{t("register.issues")}</th>
              <th scope="col">{t("register.proposals")}</th>
              <th scope="col">{t("register.visibility")}</th>
            </tr>
          </thead>
          <tbody>
            {clauses.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/agreement/clauses/${c.id}`}>
                    {c.reference}: {c.title}
                  </Link>
                  {c.illustrative ? <span className="badge badge--muted">{t("register.illustrative")}</span> : null}
                </th>
                <td>{t(`labels:clauseTopic.${c.topic}`, { defaultValue: CLAUSE_TOPIC_LABELS[c.topic] })}</td>
                <td>{t(`labels:clauseStatus.${c.status}`, { defaultValue: c.status })}</td>
                <td>
                  {c.issues.map((i, n) => (
                    <span key={i.id}>
                      {n ? ", " : null}
                      <Link to={`/issues/${i.id}`}>{i.title}</Link>
                    </span>
                  ))}
                </td>
                <td>{c.amendments}</td>
                <td>{t(`labels:visibility.${c.visibility}`, { defaultValue: VISIBILITY_LABELS[c.visibility] })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {clauses.length === 0 ? <p className="muted">{t("register.none")}</p> : null}
    </div>
  );
}
