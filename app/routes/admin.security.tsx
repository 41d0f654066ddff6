import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Notice } from "~/components/forms";
import { assertCan, INTERNAL_ROLES } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { setTotpPolicy, totpPolicy } from "~/models/totp.server";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { invalidRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/route-head";
import type { Role } from "~db/schema";

export const meta = titleMeta("security:admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:users");
  return { policy: await totpPolicy(getDb()), roles: INTERNAL_ROLES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "admin:users");
  const formData = await readFormData(request);
  const chosen = formData.getAll("role").map(String);
  // Only the Indian side's roles may be required to use an authenticator.
  if (chosen.some((r) => !(INTERNAL_ROLES as readonly string[]).includes(r))) invalidRequest("Choose internal roles only.");
  await setTotpPolicy(getDb(), user.id, chosen as Role[], context?.clientAddress ?? null);
  return { ok: true as const };
}

export default function AdminSecurityPage() {
  const { policy, roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("security");
  return (
    <section className="stack" aria-labelledby="policy-title">
      <h1 id="policy-title">{t("admin.heading")}</h1>
      {actionData?.ok ? <Notice>{t("admin.saved")}</Notice> : null}
      <p className="muted">{t("admin.intro")}</p>
      <Form method="post" className="stack card">
        <fieldset className="stack">
          <legend>{t("admin.legend")}</legend>
          {roles.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" name="role" value={role} defaultChecked={policy[role]} /> {t(`labels:role.${role}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary">
          {t("admin.save")}
        </button>
      </Form>
    </section>
  );
}
