/**
 * The words of Accord's mail. Kept beside messages.ts so the i18n catalogs can take them over in
 * one place; models pass codes and parameters, this module writes the sentences.
 */

export interface MailText {
  subject: string;
  body: string;
}

export function passwordResetMail(p: { name: string; link: string; minutes: number }): MailText {
  return {
    subject: "Reset your Accord password",
    body: [
      `Dear ${p.name},`,
      "",
      "Someone (we hope you) asked to reset the password of your Accord account.",
      `Open this link within ${p.minutes} minutes to choose a new password. It works once.`,
      "",
      p.link,
      "",
      "If you did not ask for this, ignore this message; your password stays as it is.",
    ].join("\n"),
  };
}

export function passwordChangedMail(p: { name: string }): MailText {
  return {
    subject: "Your Accord password was changed",
    body: [
      `Dear ${p.name},`,
      "",
      "The password of your Accord account was just changed, and your other sessions were ended.",
      "If this was not you, ask your administrator to reset your password at once.",
    ].join("\n"),
  };
}

export interface NoticeLine {
  /** Restricted items carry only their kind and a link (never their content). */
  title: string | null;
  kindLabel: string;
  reasonLabel: string;
  link: string;
}

export function noticeLine(n: NoticeLine): string {
  return n.title ? `- ${n.reasonLabel}: ${n.title}\n  ${n.link}` : `- ${n.reasonLabel} (${n.kindLabel})\n  ${n.link}`;
}

export function singleNoticeMail(n: NoticeLine): MailText {
  return {
    subject: n.title ? `Accord: ${n.reasonLabel} — ${n.title}` : `Accord: ${n.reasonLabel}`,
    body: [noticeLine(n), "", "Change what Accord mails you at /preferences."].join("\n"),
  };
}

export function digestMail(p: { name: string; dateLabel: string; lines: NoticeLine[] }): MailText {
  return {
    subject: `Accord daily digest, ${p.dateLabel}`,
    body: [
      `Dear ${p.name},`,
      "",
      "What needs your attention in Accord:",
      "",
      ...p.lines.map(noticeLine),
      "",
      "Change what Accord mails you at /preferences.",
    ].join("\n"),
  };
}

export const NOTICE_REASONS = {
  action_assigned: "Follow-up action assigned to your organization",
  action_due_soon: "Follow-up action due within 3 days",
  action_overdue: "Follow-up action overdue",
  milestone_late: "Milestone late",
  milestone_threatened: "Milestone threatened",
  demand_decided: "Demand request decided",
} as const;
export type NoticeReason = keyof typeof NOTICE_REASONS;
