/**
 * The notification part of /preferences, a section of its own so that it sits beside the
 * language and time-zone choices when those land.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, Notice, SelectField, SubmitButton, usePending, useValidatedForm } from "~/components/forms";
import { notificationPreferenceSchema } from "~/schemas/preferences";

const MODES = ["each", "digest", "off"] as const;

const HOUR_OPTIONS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, "0")}:00` }));

export function NotificationPreferences({
  current,
  saved,
  fieldErrors,
  formError,
}: {
  current: { mode: (typeof MODES)[number]; digestHour: number };
  saved: boolean;
  fieldErrors?: Record<string, string>;
  formError?: string;
}) {
  const pending = usePending();
  const { t } = useTranslation();
  const { register, onSubmit, errorFor } = useValidatedForm(notificationPreferenceSchema, {
    defaultValues: { mode: current.mode, digestHour: current.digestHour },
    serverErrors: fieldErrors,
  });
  return (
    <section className="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t("account.notificationsTitle")}</h2>
      <p className="muted">{t("account.notificationsIntro")}</p>
      {saved ? <Notice>{t("account.notificationsSaved")}</Notice> : null}
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="notifications" />
        <SelectField
          label={t("account.sendMe")}
          error={errorFor("mode")}
          registration={register("mode")}
          options={MODES.map((m) => ({ value: m, label: t(`account.mode.${m}`) }))}
        />
        <SelectField
          label={t("account.digestHour")}
          error={errorFor("digestHour")}
          registration={register("digestHour")}
          options={HOUR_OPTIONS}
        />
        <SubmitButton pending={pending} pendingLabel={t("account.saving")}>
          {t("account.saveNotifications")}
        </SubmitButton>
      </Form>
    </section>
  );
}
