/**
 * The notification part of /preferences, a section of its own so that it sits beside the
 * language and time-zone choices when those land.
 */
import { Form } from "@remix-run/react";

import { FormError, Notice, SelectField, SubmitButton, usePending, useValidatedForm } from "~/components/forms";
import { notificationPreferenceSchema } from "~/schemas/preferences";

export const NOTIFICATION_MODE_LABELS = {
  each: "A mail for each notice",
  digest: "One daily digest",
  off: "No mail",
} as const;

const MODE_OPTIONS = Object.entries(NOTIFICATION_MODE_LABELS).map(([value, label]) => ({ value, label }));
const HOUR_OPTIONS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, "0")}:00` }));

export function NotificationPreferences({
  current,
  saved,
  fieldErrors,
  formError,
}: {
  current: { mode: keyof typeof NOTIFICATION_MODE_LABELS; digestHour: number };
  saved: boolean;
  fieldErrors?: Record<string, string>;
  formError?: string;
}) {
  const pending = usePending();
  const { register, onSubmit, errorFor } = useValidatedForm(notificationPreferenceSchema, {
    defaultValues: { mode: current.mode, digestHour: current.digestHour },
    serverErrors: fieldErrors,
  });
  return (
    <section className="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title">E-mail notifications</h2>
      <p className="muted">
        Follow-up actions assigned to your organization, due within 3 days or overdue, and your organization's late milestones.
      </p>
      {saved ? <Notice>Notification choices saved.</Notice> : null}
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="notifications" />
        <SelectField label="Send me" error={errorFor("mode")} registration={register("mode")} options={MODE_OPTIONS} />
        <SelectField
          label="Digest hour (India time)"
          error={errorFor("digestHour")}
          registration={register("digestHour")}
          options={HOUR_OPTIONS}
        />
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save notification choices
        </SubmitButton>
      </Form>
    </section>
  );
}
