import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, Notice, SelectField, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { getOrganization, listOrganizations } from "~/models/organizations.server";
import { passwordProblem } from "~/models/password.server";
import { hasTotp, resetTotpByAdmin } from "~/models/totp.server";
import { getUser, resetPassword, setUserDisabled, updateUser } from "~/models/users.server";
import { resetPasswordSchema, userProfileSchema } from "~/schemas/admin";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { failure, parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { ROLES } from "~db/schema";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "app.plain", { text: data.user.display_name })
      : pageTitle(matches, "admin:users.fallbackTitle"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireUser(request);
  assertCan(admin, "admin:users");
  const db = getDb();
  const user = await getUser(db, params.userId ?? "");
  if (!user) notFound();
  const organizations = await listOrganizations(db);
  return {
    user,
    isSelf: user.id === admin.id,
    totpOn: await hasTotp(db, user.id),
    organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
  };
}

const CHANGED = "Someone else changed this user at the same moment; nothing was done. Reload the page and try again.";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request);
  assertCan(admin, "admin:users");
  const db = getDb();
  const user = await getUser(db, params.userId ?? "");
  if (!user) notFound();
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");

  if (intent === "profile") {
    const parsed = parseForm(userProfileSchema, formData);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const organization = await getOrganization(db, parsed.data.organizationId);
    if (!organization || organization.archived_at) {
      return data(
        { intent, ...failure({ organizationId: "Choose an existing, active organization." }, parsed.data) },
        { status: 400 },
      );
    }
    if (user.id === admin.id && parsed.data.role !== "admin") {
      return data(
        { intent, ...failure({ role: "You cannot remove your own administrator role." }, parsed.data) },
        { status: 400 },
      );
    }
    const result = await updateUser(db, admin.id, user.id, parsed.data.version, parsed.data);
    if (!result.ok && result.reason === "conflict") {
      return data(
        {
          intent,
          ...failure(
            {},
            parsed.data,
            "Someone else changed this user while you were editing. Your input is kept: compare it with the details above, then save again to apply it.",
          ),
        },
        { status: 409 },
      );
    }
    return data({
      intent,
      ok: true as const,
      message: "Saved. The user must sign in again to use the new role or organization.",
    });
  }

  if (intent === "disable" || intent === "enable") {
    if (user.id === admin.id)
      return data({ intent, ...failure({}, {}, "You cannot disable your own account.") }, { status: 400 });
    const result = await setUserDisabled(db, admin.id, user.id, intent === "disable");
    if (!result.ok) return data({ intent, ...failure({}, {}, CHANGED) }, { status: 409 });
    return data({
      intent,
      ok: true as const,
      message: intent === "disable" ? "Account disabled; all of its sessions have ended." : "Account enabled.",
    });
  }

  if (intent === "totp_reset") {
    const done = await resetTotpByAdmin(db, admin.id, user.id, context?.clientAddress ?? null);
    if (!done) return data({ intent, ...failure({}, {}, "This user has no authenticator.") }, { status: 409 });
    return data({ intent, ok: true as const, message: "Authenticator turned off; the user's sessions have ended." });
  }

  if (intent === "password") {
    const parsed = parseForm(resetPasswordSchema, formData);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const weak = passwordProblem(parsed.data.password);
    if (weak) return data({ intent, ...failure({ password: weak }) }, { status: 400 });
    const result = await resetPassword(db, admin.id, user.id, parsed.data.password);
    if (!result.ok) return data({ intent, ...failure({}, {}, CHANGED) }, { status: 409 });
    return data({ intent, ok: true as const, message: "Password reset; the user's sessions have ended." });
  }

  return data({ intent, ...failure({}, {}, "Unknown action.") }, { status: 400 });
}

type ActionResult = ReturnType<typeof useActionData<typeof action>>;

function resultFor(result: ActionResult, intent: string) {
  return result && result.intent === intent ? result : undefined;
}

