import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, Notice, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { requestPasswordReset, RESET_VALID_MINUTES } from "~/models/account.server";
import { getSessionUser } from "~/models/auth.server";
import { forgotPasswordSchema } from "~/schemas/auth";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Forgotten password · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Anonymous by nature; a signed-in user changes the password from their account page instead.
  if (await getSessionUser(request)) throw redirect("/account/password");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = parseForm(forgotPasswordSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const origin = (env().APP_ORIGIN ?? new URL(request.url).origin).replace(/\/$/, "");
  const result = await requestPasswordReset(getDb(), {
    email: parsed.data.email,
    ip: context?.clientAddress ?? "unknown",
    origin,
  });
  if (!result.ok) {
    return data(failure({}, { email: parsed.data.email }, "Too many reset requests. Wait 15 minutes, then try again."), {
      status: 429,
    });
  }
  // The same answer whether or not the address belongs to an account.
  return { ok: true as const };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const pending = usePending();
  const { t } = useTranslation();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const { register, onSubmit, errorFor } = useValidatedForm(forgotPasswordSchema, {
    defaultValues: { email: failed?.values?.email ?? "" },
    serverErrors: failed?.fieldErrors,
  });
  return (
    <div className="signin">
      <section className="signin__panel" aria-labelledby="forgot-title">
        <h1 id="forgot-title">{t("account.forgotTitle")}</h1>
        {actionData && "ok" in actionData && actionData.ok ? (
          <Notice>{t("account.forgotSent", { minutes: RESET_VALID_MINUTES })}</Notice>
        ) : null}
        <FormError message={failed?.formError} />
        <Form method="post" noValidate onSubmit={onSubmit} className="stack">
          <TextField
            label={t("account.email")}
            type="email"
            autoComplete="username"
            required
            error={errorFor("email")}
            registration={register("email")}
          />
          <SubmitButton pending={pending} pendingLabel={t("account.sending")}>
            {t("account.sendLink")}
          </SubmitButton>
        </Form>
        <p className="signin__foot muted">
          <Link to="/login">{t("account.backToSignIn")}</Link>
        </p>
      </section>
    </div>
  );
}
