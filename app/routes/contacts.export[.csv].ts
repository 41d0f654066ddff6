import type { LoaderFunctionArgs } from "@remix-run/node";

import { getFixedT } from "~/i18n.server";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { listContacts } from "~/models/contacts.server";
import { contactFilterSchema } from "~/schemas/contacts";
import { todayInIndia } from "~/utils/clock";
import { csvResponse, toCsv } from "~/utils/csv.server";
import { getDb } from "~/utils/db.server";
import { parseListQuery } from "~/utils/list.server";

/** The list's filters and visibility, every matching contact, one file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "contacts:read");
  const url = new URL(request.url);
  const { filter } = parseListQuery(url, contactFilterSchema);
  const t = await getFixedT(request, "people");
  const { rows } = await listContacts(getDb(), user, filter, null, null);
  const csv = toCsv(
    rows.map((k) => [
      k.name,
      k.title ?? "",
      k.organization_name,
      k.email ?? "",
      k.phone ?? "",
      k.languages,
      t(`labels:visibility.${k.visibility}`),
      k.archived_at ? t("contacts.csv.archivedYes") : "",
      `${url.origin}/contacts/${k.id}`,
    ]),
    [
      t("contacts.fields.name"),
      t("contacts.fields.title"),
      t("contacts.fields.organization"),
      t("contacts.fields.email"),
      t("contacts.fields.phone"),
      t("contacts.fields.languages"),
      t("contacts.fields.visibility"),
      t("contacts.archived"),
      t("contacts.csv.link"),
    ],
  );
  return csvResponse(`accord-contacts-${todayInIndia()}.csv`, csv);
}
