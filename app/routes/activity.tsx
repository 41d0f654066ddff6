import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import * as z from "zod";

import { AnySelect, Pager } from "~/components/ListKit";
import { assertCan, isInternal } from "~/models/access.server";
import { ACTIVITY_KINDS, activityKind, listActivity, markAllActivityRead } from "~/models/activity.server";
import { requireUser } from "~/models/auth.server";
import { listOrganizations } from "~/models/organizations.server";
import { isTimestamp } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { pageLinks, parseListQuery } from "~/utils/list.server";
import { ACTIVITY_KIND_LABELS, activitySubjectText, describeAction } from "~/utils/messages";

export const meta: MetaFunction = () => [{ title: "Activity · Accord" }];

const activityFilterSchema = z.object({
  kind: z
    .string()
    .refine((kind) => activityKind(kind) !== undefined, "Unknown kind of record.")
    .optional(),
  organization: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "activity:read");
  const url = new URL(request.url);
  const query = parseListQuery(url, activityFilterSchema, { keys: ["kind", "organization"], validKey: isTimestamp });
  const { kind, organization: organizationId } = query.filter;
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
    query.cursor,
  );
  // External users' links never carry an organization: they cannot filter by one.
  const raw = { ...(kind ? { kind } : {}), ...(organizationId && isInternal(user) ? { organization: organizationId } : {}) };
  return {
    items,
    kinds: ACTIVITY_KINDS.map((k) => ({ value: k.kind, label: ACTIVITY_KIND_LABELS[k.kind] })),
    organizations: organizations.map((o) => ({ value: o.id, label: o.short_name })),
    filter: { kind: kind ?? "", organization: organizationId ?? "" },
    ...pageLinks("/activity", { ...query, raw }, next),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "activity:read");
  const formData = await readFormData(request);
  if (formData.get("intent") !== "mark-read") throw data({ message: "Unknown action." }, { status: 400 });
  await markAllActivityRead(getDb(), user);
  return redirect("/activity");
}

export default function ActivityPage() {
  const fmt = useFormat();
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
        <AnySelect name="kind" label="Kind" value={filter.kind} anyLabel="Everything" options={kinds} />
        {organizations.length > 0 ? (
          <AnySelect
            name="organization"
            label="Changed by"
            value={filter.organization}
            anyLabel="Any organization"
            options={organizations}
          />
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
              <span className="badge">{ACTIVITY_KIND_LABELS[item.kind]}</span>
              <div>
                <Link to={item.href}>{activitySubjectText(item.subject)}</Link>{" "}
                <span className="muted">{describeAction(item.action)}</span>
                <p className="small muted">
                  {fmt.dateTime(item.at)}
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
