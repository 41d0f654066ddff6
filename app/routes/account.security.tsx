import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, Notice, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import {
  confirmTotpSetup,
  disableTotp,
  groupSecret,
  otpauthUri,
  qrPath,
  regenerateRecoveryCodes,
  startTotpSetup,
  totpStatus,
} from "~/models/totp.server";
import { TOTP_INTENTS, totpCodeSchema } from "~/schemas/totp";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm } from "~/utils/forms";
import { invalidRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("security:account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "account:manage");
  const status = await totpStatus(getDb(), user);
  const setup = status.pending
    ? {
        uri: otpauthUri(status.pending.secret, user.email),
        secret: groupSecret(status.pending.secret),
        qr: qrPath(otpauthUri(status.pending.secret, user.email)),
      }
    : null;
  return {
    enabled: status.enabled,
    required: status.required,
    mustSetUp: Boolean(user.mustSetUpTotp),
    recoveryCodesLeft: status.recoveryCodesLeft,
    setup,
  };
}

const CODE_MESSAGES = {
  wrong: "That code is wrong. Check the Accord entry in your app and try again.",
  expired: "That code has expired. Enter the code your app shows now.",
  reused: "That code was already used. Wait for the next code, then enter it.",
  no_setup: "Start setting up your authenticator first.",
  required: "Your administrator requires an authenticator for your role; it cannot be turned off.",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "account:manage");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const ip = context?.clientAddress ?? null;
  const db = getDb();
  if (intent === "start") {
    await startTotpSetup(db, user.id);
    return { ok: true as const, intent: "start" as const, recoveryCodes: null };
  }
  if (typeof intent !== "string" || !(TOTP_INTENTS as readonly string[]).includes(intent)) invalidRequest("Unknown action.");
  const parsed = parseForm(totpCodeSchema, formData);
  if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
  const { code } = parsed.data;
  const result =
    intent === "confirm"
      ? await confirmTotpSetup(db, user.id, code, ip).then((r) => (r.ok ? { ok: true as const, value: r.recoveryCodes } : r))
      : intent === "regenerate"
        ? await regenerateRecoveryCodes(db, user.id, code, ip)
        : await disableTotp(db, user, code, ip).then((r) => (r.ok ? { ok: true as const, value: null } : r));
  if (!result.ok) {
    const status = result.reason === "required" || result.reason === "no_setup" ? 409 : 400;
    return data({ ...failure({ code: CODE_MESSAGES[result.reason] }), intent }, { status });
  }
  return { ok: true as const, intent, recoveryCodes: result.value };
}

function QrCode({ size, d, label }: { size: number; d: string; label: string }) {
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={size * 5}
      height={size * 5}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

function CodeForm({ intent, submit, failedIntent }: { intent: string; submit: string; failedIntent: string | undefined }) {
  const actionData = useActionData<typeof action>();
  const pending = usePending();
  const { t } = useTranslation("security");
  const failed = actionData && "fieldErrors" in actionData && failedIntent === intent ? actionData : undefined;
  const { register, onSubmit, errorFor } = useValidatedForm(totpCodeSchema, { serverErrors: failed?.fieldErrors });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="stack">
      <input type="hidden" name="intent" value={intent} />
      <TextField
        label={t("account.codeLabel")}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        error={errorFor("code")}
        registration={register("code")}
      />
      <SubmitButton pending={pending}>{submit}</SubmitButton>
    </Form>
  );
}

export default function AccountSecurityPage() {
  const { enabled, required, mustSetUp, recoveryCodesLeft, setup } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("security");
  const codes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : null;
  const failedIntent = actionData && "intent" in actionData ? String(actionData.intent) : undefined;
  return (
    <div className="page">
      <h1>{t("account.heading")}</h1>
      {mustSetUp ? <div className="notice notice--error">{t("account.mustSetUp")}</div> : null}
      {actionData && "ok" in actionData && actionData.ok && actionData.intent === "disable" ? (
        <Notice>{t("account.disabled")}</Notice>
      ) : null}
      <FormError message={actionData && "formError" in actionData ? actionData.formError : undefined} />
      {codes ? (
        <section className="card stack" aria-labelledby="codes-title">
          <h2 id="codes-title">{t("account.codesTitle")}</h2>
          <p>{t("account.codesIntro")}</p>
          <ul className="recovery-codes" aria-label={t("account.codesTitle")}>
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/">{t("account.continue")}</Link>
          </p>
        </section>
      ) : null}
      {enabled ? (
        <>
          <section className="card stack" aria-labelledby="on-title">
            <h2 id="on-title">{t("account.onTitle")}</h2>
            <p>{t("account.onIntro", { count: recoveryCodesLeft })}</p>
          </section>
          <section className="card stack" aria-labelledby="regen-title">
            <h2 id="regen-title">{t("account.regenerateTitle")}</h2>
            <p className="muted">{t("account.regenerateIntro")}</p>
            <CodeForm intent="regenerate" submit={t("account.regenerateSubmit")} failedIntent={failedIntent} />
          </section>
          {required ? (
            <p className="muted">{t("account.requiredNote")}</p>
          ) : (
            <section className="card stack" aria-labelledby="off-title">
              <h2 id="off-title">{t("account.disableTitle")}</h2>
              <CodeForm intent="disable" submit={t("account.disableSubmit")} failedIntent={failedIntent} />
            </section>
          )}
        </>
      ) : setup ? (
        <section className="card stack" aria-labelledby="setup-title">
          <h2 id="setup-title">{t("account.setupTitle")}</h2>
          <ol className="stack">
            <li>{t("account.stepScan")}</li>
            <li>{t("account.stepConfirm")}</li>
          </ol>
          <QrCode size={setup.qr.size} d={setup.qr.d} label={t("account.qrLabel")} />
          <dl className="facts">
            <dt>{t("account.secretLabel")}</dt>
            <dd>
              <code data-testid="totp-secret">{setup.secret}</code>
            </dd>
            <dt>{t("account.uriLabel")}</dt>
            <dd>
              <code className="wrap">{setup.uri}</code>
            </dd>
          </dl>
          <CodeForm intent="confirm" submit={t("account.confirmSubmit")} failedIntent={failedIntent} />
        </section>
      ) : (
        <section className="card stack" aria-labelledby="off-title">
          <h2 id="off-title">{t("account.offTitle")}</h2>
          <p>{required ? t("account.offRequired") : t("account.offIntro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <button type="submit" className="button button--primary">
              {t("account.start")}
            </button>
          </Form>
        </section>
      )}
    </div>
  );
}
