import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

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

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Calendar feed · Accord" }];

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
  const { feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const feedUrl = actionData && "feedUrl" in actionData ? actionData.feedUrl : null;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/milestones">Milestones</Link>
        </p>
        <h1>Calendar feed</h1>
        <p className="muted">
          Follow milestone due dates and consultation dates in your own calendar (Outlook, Google Calendar, Apple Calendar). The
          feed holds only what you may see in Accord, and updates as it changes.
        </p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      {actionData && "formError" in actionData && actionData.formError ? <FormError message={actionData.formError} /> : null}
      {feedUrl ? (
        <section className="card" aria-labelledby="url-title">
          <h2 id="url-title">Your feed address</h2>
          <p>Copy it now and add it to your calendar as a subscription (&ldquo;From URL&rdquo;). It will not be shown again.</p>
          <label className="field">
            <span className="field__label">Feed address</span>
            <input className="input feed-url" readOnly value={feedUrl} aria-describedby="url-warning" />
          </label>
          <p id="url-warning" className="notice notice--warn">
            Anyone with this address can read your feed. Do not share it; if it leaks, reset it below.
          </p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="state-title">
        <h2 id="state-title">{feed ? "Your feed is on" : "You have no feed yet"}</h2>
        {feed ? (
          <p className="muted">
            Created {fmt.dateTime(feed.created_at)}
            {feed.last_used_at ? `; last read by a calendar ${fmt.dateTime(feed.last_used_at)}` : "; not read by a calendar yet"}.
            Resetting issues a new address; the old one stops working at once.
          </p>
        ) : (
          <p className="muted">Create a private address for your calendar to subscribe to.</p>
        )}
        <div className="form-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="issue" />
            <button type="submit" className="button button--primary">
              {feed ? "Reset feed address" : "Create feed address"}
            </button>
          </Form>
          {feed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <button type="submit" className="button button--danger">
                Turn off feed
              </button>
            </Form>
          ) : null}
        </div>
      </section>
    </div>
  );
}
