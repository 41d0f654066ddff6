import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";

import { FollowUpActionRow } from "~/components/FollowUpActions";
import { FormError, Notice } from "~/components/forms";
import { AnySelect, ListTable, Pager } from "~/components/ListKit";
import { assertCan, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { completeFollowUpAction, isOverdue, listFollowUpActions } from "~/models/consultations.server";
import { listOrganizations } from "~/models/organizations.server";
import { actionsFilterSchema } from "~/schemas/consultations";
import styles from "~/styles/consultations.css";
import { todayInZone } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { pageLinks, parseListQuery } from "~/utils/list.server";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { readerTimeZone } from "~/utils/zones";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links = stylesheetLinks(styles);

export const meta = titleMeta("consultations:actions.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const url = new URL(request.url);
  const query = parseListQuery(url, actionsFilterSchema);
  const filter = { ownerOrganizationId: query.filter.owner, status: query.filter.status ?? "open" } as const;
  const db = getDb();
  const today = todayInZone(readerTimeZone(user));
  const [{ rows, next }, organizations] = await Promise.all([
    listFollowUpActions(db, user, filter, query.cursor),
    listOrganizations(db, { includeArchived: true }),
  ]);
  return {
    filter,
    today,
    ...pageLinks("/actions", query, next),
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
  const parsed = checkForm(completeSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const result = await completeFollowUpAction(getDb(), user, parsed.data.actionId, parsed.data.version);
  if (!result.ok && (result.reason === "not_found" || (result.reason === "refused" && result.code === "forbidden"))) notFound();
  if (!result.ok) return invalidForm({}, {}, "That action changed since you opened the page; the list has been reloaded.", 409);
  return data({ ok: true as const, message: "Action marked done." });
}

export default function ActionsPage() {
  const { filter, organizations, rows, nextHref, firstHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("consultations");
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("actions.title")}</h1>
        <p className="muted">{t("actions.intro")}</p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      {actionData && "formError" in actionData && actionData.formError ? <FormError message={actionData.formError} /> : null}
      <Form method="get" className="filters" aria-label={t("actions.filterLabel")}>
        <AnySelect
          name="owner"
          label={t("detail.owner")}
          value={filter.ownerOrganizationId}
          anyLabel={t("actions.anyOrganization")}
          options={organizations.map((o) => ({ value: o.id, label: o.shortName }))}
        />
        <label className="filter">
          <span>{t("detail.status")}</span>
          <select name="status" defaultValue={filter.status} className="input">
            <option value="open">{t("actions.openOnly")}</option>
            <option value="all">{t("actions.all")}</option>
          </select>
        </label>
        <button type="submit" className="button">
          {t("list.filter")}
        </button>
      </Form>
      <ListTable
        columns={[t("detail.action"), t("detail.owner"), t("detail.due"), t("detail.status"), t("list.consultation")]}
        action={t("detail.markDone")}
        empty={rows.length === 0 ? t("actions.empty") : null}
      >
        {rows.map((r) => (
          <FollowUpActionRow
            key={r.id}
            action={{ ...r, owner: r.owner_short_name, ownerName: r.owner_name, dueDate: r.due_date }}
            consultation={{ id: r.consultation_id, title: r.consultation_title }}
          />
        ))}
      </ListTable>
      <Pager firstHref={firstHref} nextHref={nextHref} nextLabel={t("actions.more")} />
    </div>
  );
}
