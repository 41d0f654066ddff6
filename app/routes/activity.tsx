import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("activity:feed.title");

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
  const { t } = useTranslation("activity");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <h1>{t("feed.title")}</h1>
          <p className="muted">{t("feed.intro")}</p>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="mark-read" />
          <button type="submit" className="button">
            {t("feed.markAllRead")}
          </button>
        </Form>
      </header>
      <Form method="get" className="filters" aria-label={t("feed.filterLabel")}>
        <AnySelect
          name="kind"
          label={t("feed.kind")}
          value={filter.kind}
          anyLabel={t("feed.everything")}
          options={kinds.map((k) => ({ value: k.value, label: t(`labels:activityKind.${k.value}`) }))}
        />
        {organizations.length > 0 ? (
          <AnySelect
            name="organization"
            label={t("feed.changedBy")}
            value={filter.organization}
            anyLabel={t("feed.anyOrganization")}
            options={organizations}
          />
        ) : null}
        <button type="submit" className="button">
          {t("feed.filter")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p className="card muted">{t("feed.empty")}</p>
      ) : (
        <ol className="feed">
          {items.map((item) => (
            <li key={item.id} className="feed__item">
              <span className="badge">{t(`labels:activityKind.${item.kind}`)}</span>
              <div>
                <Link to={item.href}>{activitySubjectText(item.subject, t)}</Link>{" "}
                <span className="muted">{describeAction(item.action, t)}</span>
                <p className="small muted">
                  {fmt.dateTime(item.at)}
                  {item.actorName
                    ? item.actorOrganization
                      ? t("feed.byOrganization", { name: item.actorName, organization: item.actorOrganization })
                      : t("feed.by", { name: item.actorName })
                    : ""}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel={t("feed.newest")} nextLabel={t("feed.older")} />
    </div>
  );
}
