import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, NewPasswordField, SubmitButton, usePending, useValidatedForm } from "~/components/forms";
import { resetPasswordWithToken, resetTokenProblem, type TokenProblem } from "~/models/account.server";
import { resetWithTokenSchema } from "~/schemas/auth";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";

export const meta: MetaFunction = () => [
  { title: "Choose a new password · Accord" },
  { name: "referrer", content: "no-referrer" },
];

const TOKEN_PROBLEMS: Record<TokenProblem, string> = {
  unknown: "This reset link is not valid. Ask for a new one.",
  expired: "This reset link has expired. Ask for a new one.",
  used: "This reset link has already been used. Ask for a new one if you need to.",
};

export async function loader({ params }: LoaderFunctionArgs) {
  // Anonymous: the token is the credential. A bad token is told apart only as unusable.
  const problem = await resetTokenProblem(getDb(), params.token ?? "");
  return data({ problem: problem ? TOKEN_PROBLEMS[problem] : null }, { status: problem ? 410 : 200 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = checkForm(resetWithTokenSchema, formData);
  if (!parsed.ok) return parsed.response;
  const result = await resetPasswordWithToken(getDb(), {
    token: params.token ?? "",
    newPassword: parsed.data.password,
    ip: context?.clientAddress ?? null,
  });
  if (result.ok) return { done: true as const };
  if (result.reason === "refused" && result.code === "invalid") return invalidForm({ password: result.message }, {});
  if (result.reason === "refused" && result.code === "token") return invalidForm({}, {}, TOKEN_PROBLEMS[result.problem], 410);
  return invalidForm({}, {}, TOKEN_PROBLEMS.unknown, 410);
}

export default function ResetPasswordPage() {
  const { problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = usePending();
  const { t } = useTranslation();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const { register, onSubmit, errorFor } = useValidatedForm(resetWithTokenSchema, { serverErrors: failed?.fieldErrors });
  const done = actionData && "done" in actionData;
  return (
    <div className="signin">
      <section className="signin__panel" aria-labelledby="reset-title">
        <h1 id="reset-title">{t("account.resetTitle")}</h1>
        {done ? (
          <p role="status">
            {t("account.resetDone")} <Link to="/login">{t("account.signIn")}</Link>
          </p>
        ) : problem ? (
          <>
            <FormError message={problem} />
            <p>
              <Link to="/forgot-password">{t("account.askNewLink")}</Link>
            </p>
          </>
        ) : (
          <>
            <FormError message={failed?.formError} />
            <Form method="post" noValidate onSubmit={onSubmit} className="stack">
              <NewPasswordField error={errorFor("password")} registration={register("password")} />
              <SubmitButton pending={pending} pendingLabel={t("account.saving")}>
                {t("account.setPassword")}
              </SubmitButton>
            </Form>
          </>
        )}
      </section>
    </div>
  );
}
