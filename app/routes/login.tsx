import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";

import { FormError, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { getSessionUser, requestSessionId, signIn } from "~/models/auth.server";
import { signInSchema } from "~/schemas/auth";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Accord" }];

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
  const { register, onSubmit, errorFor } = useValidatedForm(signInSchema, {
    defaultValues: { email: actionData?.values?.email ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <div className="signin">
      <section className="signin__panel" aria-labelledby="signin-title">
        <p className="eyebrow">Government of India · Ministry of Commerce and Industry</p>
        <h1 id="signin-title">Sign in to Accord</h1>
        <p className="muted">
          The record of the consultations on the 2012 rare-earth supply arrangement between IREL and Toyotsu Rare Earths
          India.
        </p>
        <FormError message={actionData?.formError} />
        <Form method="post" noValidate onSubmit={onSubmit} className="stack">
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
          <TextField
            label="Email address"
            type="email"
            autoComplete="username"
            required
            error={errorFor("email")}
            registration={register("email")}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            error={errorFor("password")}
            registration={register("password")}
          />
          <SubmitButton pending={pending} pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
        </Form>
        <p className="signin__foot">
          <Link to="/forgot-password">Forgotten your password?</Link>
        </p>
        <p className="signin__foot muted">Access is by invitation. Ask your administrator for an account.</p>
      </section>
    </div>
  );
}