export default function UserPage() {
  const fmt = useFormat();
  const { user, isSelf, organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const profileResult = resultFor(actionData, "profile");
  const passwordResult = resultFor(actionData, "password");
  const statusResult = actionData?.intent === "disable" || actionData?.intent === "enable" ? actionData : undefined;
  const pending = usePending();
  const { t } = useTranslation("admin");
  const profileFailure = profileResult && "fieldErrors" in profileResult ? profileResult : undefined;
  // The version comes from the loader, not the form state: after a conflict it is the latest one.
  const profile = useValidatedForm(userProfileSchema.omit({ version: true }), {
    defaultValues: {
      displayName: user.display_name,
      role: user.role,
      organizationId: user.organization_id,
      ...(profileFailure?.values ?? {}),
    },
    serverErrors: profileFailure?.fieldErrors,
  });
  const passwordFailure = passwordResult && "fieldErrors" in passwordResult ? passwordResult : undefined;
  const password = useValidatedForm(resetPasswordSchema, { serverErrors: passwordFailure?.fieldErrors });

  return (
    <>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/admin/users">{t("nav.users")}</Link>
        </p>
        <h1>{user.display_name}</h1>
        <p className="muted">
          {user.email} · {t(`labels:role.${user.role}`)} · {user.organization_name} ·{" "}
          {user.disabled ? (
            <span className="badge badge--muted">{t("users.disabled")}</span>
          ) : (
            <span className="badge badge--ok">{t("users.active")}</span>
          )}
        </p>
        <p className="muted small">{t("users.lastSignInAt", { date: fmt.dateTime(user.last_sign_in_at) })}</p>
      </header>

      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}

      <div className="grid-2 grid-2--top">
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{t("users.profile")}</h2>
          <FormError message={profileFailure?.formError} />
          <Form method="post" noValidate onSubmit={profile.onSubmit} className="stack">
            <input type="hidden" name="intent" value="profile" />
            <input type="hidden" name="version" value={user.version} />
            <TextField
              label={t("users.displayName")}
              required
              error={profile.errorFor("displayName")}
              registration={profile.register("displayName")}
            />
            <SelectField
              label={t("users.role")}
              required
              options={ROLES.map((r) => ({ value: r, label: t(`labels:role.${r}`) }))}
              error={profile.errorFor("role")}
              registration={profile.register("role")}
            />
            <SelectField
              label={t("users.organization")}
              required
              options={organizations}
              error={profile.errorFor("organizationId")}
              registration={profile.register("organizationId")}
            />
            <div className="form-actions">
              <SubmitButton pending={pending}>{t("users.save")}</SubmitButton>
            </div>
          </Form>
        </section>

        <div className="stack">
          <section className="card" aria-labelledby="access-title">
            <h2 id="access-title">{t("users.access")}</h2>
            <FormError message={statusResult && "formError" in statusResult ? statusResult.formError : undefined} />
            {isSelf ? (
              <p className="muted">{t("users.cannotDisableSelf")}</p>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value={user.disabled ? "enable" : "disable"} />
                <p className="muted">{user.disabled ? t("users.disabledNote") : t("users.disableNote")}</p>
                <button type="submit" className={user.disabled ? "button" : "button button--danger"}>
                  {user.disabled ? t("users.enable") : t("users.disable")}
                </button>
              </Form>
            )}
          </section>

          <TotpSection />

          <section className="card" aria-labelledby="password-title">
            <h2 id="password-title">{t("users.resetPassword")}</h2>
            <FormError message={passwordFailure?.formError} />
            <Form method="post" noValidate onSubmit={password.onSubmit} className="stack">
              <input type="hidden" name="intent" value="password" />
              <TextField
                label={t("users.newPassword")}
                type="password"
                autoComplete="new-password"
                required
                hint={t("users.newPasswordHint")}
                error={password.errorFor("password")}
                registration={password.register("password")}
              />
              <div className="form-actions">
                <button type="submit" className="button">
                  {t("users.resetPassword")}
                </button>
              </div>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}

function TotpSection() {
  const { totpOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("security");
  const result = actionData?.intent === "totp_reset" ? actionData : undefined;
  return (
    <section className="card stack" aria-labelledby="totp-title">
      <h2 id="totp-title">{t("adminUser.title")}</h2>
      <FormError message={result && "formError" in result ? result.formError : undefined} />
      {totpOn ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="totp_reset" />
          <p className="muted">{t("adminUser.on")}</p>
          <button type="submit" className="button button--danger">
            {t("adminUser.reset")}
          </button>
        </Form>
      ) : (
        <p className="muted">{t("adminUser.off")}</p>
      )}
    </section>
  );
}
