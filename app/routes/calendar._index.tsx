import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, Notice } from "~/components/forms";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { activeFeedOf, feedPath, issueFeedToken, revokeFeed } from "~/models/calendar.server";
import styles from "~/styles/milestones.css";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { failure } from "~/utils/forms";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";

export const links = stylesheetLinks(styles);

export const meta = titleMeta("milestones:calendar.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "calendar:subscribe");
  return { feed: (await activeFeedOf(getDb(), user.id)) ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "calendar:subscribe");
  const intent = (await readFormData(request)).get("intent");
  const db = getDb();
  if (intent === "issue") {
    const token = await issueFeedToken(db, user);
    const origin = (env().APP_ORIGIN ?? new URL(request.url).origin).replace(/\/$/, "");
    // Shown this once: only a hash of the token is kept.
    return data({ ok: true as const, feedUrl: `${origin}${feedPath(token)}` }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "revoke") {
    await revokeFeed(db, user);
    return data({ ok: true as const, message: "Your calendar feed is turned off. Its address no longer works." });
  }
  return data(failure({}, {}, "Unknown action."), { status: 400 });
}

export default function CalendarPage() {
  const fmt = useFormat();
  const { t } = useTranslation("milestones");
  const { feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const feedUrl = actionData && "feedUrl" in actionData ? actionData.feedUrl : null;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/milestones">{t("list.title")}</Link>
        </p>
        <h1>{t("calendar.title")}</h1>
        <p className="muted">{t("calendar.intro")}</p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      {actionData && "formError" in actionData && actionData.formError ? <FormError message={actionData.formError} /> : null}
      {feedUrl ? (
        <section className="card" aria-labelledby="url-title">
          <h2 id="url-title">{t("calendar.yourAddress")}</h2>
          <p>{t("calendar.copyNow")}</p>
          <label className="field">
            <span className="field__label">{t("calendar.address")}</span>
            <input className="input feed-url" readOnly value={feedUrl} aria-describedby="url-warning" />
          </label>
          <p id="url-warning" className="notice notice--warn">
            {t("calendar.warning")}
          </p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="state-title">
        <h2 id="state-title">{feed ? t("calendar.on") : t("calendar.none")}</h2>
        {feed ? (
          <p className="muted">
            {feed.last_used_at
              ? t("calendar.createdRead", { date: fmt.dateTime(feed.created_at), read: fmt.dateTime(feed.last_used_at) })
              : t("calendar.createdUnread", { date: fmt.dateTime(feed.created_at) })}{" "}
            {t("calendar.resetNote")}
          </p>
        ) : (
          <p className="muted">{t("calendar.createHint")}</p>
        )}
        <div className="form-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="issue" />
            <button type="submit" className="button button--primary">
              {feed ? t("calendar.reset") : t("calendar.create")}
            </button>
          </Form>
          {feed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <button type="submit" className="button button--danger">
                {t("calendar.turnOff")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>
    </div>
  );
}
