import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { NotificationPreferences } from "~/components/NotificationPreferences";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { getPreference, setPreference } from "~/models/notifications.server";
import { notificationPreferenceSchema } from "~/schemas/preferences";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Preferences · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "account:manage");
  return { notifications: await getPreference(getDb(), user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "account:manage");
  const formData = await readFormData(request);
  // Each section posts its own intent; language and time zone join here when they land.
  const parsed = parseForm(notificationPreferenceSchema, formData);
  if (!parsed.ok) return data({ intent: "notifications" as const, ...parsed }, { status: 400 });
  await setPreference(getDb(), user.id, parsed.data);
  return { intent: "notifications" as const, ok: true as const };
}

export default function PreferencesPage() {
  const { notifications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  return (
    <div className="page">
      <h1>Preferences</h1>
      <NotificationPreferences
        current={notifications}
        saved={Boolean(actionData && "ok" in actionData && actionData.ok)}
        fieldErrors={failed?.fieldErrors}
        formError={failed?.formError}
      />
    </div>
  );
}
