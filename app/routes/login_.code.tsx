import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import {
  challengeCookieHeader,
  completeSecondFactor,
  getSessionUser,
  readChallengeCookie,
  requestSessionId,
  type SecondFactorResult,
} from "~/models/auth.server";
import { signInCodeSchema } from "~/schemas/totp";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/http.server";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("security:code.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // Only between the password step and a session: anyone else starts at the password.
  if (await getSessionUser(request)) throw redirect("/");
  if (!readChallengeCookie(request)) throw redirect("/login");
  return null;
}

const REFUSALS: Record<
  Exclude<SecondFactorResult, { ok: true }>["reason"],
  { status: number; message: string; restart: boolean }
> = {
  wrong: { status: 401, message: "That code is wrong. Check the Accord entry in your app and try again.", restart: false },
  expired: { status: 401, message: "That code has expired. Enter the code your app shows now.", restart: false },
  reused: { status: 401, message: "That code was already used. Wait for the next code, then enter it.", restart: false },
  throttled: { status: 429, message: "Too many failed sign-in attempts. Wait 15 minutes, then try again.", restart: false },
  challenge_expired: {
    status: 401,
    message: "Your sign-in took too long. Enter your email address and password again.",
    restart: true,
  },
  challenge_invalid: { status: 401, message: "Start again: enter your email address and password.", restart: true },
};

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = parseForm(signInCodeSchema, formData);
  if (!parsed.ok) return data({ ...parsed, restart: false }, { status: 400 });
  const challenge = readChallengeCookie(request);
  const result: SecondFactorResult = challenge
    ? await completeSecondFactor(getDb(), {
        challenge,
        code: parsed.data.code,
        ip: context?.clientAddress ?? "unknown",
        userAgent: request.headers.get("User-Agent"),
        previousSessionId: requestSessionId(request),
      })
    : { ok: false, reason: "challenge_invalid" };
  if (result.ok) {
    const headers = new Headers();
    headers.append("Set-Cookie", result.cookie);
    headers.append("Set-Cookie", challengeCookieHeader(null));
    return redirect(safeRedirect(parsed.data.redirectTo), { headers });
  }
  const refusal = REFUSALS[result.reason];
  // A spent or expired challenge is cleared, so the next visit starts at the password.
  const headers = new Headers();
  if (refusal.restart) headers.append("Set-Cookie", challengeCookieHeader(null));
  const body = refusal.restart
    ? { ...failure({}, {}, refusal.message), restart: true }
    : { ...failure({ code: refusal.message }), restart: false };
  return data(body, { status: refusal.status, headers });
}

export default function SignInCodePage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = usePending();
  const { t } = useTranslation("security");
  const { register, onSubmit, errorFor } = useValidatedForm(signInCodeSchema, { serverErrors: actionData?.fieldErrors });
  return (
    <div className="signin">
      <section className="signin__panel" aria-labelledby="code-title">
        <h1 id="code-title">{t("code.heading")}</h1>
        <p className="muted">{t("code.intro")}</p>
        <FormError message={actionData?.formError} />
        {actionData?.restart ? (
          <p>
            <Link to="/login">{t("code.restart")}</Link>
          </p>
        ) : (
          <Form method="post" noValidate onSubmit={onSubmit} className="stack">
            <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
            <TextField
              label={t("code.label")}
              hint={t("code.hint")}
              inputMode="text"
              autoComplete="one-time-code"
              autoFocus
              required
              error={errorFor("code")}
              registration={register("code")}
            />
            <SubmitButton pending={pending} pendingLabel={t("code.pending")}>
              {t("code.submit")}
            </SubmitButton>
          </Form>
        )}
        <p className="signin__foot muted">
          <Link to="/login">{t("code.back")}</Link>
        </p>
      </section>
    </div>
  );
}
