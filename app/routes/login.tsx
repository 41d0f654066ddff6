import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { challengeCookieHeader, getSessionUser, requestSessionId, signIn } from "~/models/auth.server";
import { signInSchema } from "~/schemas/auth";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/http.server";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // The one page an anonymous visitor may see; a signed-in user has nothing to do here.
  if (await getSessionUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const result = await signIn(getDb(), {
    email,
    password,
    ip: context?.clientAddress ?? "unknown",
    userAgent: request.headers.get("User-Agent"),
    previousSessionId: requestSessionId(request),
  });
  if (!result.ok && result.reason === "second_factor") {
    // The password was right; the authenticator's code is asked for on its own page.
    const next = new URLSearchParams({ redirectTo: safeRedirect(redirectTo) });
    return redirect(`/login/code?${next}`, { headers: { "Set-Cookie": challengeCookieHeader(result.challenge) } });
  }
  if (!result.ok) {
    return result.reason === "throttled"
      ? data(failure({}, { email }, "Too many failed sign-in attempts. Wait 15 minutes, then try again."), { status: 429 })
      : data(failure({}, { email }, "The email address or password is incorrect."), { status: 401 });
  }
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": result.cookie } });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = usePending();
  const { t } = useTranslation();
  const { register, onSubmit, errorFor } = useValidatedForm(signInSchema, {
    defaultValues: { email: actionData?.values?.email ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <div className="signin">
      <section className="signin__panel" aria-labelledby="signin-title">
        <p className="eyebrow">{t("login.eyebrow")}</p>
        <h1 id="signin-title">{t("login.heading")}</h1>
        <p className="muted">{t("login.intro")}</p>
        <FormError message={actionData?.formError} />
        <Form method="post" noValidate onSubmit={onSubmit} className="stack">
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
          <TextField
            label={t("login.email")}
            type="email"
            autoComplete="username"
            required
            error={errorFor("email")}
            registration={register("email")}
          />
          <TextField
            label={t("login.password")}
            type="password"
            autoComplete="current-password"
            required
            error={errorFor("password")}
            registration={register("password")}
          />
          <SubmitButton pending={pending} pendingLabel={t("login.pending")}>
            {t("login.submit")}
          </SubmitButton>
        </Form>
        <p className="signin__foot">
          <Link to="/forgot-password">{t("login.forgot")}</Link>
        </p>
        <p className="signin__foot muted">{t("login.foot")}</p>
      </section>
    </div>
  );
}
