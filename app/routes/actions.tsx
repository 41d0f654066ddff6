import { Pager } from "~/components/Pager";
import { formatPlainDate, todayInZone } from "~/utils/dates";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";

import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { completeFollowUpAction, decodeActionsCursor, encodeActionsCursor, isOverdue, listFollowUpActions } from "~/models/consultations.server";
import { listOrganizations } from "~/models/organizations.server";
import { actionsFilterSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { getDb } from "~/utils/db.server";
import { failure, parseForm, versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { ACTION_STATUS_LABELS } from "~/utils/labels";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { readerTimeZone } from "~/utils/zones";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Follow-up actions · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([k, v]) => k !== "cursor" && v !== ""));
  const parsed = actionsFilterSchema.safeParse(raw);
  if (!parsed.success) throw data({ message: "Invalid filter." }, { status: 400 });
  const filter = { ownerOrganizationId: parsed.data.owner, status: parsed.data.status ?? "open" } as const;
  const db = getDb();
  const today = todayInZone(readerTimeZone(user));
  const [{ rows, next }, organizations] = await Promise.all([
    listFollowUpActions(db, user, filter, decodeActionsCursor(url.searchParams.get("cursor"))),
    listOrganizations(db, { includeArchived: true }),
  ]);
  const nextParams = new URLSearchParams(raw);
  if (next) nextParams.set("cursor", encodeActionsCursor(next));
  return {
    filter,
    today,
    nextHref: next ? `/actions?${nextParams}` : null,
    firstHref: url.searchParams.has("cursor") ? `/actions?${new URLSearchParams(raw)}` : null,
    organizations: organizations.map((o) => ({ id: o.id, shortName: o.short_name, name: o.name })),
    rows: rows.map((r) => ({
      ...r,
      overdue: isOverdue(r, today),
      canComplete: r.status === "open" && can(user, "follow_up:complete", { organizationId: r.owner_organization_id }),
    })),
  };
}

const completeSchema = z.object({ actionId: z.string().min(1), version: versionField });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "follow_up:complete");
  const parsed = parseForm(completeSchema, await request.formData());
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await completeFollowUpAction(getDb(), user, parsed.data.actionId, parsed.data.version);
  if (!result.ok && (result.reason === "missing" || result.reason === "forbidden")) notFound();
  if (!result.ok) return data(failure({}, {}, "That action changed since you opened the page; the list has been reloaded."), { status: 409 });
  return data({ ok: true as const, message: "Action marked done." });
}

export default function ActionsPage() {
  const { filter, organizations, rows, nextHref, firstHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page">
      <header className="page-header">
        <h1>Follow-up actions</h1>
        <p className="muted">Actions agreed in the consultations you may see. Open ones first, soonest due first; overdue ones are marked.</p>
      </header>
      {actionData && "message" in actionData ? (
        <div className="notice notice--ok" role="status">
          {actionData.message}
        </div>
      ) : null}
      {actionData && "formError" in actionData && actionData.formError ? (
        <div className="notice notice--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter actions">
        <label className="filter">
          <span>Owner</span>
          <select name="owner" defaultValue={filter.ownerOrganizationId ?? ""} className="input">
            <option value="">Any organization</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Status</span>
          <select name="status" defaultValue={filter.status} className="input">
            <option value="open">Open only</option>
            <option value="all">All (open first)</option>
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
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Consultation</th>
              <th scope="col">
                <span className="visually-hidden">Mark done</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="empty">
                  No actions match these filters.
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.id} className={r.overdue ? "row--overdue" : undefined}>
                <td>{r.description}</td>
                <td title={r.owner_name}>{r.owner_short_name}</td>
                <td className="nowrap">
                  {formatPlainDate(r.due_date)}
                  {r.overdue ? (
                    <>
                      {" "}
                      <span className="badge badge--danger">Overdue</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <span className={`badge badge--status-${r.status}`}>{ACTION_STATUS_LABELS[r.status]}</span>
                </td>
                <td>
                  <Link to={`/consultations/${r.consultation_id}`}>{r.consultation_title}</Link>
                </td>
                <td>
                  {r.canComplete ? (
                    <Form method="post">
                      <input type="hidden" name="actionId" value={r.id} />
                      <input type="hidden" name="version" value={r.version} />
                      <button type="submit" className="button button--small" aria-label={`Mark done: ${r.description}`}>
                        Mark done
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager firstHref={firstHref} nextHref={nextHref} nextLabel="More actions" />
    </div>
  );
}
