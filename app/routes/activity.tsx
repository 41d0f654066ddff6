import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { Pager } from "~/components/Pager";
import { assertCan, isInternal } from "~/models/access.server";
import { ACTIVITY_KINDS, activityKind, listActivity, markAllActivityRead } from "~/models/activity.server";
import { requireUser } from "~/models/auth.server";
import { listOrganizations } from "~/models/organizations.server";
import { decodeTimeCursor, encodeTimeCursor } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/labels";
import { useReaderTimeZone } from "~/utils/reader";

export const meta: MetaFunction = () => [{ title: "Activity · Accord" }];


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "activity:read");
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") || undefined;
  const organizationId = url.searchParams.get("organization") || undefined;
  if (kind && !activityKind(kind)) throw data({ message: `Unknown kind of record "${kind}".` }, { status: 400 });
  const db = getDb();
  // External users filter by their own side only: the organizations list would reveal who else takes part.
  const organizations = isInternal(user) ? await listOrganizations(db) : [];
  if (organizationId && isInternal(user) && !organizations.some((o) => o.id === organizationId)) {
    throw data({ message: "Unknown organization." }, { status: 400 });
  }
  const { items, next } = await listActivity(
    db,
    user,
    { kind, organizationId: isInternal(user) ? organizationId : undefined },
    decodeTimeCursor(url.searchParams.get("cursor")),
  );
  const params = new URLSearchParams();
  if (kind) params.set("kind", kind);
  if (organizationId && isInternal(user)) params.set("organization", organizationId);
  const nextParams = new URLSearchParams(params);
  if (next) nextParams.set("cursor", encodeTimeCursor(next));
  return {
    items,
    kinds: ACTIVITY_KINDS.map((k) => ({ value: k.kind, label: k.label })),
    organizations: organizations.map((o) => ({ value: o.id, label: o.short_name })),
    filter: { kind: kind ?? "", organization: organizationId ?? "" },
    nextHref: next ? `/activity?${nextParams}` : null,
    firstHref: url.searchParams.has("cursor") ? `/activity?${params}` : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "activity:read");
  const formData = await request.formData();
  if (formData.get("intent") !== "mark-read") throw data({ message: "Unknown action." }, { status: 400 });
  await markAllActivityRead(getDb(), user);
  return redirect("/activity");
}

export default function ActivityPage() {
  const zone = useReaderTimeZone();
  const { items, kinds, organizations, filter, nextHref, firstHref } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>Activity</h1>
          <p className="muted">What changed across the records you can see, newest first.</p>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="mark-read" />
          <button type="submit" className="button">
            Mark all read
          </button>
        </Form>
      </header>
      <Form method="get" className="filters" aria-label="Filter activity">
        <label className="filter">
          <span>Kind</span>
          <select name="kind" defaultValue={filter.kind} className="input">
            <option value="">Everything</option>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        {organizations.length > 0 ? (
          <label className="filter">
            <span>Changed by</span>
            <select name="organization" defaultValue={filter.organization} className="input">
              <option value="">Any organization</option>
              {organizations.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="button">
          Filter
        </button>
      </Form>
      {items.length === 0 ? (
        <p className="card muted">Nothing has changed here yet.</p>
      ) : (
        <ol className="feed">
          {items.map((item) => (
            <li key={item.id} className="feed__item">
              <span className="badge">{item.kindLabel}</span>
              <div>
                <Link to={item.href}>{item.title}</Link> <span className="muted">{item.description}</span>
                <p className="small muted">
                  {formatDateTime(item.at, zone)}
                  {item.actorName ? ` · ${item.actorName}${item.actorOrganization ? ` (${item.actorOrganization})` : ""}` : ""}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel="Newest" nextLabel="Older changes" />
    </div>
  );
}
