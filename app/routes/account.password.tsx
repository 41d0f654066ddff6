import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, NewPasswordField, Notice, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assertCan } from "~/models/access.server";
import { changeOwnPassword } from "~/models/account.server";
import { requestSessionId, requireUser } from "~/models/auth.server";
import { changePasswordSchema } from "~/schemas/auth";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Change password · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "account:manage");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "account:manage");
  const formData = await readFormData(request);
  const parsed = checkForm(changePasswordSchema, formData);
  if (!parsed.ok) return parsed.response;
  const result = await changeOwnPassword(getDb(), {
    userId: user.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    keepSessionId: requestSessionId(request),
    ip: context?.clientAddress ?? null,
  });
  if (result.ok) return { ok: true as const };
  if (result.reason === "refused" && result.code === "wrong_password")
    return invalidForm({ currentPassword: "That is not your current password." }, {});
  if (result.reason === "refused" && result.code === "invalid") return invalidForm({ newPassword: result.message }, {});
  if (result.reason === "conflict") return invalidForm({}, {}, "Your account changed meanwhile; try again.", 409);
  notFound();
}

export default function ChangePasswordPage() {
  const actionData = useActionData<typeof action>();
  const pending = usePending();
  const { t } = useTranslation();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const { register, onSubmit, errorFor } = useValidatedForm(changePasswordSchema, { serverErrors: failed?.fieldErrors });
  return (
    <div className="page">
      <h1>{t("account.changeTitle")}</h1>
      {actionData && "ok" in actionData && actionData.ok ? <Notice>{t("account.changed")}</Notice> : null}
      <FormError message={failed?.formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack card">
        <TextField
          label={t("account.currentPassword")}
          type="password"
          autoComplete="current-password"
          required
          error={errorFor("currentPassword")}
          registration={register("currentPassword")}
        />
        <NewPasswordField error={errorFor("newPassword")} registration={register("newPassword")} />
        <SubmitButton pending={pending} pendingLabel={t("account.saving")}>
          {t("account.changeSubmit")}
        </SubmitButton>
      </Form>
    </div>
  );
}
