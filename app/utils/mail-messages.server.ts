/**
 * The words of Accord's mail, in the recipient's language (the `mail` catalogs) with dates in
 * their time zone. Models pass codes and parameters; this module writes the sentences.
 */
import { fixedT } from "~/i18n.server";
import { formatPlainDate, INTL_LOCALE } from "~/utils/format";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/utils/preferences";

export interface MailText {
  subject: string;
  body: string;
}

/** Whom a mail is written for: the language they chose (English when none) and their zone. */
export interface MailReader {
  locale: Locale;
  timeZone: string;
}

export function mailReaderOf(user: { locale: string | null; timeZone: string }): MailReader {
  return { locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE, timeZone: user.timeZone };
}

const tFor = (reader: MailReader) => fixedT(reader.locale, "mail");

export function passwordResetMail(reader: MailReader, p: { name: string; link: string; minutes: number }): MailText {
  const t = tFor(reader);
  return {
    subject: t("reset.subject"),
    body: [
      t("greeting", { name: p.name }),
      "",
      t("reset.asked"),
      t("reset.open", { minutes: p.minutes }),
      "",
      p.link,
      "",
      t("reset.ignore"),
    ].join("\n"),
  };
}

export function passwordChangedMail(reader: MailReader, p: { name: string }): MailText {
  const t = tFor(reader);
  return {
    subject: t("changed.subject"),
    body: [t("greeting", { name: p.name }), "", t("changed.body"), t("changed.notYou")].join("\n"),
  };
}

export const NOTICE_REASONS = [
  "action_assigned",
  "action_due_soon",
  "action_overdue",
  "milestone_late",
  "milestone_threatened",
  "demand_decided",
  "minutes_awaiting",
] as const;
export type NoticeReason = (typeof NOTICE_REASONS)[number];
export type NoticeKind = "follow_up_action" | "milestone" | "demand_request" | "minutes";

export interface NoticeLine {
  reason: NoticeReason;
  kind: NoticeKind;
  /** Restricted items carry only their kind and a link (never their content). */
  title: string | null;
  /** A calendar date (YYYY-MM-DD) the notice is about, shown in the reader's language. */
  dueDate?: string | null;
  link: string;
}

function readerFormat(reader: MailReader) {
  return { locale: INTL_LOCALE[reader.locale], timeZone: reader.timeZone };
}

export function noticeLine(reader: MailReader, n: NoticeLine): string {
  const t = tFor(reader);
  const reason = t(`reason.${n.reason}`);
  const head = n.title
    ? t("notice.line", { reason, title: n.title })
    : t("notice.lineRestricted", { reason, kind: t(`kind.${n.kind}`) });
  const due = n.title && n.dueDate ? [t("notice.due", { date: formatPlainDate(n.dueDate, readerFormat(reader)) })] : [];
  return [head, ...due, `  ${n.link}`].join("\n");
}

function footer(reader: MailReader, origin: string): string {
  return tFor(reader)("notice.footer", { link: `${origin}/preferences` });
}

export function singleNoticeMail(reader: MailReader, n: NoticeLine, origin: string): MailText {
  const t = tFor(reader);
  const reason = t(`reason.${n.reason}`);
  return {
    subject: n.title ? t("notice.subject", { reason, title: n.title }) : t("notice.subjectRestricted", { reason }),
    body: [noticeLine(reader, n), "", footer(reader, origin)].join("\n"),
  };
}

export function digestMail(reader: MailReader, p: { name: string; date: string; lines: NoticeLine[]; origin: string }): MailText {
  const t = tFor(reader);
  return {
    subject: t("digest.subject", { date: formatPlainDate(p.date, readerFormat(reader)) }),
    body: [
      t("greeting", { name: p.name }),
      "",
      t("digest.intro"),
      "",
      ...p.lines.map((l) => noticeLine(reader, l)),
      "",
      footer(reader, p.origin),
    ].join("\n"),
  };
}
