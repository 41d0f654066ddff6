import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { navigationFor } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { ROLE_LABELS } from "~/utils/labels";

export const meta: MetaFunction = () => [{ title: "Home · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    displayName: user.displayName,
    roleLabel: ROLE_LABELS[user.role],
    organizationName: user.organizationName,
    sections: navigationFor(user).filter((item) => item.to !== "/"),
  };
}

export default function Home() {
  const { displayName, roleLabel, organizationName, sections } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{organizationName}</p>
        <h1>Welcome, {displayName}</h1>
        <p className="muted">
          Signed in as <strong>{roleLabel}</strong>, {organizationName}.
        </p>
      </header>
      {sections.length > 0 ? (
        <section aria-labelledby="sections-title" className="card">
          <h2 id="sections-title">Where to go</h2>
          <ul className="link-grid">
            {sections.map((s) => (
              <li key={s.to}>
                <Link to={s.to}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
