import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ListTable } from "~/components/ListKit";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import type { MinutesRefusalDetail } from "~/models/minutes";
import {
  circulateMinutes,
  confirmMinutes,
  createMinutes,
  decideAmendment,
  diffMinutes,
  getMinutesView,
  proposeAmendment,
  saveMinutesDraft,
  startCorrection,
  type MinutesResult,
} from "~/models/minutes.server";
import {
  amendmentDecisionSchema,
  amendmentSchema,
  minutesConfirmSchema,
  minutesDraftSchema,
  minutesStepSchema,
} from "~/schemas/minutes";
import styles from "~/styles/consultations.css";
import minutesStyles from "~/styles/minutes.css";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat, type Formatter } from "~/utils/format";
import { failure, formDataToObject, parseForm, type FormFailure } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { translateMessage } from "~/utils/translate";

/** After a 409 the forms must carry the minutes' new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: minutesStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "consultations:minutesPage.pageTitle", { title: data.consultation.title })
      : pageTitle(matches, "consultations:minutesPage.title"),
  },
];

type T = ReturnType<typeof useTranslation>["t"];

/** Minutes are read in New Delhi and Tokyo alike: every time is shown in both zones, in the reader's digits. */
function bothZones(fmt: Formatter, t: T, iso: string) {
  return {
    ist: t("minutesPage.zone.ist", { time: fmt.inZone(iso, "Asia/Kolkata") }),
    jst: t("minutesPage.zone.jst", { time: fmt.inZone(iso, "Asia/Tokyo") }),
  };
}

function useZones() {
  const fmt = useFormat();
  const { t } = useTranslation("consultations");
  return (iso: string) => bothZones(fmt, t, iso);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const view = await getMinutesView(getDb(), user, params.id ?? "");
  if (!view) notFound();
  const url = new URL(request.url);
  const versions = view.versions.map((v) => ({
    number: v.number,
    sha256: v.sha256,
    circulatedAt: v.circulatedAt,
    circulatedBy: v.circulatedBy,
    paragraphsHtml: v.paragraphs.map((p) => renderMarkdown(p)),
    parties: v.parties,
    confirmations: v.confirmations,
  }));
  // Compare any two versions; by default the latest with the one before it.
  const latest = view.versions.length;
  const pick = (name: string, fallback: number) => {
    const n = Number(url.searchParams.get(name));
    return Number.isInteger(n) && n >= 1 && n <= latest ? n : fallback;
  };
  const from = pick("from", Math.max(1, latest - 1));
  const to = pick("to", latest);
  const diff = latest >= 2 ? { from, to, parts: diffMinutes(view.versions[from - 1]!.body, view.versions[to - 1]!.body) } : null;
  return {
    consultation: view.consultation,
    minutes: view.minutes,
    versions,
    amendments: view.amendments,
    canDraft: view.canDraft,
    canRespond: view.canRespond,
    ownAnswer: view.ownAnswer,
    organization: user.organizationShortName,
    diff,
    print: url.searchParams.get("print") === "agreed",
  };
}

type Intent = "create" | "save" | "circulate" | "confirm" | "propose" | "decide" | "correct";

/**
 * Why a write was refused, as a code and the values its sentence names: the page words it from
 * the catalogs (`minutesPage.refusal.*`), so the action makes no English.
 */
interface Refusal {
  why: MinutesRefusalDetail["why"] | "stale" | "unknown";
  field?: MinutesRefusalDetail["field"];
  number?: number;
  paragraphs?: number;
  organization?: string;
}

function refusedWith(status: number, intent: Intent, values: Record<string, unknown>, refusal: Refusal) {
  return data({ ...failure({}, values), intent, refusal }, { status });
}

