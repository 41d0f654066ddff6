import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, usePending } from "~/components/forms";
import { NATIVE_NAMES } from "~/components/LanguageMenu";
import { NotificationPreferences } from "~/components/NotificationPreferences";
import { getLocale, localeCookie } from "~/i18n.server";
import { assertCan } from "~/models/access.server";
import { getSessionUser, requireUser } from "~/models/auth.server";
import { getPreference, setPreference } from "~/models/notifications.server";
import { savePreferences } from "~/models/preferences.server";
import { notificationPreferenceSchema, preferencesSchema } from "~/schemas/preferences";
import { getDb } from "~/utils/db.server";
import { checkForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/http.server";
import { LOCALES } from "~/utils/preferences";
import { titleMeta } from "~/utils/route-head";
import { TIME_ZONES } from "~/utils/time";

export const meta = titleMeta("preferences.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "preferences:edit");
  const locale = await getLocale(request);
  const zones: string[] = TIME_ZONES.map((z) => z.value);
  // A zone stored from elsewhere (another client) stays choosable.
  if (!zones.includes(user.timeZone)) zones.push(user.timeZone);
  const notifications = await getPreference(getDb(), user.id);
  return { locale: user.locale ?? locale, timeZone: user.timeZone, zones, notifications };
}

/**
 * The header's language menu posts here from every page, signed in or not. A signed-in user's
 * choice is stored (and audited); everyone's is also kept in a cookie, so the sign-in page after
 * signing out speaks the same language.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  const formData = await readFormData(request);
  if (formData.get("intent") === "notifications") {
    // The notification section: a signed-in user's own choice.
    const me = await requireUser(request);
    assertCan(me, "preferences:edit");
    const chosen = parseForm(notificationPreferenceSchema, formData);
    if (!chosen.ok) return data({ ...chosen, intent: "notifications" as const }, { status: 400 });
    await setPreference(getDb(), me.id, chosen.data);
    return redirect("/preferences?notifications=saved");
  }
  const parsed = checkForm(preferencesSchema, formData);
  if (!parsed.ok) return parsed.response;
  const { locale, timeZone, redirectTo } = parsed.data;
  const headers = new Headers();
  if (locale) headers.append("Set-Cookie", await localeCookie().serialize(locale));
  if (user) {
    assertCan(user, "preferences:edit");
    await savePreferences(getDb(), user, { locale, timeZone }, context?.clientAddress ?? null);
  } else if (timeZone) {
    // An anonymous reader has nowhere to keep a zone; only the language menu works signed out.
    throw redirect(`/login?${new URLSearchParams({ redirectTo: "/preferences" })}`, { headers });
  }
  return redirect(redirectTo ? safeRedirect(redirectTo) : "/preferences?saved=1", { headers });
}

export default function PreferencesPage() {
  const { locale, timeZone, zones, notifications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = usePending();
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("preferences.title")}</h1>
        <p className="muted">{t("preferences.intro")}</p>
      </header>
      {searchParams.get("saved") ? (
        <div className="notice notice--ok" role="status">
          {t("preferences.saved")}
        </div>
      ) : null}
      <FormError message={actionData && !("intent" in actionData) ? actionData.formError : undefined} />
      <Form method="post" className="stack card card--form">
        <SelectField
          label={t("preferences.language")}
          hint={t("preferences.languageHint")}
          registration={{ name: "locale" }}
          defaultValue={locale}
          error={actionData && !("intent" in actionData) ? actionData.fieldErrors?.locale : undefined}
          options={LOCALES.map((l) => ({ value: l, label: NATIVE_NAMES[l] }))}
        />
        <SelectField
          label={t("preferences.timeZone")}
          hint={t("preferences.timeZoneHint")}
          registration={{ name: "timeZone" }}
          defaultValue={timeZone}
          error={actionData && !("intent" in actionData) ? actionData.fieldErrors?.timeZone : undefined}
          options={zones.map((z) => ({
            value: z,
            label: t(`timeZones.${z}`, { defaultValue: z }),
          }))}
        />
        <div>
          <SubmitButton pending={pending}>{t("preferences.save")}</SubmitButton>
        </div>
      </Form>
      <NotificationPreferences
        current={notifications}
        saved={searchParams.get("notifications") === "saved"}
        fieldErrors={actionData && "intent" in actionData ? actionData.fieldErrors : undefined}
        formError={actionData && "intent" in actionData ? actionData.formError : undefined}
      />
    </div>
  );
}
