/**
 * Delivery through SMTP (nodemailer) and the worker that drains the outbox inside the server
 * process. Without SMTP_URL nothing is sent: mail stays in the outbox and the admin page says so.
 */
import nodemailer from "nodemailer";

import { scanNotifications } from "~/models/notifications.server";
import { runOutbox, type Deliver } from "~/models/outbox.server";
import type { DB } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export function mailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

/** A Deliver that sends through the SMTP server at `url`. */
export function smtpDeliver(url: string, from: string): Deliver {
  const transport = nodemailer.createTransport(url);
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** Runs the outbox every MAIL_POLL_SECONDS; returns a stop function. Does nothing without SMTP_URL. */
export function startMailWorker(db: DB, options: { onError?: (e: unknown) => void } = {}): () => void {
  const { SMTP_URL, MAIL_FROM, MAIL_POLL_SECONDS, APP_ORIGIN, PORT } = env();
  const origin = (APP_ORIGIN ?? `http://localhost:${PORT}`).replace(/\/$/, "");
  if (!SMTP_URL) return () => {};
  const deliver = smtpDeliver(SMTP_URL, MAIL_FROM);
  let running = false;
  const tick = async () => {
    // One pass at a time in this process; other processes are kept off a row by its claim.
    if (running) return;
    running = true;
    try {
      await scanNotifications(db, { origin });
      await runOutbox(db, deliver);
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), MAIL_POLL_SECONDS * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