function answer(
  intent: Intent,
  result: MinutesResult | Awaited<ReturnType<typeof createMinutes>>,
  values: Record<string, unknown>,
  organization: string,
) {
  if (result.ok) {
    const agreed = intent === "confirm" && "status" in result.record && result.record.status === "agreed";
    return data({ ok: true as const, intent, done: agreed ? ("agreed" as const) : intent });
  }
  if (result.reason === "not_found") notFound();
  if (result.reason === "conflict") return refusedWith(409, intent, values, { why: "stale" });
  const { why, field, number, paragraphs } = result;
  const status = result.code === "forbidden" ? 403 : result.code === "invalid" ? 400 : 409;
  return refusedWith(status, intent, values, { why, field, number, paragraphs, organization });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const db = getDb();
  const id = params.id ?? "";
  // Whatever is asked, a consultation the user may not see does not exist.
  const view = await getMinutesView(db, user, id);
  if (!view) notFound();
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "") as Intent;
  const bad = (parsed: FormFailure) => data({ ...parsed, intent }, { status: 400 });

  switch (intent) {
    case "create": {
      const parsed = parseForm(minutesDraftSchema.omit({ version: true }), formData);
      if (!parsed.ok) return bad(parsed);
      return answer(
        intent,
        await createMinutes(db, user, id, parsed.data.body),
        formDataToObject(formData),
        user.organizationShortName,
      );
    }
    case "save": {
      const parsed = parseForm(minutesDraftSchema, formData);
      if (!parsed.ok) return bad(parsed);
      return answer(
        intent,
        await saveMinutesDraft(db, user, id, parsed.data.version, parsed.data.body),
        formDataToObject(formData),
        user.organizationShortName,
      );
    }
    case "circulate":
    case "correct": {
      const parsed = parseForm(minutesStepSchema, formData);
      if (!parsed.ok) return bad(parsed);
      const result =
        intent === "circulate"
          ? await circulateMinutes(db, user, id, parsed.data.version)
          : await startCorrection(db, user, id, parsed.data.version);
      return answer(intent, result, {}, user.organizationShortName);
    }
    case "confirm": {
      const parsed = parseForm(minutesConfirmSchema, formData);
      if (!parsed.ok) return bad(parsed);
      return answer(intent, await confirmMinutes(db, user, id, parsed.data.number), {}, user.organizationShortName);
    }
    case "propose": {
      const parsed = parseForm(amendmentSchema, formData);
      if (!parsed.ok) return bad(parsed);
      return answer(
        intent,
        await proposeAmendment(db, user, id, parsed.data),
        formDataToObject(formData),
        user.organizationShortName,
      );
    }
    case "decide": {
      const parsed = parseForm(amendmentDecisionSchema, formData);
      if (!parsed.ok) return bad(parsed);
      return answer(intent, await decideAmendment(db, user, id, parsed.data), {}, user.organizationShortName);
    }
    default:
      return refusedWith(400, intent, {}, { why: "unknown" });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Version = LoaderData["versions"][number];

function Paragraphs({ html, label }: { html: string[]; label: string }) {
  return (
    <ol className="minutes__paragraphs" aria-label={label}>
      {html.map((p, i) => (
        <li key={i} value={i + 1}>
          <div className="prose" dangerouslySetInnerHTML={{ __html: p }} />
        </li>
      ))}
    </ol>
  );
}

function AgreedRecord({ version }: { version: Version }) {
  const { t } = useTranslation("consultations");
  const zones = useZones();
  const circulated = zones(version.circulatedAt);
  return (
    <section className="card minutes__agreed" aria-labelledby="agreed-title">
      <h2 id="agreed-title">{t("minutesPage.agreedTitle", { number: version.number })}</h2>
      <Paragraphs html={version.paragraphsHtml} label={t("minutesPage.agreedList", { number: version.number })} />
      <p className="minutes__digest">
        {t("minutesPage.agreedDigest")} <code>{version.sha256}</code>
      </p>
      <h3>{t("minutesPage.confirmations")}</h3>
      <ListTable dense columns={[t("minutesPage.organization"), t("minutesPage.confirmedBy"), t("detail.ist"), t("detail.jst")]}>
        {version.confirmations.map((k) => (
          <tr key={k.organizationId}>
            <td>{k.organization}</td>
            <td>{k.user}</td>
            <td>{zones(k.at).ist}</td>
            <td>{zones(k.at).jst}</td>
          </tr>
        ))}
      </ListTable>
      <p className="small muted">{t("minutesPage.circulatedBy", { name: version.circulatedBy, ...circulated })}</p>
    </section>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}

/** One end of the comparison of two versions. */
function VersionSelect({ name, label, value, versions }: { name: string; label: string; value: number; versions: Version[] }) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select name={name} className="input" defaultValue={value}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {v.number}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The action's answer in the reader's words: zod's messages through the validation catalog, refusal codes through ours. */
function useAnswer() {
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("consultations");
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  // Only refusals carry one; zod's failures (from `bad`) do not, which the union's narrowing loses.
  const refusal = (failed as { refusal?: Refusal } | undefined)?.refusal;
  const refusalText = refusal
    ? t(`minutesPage.refusal.${refusal.why}`, {
        organization: refusal.organization,
        number: refusal.number,
        ...(refusal.paragraphs === undefined ? {} : { count: refusal.paragraphs }),
      })
    : undefined;
  return {
    failed,
    done: actionData && "done" in actionData ? t(`minutesPage.done.${actionData.done}`) : undefined,
    formError: refusal && !refusal.field ? refusalText : translateMessage(i18n, failed?.formError),
    /** The error beside `field` of the form that posted `intent`. */
    fieldError: (intent: Intent, field: string) =>
      failed?.intent !== intent
        ? undefined
        : refusal?.field === field
          ? refusalText
          : translateMessage(i18n, failed.fieldErrors[field]),
  };
}

export default function MinutesPage() {
  const {
    consultation: c,
    minutes: m,
    versions,
    amendments,
    canDraft,
    canRespond,
    ownAnswer,
    organization,
    diff,
    print,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation("consultations");
  const zones = useZones();
  const { failed, done, formError, fieldError } = useAnswer();
  const typed = (name: string) => (failed?.values[name] as string | undefined) ?? undefined;
  const agreed = m?.agreedNumber ? versions.find((v) => v.number === m.agreedNumber) : undefined;
  const current = m ? versions.find((v) => v.number === m.currentNumber) : undefined;
  const visibility = t(`labels:visibility.${c.visibility}`);

  if (print) {
    return (
      <div className="page minutes minutes--print">
        <h1>{t("minutesPage.printTitle", { title: c.title })}</h1>
        <p>
          {zones(c.startsAt).ist} · {zones(c.startsAt).jst} · {visibility}
        </p>
        {agreed ? <AgreedRecord version={agreed} /> : <p>{t("minutesPage.notAgreedYet")}</p>}
      </div>
    );
  }

  const openOnCurrent = amendments.filter((a) => a.number === m?.currentNumber && a.status === "open");
  const draftKey = `${m?.version ?? 0}-${failed ? "failed" : "ok"}`;
  return (
    <div className="page minutes">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to={`/consultations/${c.id}`}>{c.title}</Link>
          </p>
          <h1>{t("minutesPage.title")}</h1>
          <p className="consultation__badges">
            <span className={`badge badge--${c.visibility}`} title={t(`labels:visibilityHint.${c.visibility}`)}>
              {visibility}
            </span>{" "}
            {m ? (
              <span className={`badge minutes__status minutes__status--${m.status}`}>
                {m.currentNumber > 0 && m.status !== "draft"
                  ? t("minutesPage.statusVersion", { status: t(`minutesPage.status.${m.status}`), number: m.currentNumber })
                  : t(`minutesPage.status.${m.status}`)}
              </span>
            ) : null}
          </p>
        </div>
        {agreed ? (
          <div className="form-actions no-print">
            <a className="button" href={`/consultations/${c.id}/minutes.pdf`} download>
              {t("minutesPage.downloadPdf")}
            </a>
          </div>
        ) : null}
      </header>

      {done ? (
        <div className="notice notice--ok" role="status">
          {done}
        </div>
      ) : null}
      {formError ? (
        <div className="notice notice--error" role="alert">
          {formError}
        </div>
      ) : null}

      {!m ? (
        canDraft ? (
          <section className="card" aria-labelledby="draft-title">
            <h2 id="draft-title">{t("minutesPage.draftTitle")}</h2>
            <Form method="post" className="form" key={draftKey}>
              <input type="hidden" name="intent" value="create" />
              <DraftField value={typed("body") ?? ""} error={fieldError("create", "body")} />
              <div className="form-actions">
                <button type="submit" className="button button--primary">
                  {t("minutesPage.saveDraft")}
                </button>
              </div>
            </Form>
          </section>
        ) : (
          <p className="card muted">{t("minutesPage.noneCirculated")}</p>
        )
      ) : null}

      {m?.status === "draft" && canDraft ? (
        <section className="card" aria-labelledby="draft-title">
          <h2 id="draft-title">
            {m.currentNumber > 0 ? t("minutesPage.draftOfVersion", { number: m.currentNumber + 1 }) : t("minutesPage.draft")}
          </h2>
          <Form method="post" className="form" key={draftKey}>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={m.version} />
            <DraftField value={typed("body") ?? m.draft ?? ""} error={fieldError("save", "body")} />
            <div className="form-actions">
              <button type="submit" className="button">
                {t("minutesPage.saveDraft")}
              </button>
            </div>
          </Form>
          <Form method="post" className="form-actions">
            <input type="hidden" name="intent" value="circulate" />
            <input type="hidden" name="version" value={m.version} />
            <button type="submit" className="button button--primary">
              {t("minutesPage.circulateVersion", { number: m.currentNumber + 1 })}
            </button>
            <FieldError id="circulate-error" message={fieldError("circulate", "body")} />
          </Form>
        </section>
      ) : m?.status === "draft" && m.currentNumber > 0 ? (
        <p className="card muted">{t("minutesPage.correctionDrafting")}</p>
      ) : null}

      {agreed ? <AgreedRecord version={agreed} /> : null}
      {m?.status === "agreed" && canDraft ? (
        <Form method="post" className="form-actions no-print">
          <input type="hidden" name="intent" value="correct" />
          <input type="hidden" name="version" value={m.version} />
          <button type="submit" className="button">
            {t("minutesPage.startCorrection")}
          </button>
          <span className="small muted">{t("minutesPage.correctionHint")}</span>
        </Form>
      ) : null}

      {m?.status === "circulated" && current ? (
        <section className="card" aria-labelledby="current-title">
          <h2 id="current-title">
            {t("minutesPage.currentTitle", { number: current.number, time: zones(current.circulatedAt).ist })}
          </h2>
          <Paragraphs html={current.paragraphsHtml} label={t("minutesPage.currentList", { number: current.number })} />
          <p className="minutes__digest small">
            {t("minutesPage.digest")} <code>{current.sha256}</code>
          </p>
          <h3>{t("minutesPage.confirmation")}</h3>
          <ul className="minutes__parties">
            {current.parties.map((p) => {
              const k = current.confirmations.find((x) => x.organizationId === p.id);
              const amending = openOnCurrent.some((a) => a.organizationId === p.id);
              return (
                <li key={p.id}>
                  <strong>{p.name}</strong>
                  {t("minutesPage.partySeparator")}
                  {k
                    ? t("minutesPage.party.confirmed", { name: k.user, ...zones(k.at) })
                    : amending
                      ? t("minutesPage.party.amending")
                      : t("minutesPage.party.awaiting")}
                </li>
              );
            })}
          </ul>
          {ownAnswer === "confirmed" ? <p className="small">{t("minutesPage.ownConfirmed", { organization })}</p> : null}
          {ownAnswer === "amending" ? <p className="small">{t("minutesPage.ownAmending", { organization })}</p> : null}
          {canRespond ? (
            <div className="minutes__respond no-print">
              <Form method="post">
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="number" value={current.number} />
                <button type="submit" className="button button--primary">
                  {t("minutesPage.confirmFor", { number: current.number, organization })}
                </button>
              </Form>
              <Form
                method="post"
                className="form"
                aria-labelledby="amend-title"
                key={`amend-${current.number}-${failed ? "f" : "o"}`}
              >
                <h3 id="amend-title">{t("minutesPage.amendTitle")}</h3>
                <input type="hidden" name="intent" value="propose" />
                <input type="hidden" name="number" value={current.number} />
                <div className="field">
                  <label className="field__label" htmlFor="amend-paragraph">
                    {t("minutesPage.paragraph")}
                  </label>
                  <select
                    id="amend-paragraph"
                    name="paragraph"
                    className="input"
                    defaultValue={typed("paragraph") ?? ""}
                    aria-invalid={fieldError("propose", "paragraph") ? true : undefined}
                    aria-describedby={fieldError("propose", "paragraph") ? "paragraph-error" : undefined}
                  >
                    <option value="">{t("minutesPage.chooseParagraph")}</option>
                    {current.paragraphsHtml.map((_, i) => (
                      <option key={i} value={i + 1}>
                        {t("minutesPage.paragraphNumber", { number: i + 1 })}
                      </option>
                    ))}
                  </select>
                  <FieldError id="paragraph-error" message={fieldError("propose", "paragraph")} />
                </div>
                <AmendmentText
                  name="proposedText"
                  label={t("minutesPage.proposedWording")}
                  rows={4}
                  value={typed("proposedText")}
                  error={fieldError("propose", "proposedText")}
                />
                <AmendmentText
                  name="reason"
                  label={t("minutesPage.reason")}
                  rows={2}
                  value={typed("reason")}
                  error={fieldError("propose", "reason")}
                />
                <div className="form-actions">
                  <button type="submit" className="button">
                    {t("minutesPage.propose")}
                  </button>
                </div>
              </Form>
            </div>
          ) : null}
        </section>
      ) : null}

      {amendments.length > 0 ? (
        <section className="card" aria-labelledby="amendments-title">
          <h2 id="amendments-title">{t("minutesPage.amendmentsTitle")}</h2>
          <ListTable
            columns={[
              t("minutesPage.version"),
              t("minutesPage.paragraph"),
              t("minutesPage.proposedBy"),
              t("minutesPage.proposedWording"),
              t("minutesPage.reason"),
              t("minutesPage.decision"),
            ]}
          >
            {amendments.map((a) => (
              <tr key={a.id}>
                <td>{a.number}</td>
                <td>{a.paragraph}</td>
                <td>
                  {t("minutesPage.proposer", { organization: a.organization, name: a.proposedBy })}
                  <br />
                  <span className="small muted">{zones(a.proposedAt).ist}</span>
                </td>
                <td className="minutes__wording">{a.proposedText}</td>
                <td>{a.reason}</td>
                <td>
                  {a.status === "open" && canDraft && a.number === m?.currentNumber ? (
                    <div className="form-actions">
                      {(["accept", "reject"] as const).map((decision) => (
                        <Form method="post" key={decision}>
                          <input type="hidden" name="intent" value="decide" />
                          <input type="hidden" name="amendmentId" value={a.id} />
                          <input type="hidden" name="amendmentVersion" value={a.version} />
                          <input type="hidden" name="decision" value={decision} />
                          <button
                            type="submit"
                            className={decision === "accept" ? "button button--small button--primary" : "button button--small"}
                            aria-label={t(`minutesPage.${decision}Label`, {
                              paragraph: a.paragraph,
                              organization: a.organization,
                            })}
                          >
                            {t(`minutesPage.${decision}`)}
                          </button>
                        </Form>
                      ))}
                    </div>
                  ) : (
                    <span className={`badge minutes__amendment--${a.status}`}>
                      {t(`minutesPage.amendmentStatus.${a.status}`)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        </section>
      ) : null}

      {versions.length > 0 ? (
        <section className="card" aria-labelledby="versions-title">
          <h2 id="versions-title">{t("minutesPage.versionsTitle")}</h2>
          <ol className="minutes__versions">
            {versions.map((v) => (
              <li key={v.number}>
                {t("minutesPage.versionLine", {
                  number: v.number,
                  name: v.circulatedBy,
                  ...zones(v.circulatedAt),
                  confirmed: v.confirmations.length,
                  count: v.parties.length,
                })}
                {v.number === m?.agreedNumber ? t("minutesPage.versionAgreed") : ""}
              </li>
            ))}
          </ol>
          {diff ? (
            <>
              <Form method="get" className="filters no-print">
                <VersionSelect name="from" label={t("minutesPage.fromVersion")} value={diff.from} versions={versions} />
                <VersionSelect name="to" label={t("minutesPage.toVersion")} value={diff.to} versions={versions} />
                <button type="submit" className="button">
                  {t("minutesPage.compare")}
                </button>
              </Form>
              <h3>{t("minutesPage.changes", { from: diff.from, to: diff.to })}</h3>
              <p className="minutes__diff" aria-label={t("minutesPage.changes", { from: diff.from, to: diff.to })}>
                {diff.parts.map((p, i) =>
                  p.kind === "added" ? (
                    <ins key={i}>{p.text}</ins>
                  ) : p.kind === "removed" ? (
                    <del key={i}>{p.text}</del>
                  ) : (
                    <span key={i}>{p.text}</span>
                  ),
                )}
              </p>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** A text box of the amendment form, with its error beside it. */
function AmendmentText({
  name,
  label,
  rows,
  value,
  error,
}: {
  name: string;
  label: string;
  rows: number;
  value: string | undefined;
  error: string | undefined;
}) {
  const errorId = `${name}-error`;
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <textarea
        name={name}
        className="input"
        rows={rows}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <FieldError id={errorId} message={error} />
    </label>
  );
}

function DraftField({ value, error }: { value: string; error: string | undefined }) {
  const { t } = useTranslation("consultations");
  return (
    <label className="field">
      <span className="field__label">{t("minutesPage.bodyLabel")}</span>
      <span className="field__hint small muted">{t("minutesPage.bodyHint")}</span>
      <textarea
        name="body"
        className="input"
        rows={14}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "body-error" : undefined}
      />
      <FieldError id="body-error" message={error} />
    </label>
  );
}
