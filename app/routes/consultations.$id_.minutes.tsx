import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
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
import { VISIBILITY_HINTS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat, type Formatter } from "~/utils/format";
import { failure, formDataToObject, parseForm, type FormFailure } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { minutesRefusalText } from "~/utils/messages";
import { revalidateAfterConflict } from "~/utils/revalidate";

/** After a 409 the forms must carry the minutes' new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: minutesStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Minutes · ${data?.consultation.title ?? "Consultation"} · Accord` },
];

const STATUS_LABELS = { draft: "Draft", circulated: "Circulated", agreed: "Agreed" } as const;
const AMENDMENT_LABELS = { open: "Awaiting decision", accepted: "Accepted", rejected: "Rejected" } as const;

/** Minutes are read in New Delhi and Tokyo alike: every time is shown in both zones. */
function bothZones(fmt: Formatter, iso: string) {
  return { ist: `${fmt.inZone(iso, "Asia/Kolkata")} IST`, jst: `${fmt.inZone(iso, "Asia/Tokyo")} JST` };
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

const DONE: Record<Intent, string> = {
  create: "Draft saved.",
  save: "Draft saved.",
  circulate: "Minutes circulated for confirmation.",
  confirm: "Confirmation recorded.",
  propose: "Amendment proposed. The drafter will accept or reject it.",
  decide: "Decision recorded.",
  correct: "Correction started: edit the draft and circulate it.",
};

const STALE =
  "These minutes changed since you opened them, and nothing was saved. The page now shows the current version; what you typed is kept below.";

function answer(
  intent: Intent,
  result: MinutesResult | Awaited<ReturnType<typeof createMinutes>>,
  values: Record<string, unknown>,
  organization: string,
) {
  if (result.ok) {
    const message =
      intent === "confirm" && "status" in result.record && result.record.status === "agreed"
        ? "Confirmation recorded. Every organization has confirmed: the minutes are agreed."
        : DONE[intent];
    return data({ ok: true as const, intent, message });
  }
  if (result.reason === "not_found") notFound();
  if (result.reason === "conflict") return data({ ...failure({}, values, STALE), intent }, { status: 409 });
  const message = minutesRefusalText(result, organization);
  const fieldErrors = result.field ? { [result.field]: message } : {};
  const status = result.code === "forbidden" ? 403 : result.code === "invalid" ? 400 : 409;
  return data({ ...failure(fieldErrors, values, result.field ? undefined : message), intent }, { status });
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
      return data({ ...failure({}, {}, "Unknown request."), intent }, { status: 400 });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

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

function AgreedRecord({ version }: { version: LoaderData["versions"][number] }) {
  const fmt = useFormat();
  const circulated = bothZones(fmt, version.circulatedAt);
  return (
    <section className="card minutes__agreed" aria-labelledby="agreed-title">
      <h2 id="agreed-title">Agreed text, version {version.number}</h2>
      <Paragraphs html={version.paragraphsHtml} label={`Agreed minutes, version ${version.number}`} />
      <p className="minutes__digest">
        SHA-256 of the agreed text: <code>{version.sha256}</code>
      </p>
      <h3>Confirmations</h3>
      <table className="table table--dense">
        <thead>
          <tr>
            <th scope="col">Organization</th>
            <th scope="col">Confirmed by</th>
            <th scope="col">India (IST)</th>
            <th scope="col">Japan (JST)</th>
          </tr>
        </thead>
        <tbody>
          {version.confirmations.map((k) => (
            <tr key={k.organizationId}>
              <td>{k.organization}</td>
              <td>{k.user}</td>
              <td>{bothZones(fmt, k.at).ist}</td>
              <td>{bothZones(fmt, k.at).jst}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        Circulated by {version.circulatedBy}, {circulated.ist} ({circulated.jst}).
      </p>
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
  const actionData = useActionData<typeof action>();
  const fmt = useFormat();
  const zones = (iso: string) => bothZones(fmt, iso);
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const typed = (name: string) => (failed?.values[name] as string | undefined) ?? undefined;
  const agreed = m?.agreedNumber ? versions.find((v) => v.number === m.agreedNumber) : undefined;
  const current = m ? versions.find((v) => v.number === m.currentNumber) : undefined;

  if (print) {
    return (
      <div className="page minutes minutes--print">
        <h1>Agreed minutes: {c.title}</h1>
        <p>
          {zones(c.startsAt).ist} · {zones(c.startsAt).jst} · {VISIBILITY_LABELS[c.visibility]}
        </p>
        {agreed ? <AgreedRecord version={agreed} /> : <p>These minutes are not agreed yet.</p>}
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
          <h1>Minutes</h1>
          <p className="consultation__badges">
            <span className={`badge badge--${c.visibility}`} title={VISIBILITY_HINTS[c.visibility]}>
              {VISIBILITY_LABELS[c.visibility]}
            </span>{" "}
            {m ? (
              <span className={`badge minutes__status minutes__status--${m.status}`}>
                {STATUS_LABELS[m.status]}
                {m.currentNumber > 0 && m.status !== "draft" ? `, version ${m.currentNumber}` : ""}
              </span>
            ) : null}
          </p>
        </div>
        {agreed ? (
          <div className="form-actions no-print">
            <a className="button" href={`/consultations/${c.id}/minutes.pdf`} download>
              Download agreed minutes (PDF)
            </a>
          </div>
        ) : null}
      </header>

      {actionData && "message" in actionData ? (
        <div className="notice notice--ok" role="status">
          {actionData.message}
        </div>
      ) : null}
      {failed?.formError ? (
        <div className="notice notice--error" role="alert">
          {failed.formError}
        </div>
      ) : null}

      {!m ? (
        canDraft ? (
          <section className="card" aria-labelledby="draft-title">
            <h2 id="draft-title">Draft the minutes</h2>
            <Form method="post" className="form" key={draftKey}>
              <input type="hidden" name="intent" value="create" />
              <DraftField value={typed("body") ?? ""} error={failed?.intent === "create" ? failed.fieldErrors.body : undefined} />
              <div className="form-actions">
                <button type="submit" className="button button--primary">
                  Save draft
                </button>
              </div>
            </Form>
          </section>
        ) : (
          <p className="card muted">No minutes of this consultation have been circulated.</p>
        )
      ) : null}

      {m?.status === "draft" && canDraft ? (
        <section className="card" aria-labelledby="draft-title">
          <h2 id="draft-title">{m.currentNumber > 0 ? `Draft of version ${m.currentNumber + 1}` : "Draft"}</h2>
          <Form method="post" className="form" key={draftKey}>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={m.version} />
            <DraftField
              value={typed("body") ?? m.draft ?? ""}
              error={failed?.intent === "save" ? failed.fieldErrors.body : undefined}
            />
            <div className="form-actions">
              <button type="submit" className="button">
                Save draft
              </button>
            </div>
          </Form>
          <Form method="post" className="form-actions">
            <input type="hidden" name="intent" value="circulate" />
            <input type="hidden" name="version" value={m.version} />
            <button type="submit" className="button button--primary">
              Circulate version {m.currentNumber + 1}
            </button>
            <FieldError id="circulate-error" message={failed?.intent === "circulate" ? failed.fieldErrors.body : undefined} />
          </Form>
        </section>
      ) : m?.status === "draft" && m.currentNumber > 0 ? (
        <p className="card muted">A correction of these minutes is being drafted.</p>
      ) : null}

      {agreed ? <AgreedRecord version={agreed} /> : null}
      {m?.status === "agreed" && canDraft ? (
        <Form method="post" className="form-actions no-print">
          <input type="hidden" name="intent" value="correct" />
          <input type="hidden" name="version" value={m.version} />
          <button type="submit" className="button">
            Start a correction
          </button>
          <span className="small muted">The agreed version stays as it is; the correction goes round as a new version.</span>
        </Form>
      ) : null}

      {m?.status === "circulated" && current ? (
        <section className="card" aria-labelledby="current-title">
          <h2 id="current-title">
            Version {current.number}, circulated {zones(current.circulatedAt).ist}
          </h2>
          <Paragraphs html={current.paragraphsHtml} label={`Minutes, version ${current.number}`} />
          <p className="minutes__digest small">
            SHA-256: <code>{current.sha256}</code>
          </p>
          <h3>Confirmation</h3>
          <ul className="minutes__parties">
            {current.parties.map((p) => {
              const k = current.confirmations.find((x) => x.organizationId === p.id);
              const amending = openOnCurrent.some((a) => a.organizationId === p.id);
              return (
                <li key={p.id}>
                  <strong>{p.name}</strong>:{" "}
                  {k
                    ? `confirmed by ${k.user}, ${zones(k.at).ist} (${zones(k.at).jst})`
                    : amending
                      ? "amendments proposed"
                      : "awaiting confirmation"}
                </li>
              );
            })}
          </ul>
          {ownAnswer === "confirmed" ? <p className="small">{organization} has confirmed this version.</p> : null}
          {ownAnswer === "amending" ? (
            <p className="small">{organization}&apos;s amendments await the drafter&apos;s decision.</p>
          ) : null}
          {canRespond ? (
            <div className="minutes__respond no-print">
              <Form method="post">
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="number" value={current.number} />
                <button type="submit" className="button button--primary">
                  Confirm version {current.number} for {organization}
                </button>
              </Form>
              <Form
                method="post"
                className="form"
                aria-labelledby="amend-title"
                key={`amend-${current.number}-${failed ? "f" : "o"}`}
              >
                <h3 id="amend-title">Propose an amendment</h3>
                <input type="hidden" name="intent" value="propose" />
                <input type="hidden" name="number" value={current.number} />
                <div className="field">
                  <label className="field__label" htmlFor="amend-paragraph">
                    Paragraph
                  </label>
                  <select
                    id="amend-paragraph"
                    name="paragraph"
                    className="input"
                    defaultValue={typed("paragraph") ?? ""}
                    aria-invalid={failed?.fieldErrors.paragraph ? true : undefined}
                    aria-describedby={failed?.fieldErrors.paragraph ? "paragraph-error" : undefined}
                  >
                    <option value="">Choose a paragraph…</option>
                    {current.paragraphsHtml.map((_, i) => (
                      <option key={i} value={i + 1}>
                        Paragraph {i + 1}
                      </option>
                    ))}
                  </select>
                  <FieldError
                    id="paragraph-error"
                    message={failed?.intent === "propose" ? failed.fieldErrors.paragraph : undefined}
                  />
                </div>
                <label className="field">
                  <span className="field__label">Proposed wording</span>
                  <textarea
                    name="proposedText"
                    className="input"
                    rows={4}
                    defaultValue={typed("proposedText") ?? ""}
                    aria-invalid={failed?.fieldErrors.proposedText ? true : undefined}
                    aria-describedby={failed?.fieldErrors.proposedText ? "proposed-error" : undefined}
                  />
                  <FieldError
                    id="proposed-error"
                    message={failed?.intent === "propose" ? failed.fieldErrors.proposedText : undefined}
                  />
                </label>
                <label className="field">
                  <span className="field__label">Reason</span>
                  <textarea
                    name="reason"
                    className="input"
                    rows={2}
                    defaultValue={typed("reason") ?? ""}
                    aria-invalid={failed?.fieldErrors.reason ? true : undefined}
                    aria-describedby={failed?.fieldErrors.reason ? "reason-error" : undefined}
                  />
                  <FieldError id="reason-error" message={failed?.intent === "propose" ? failed.fieldErrors.reason : undefined} />
                </label>
                <div className="form-actions">
                  <button type="submit" className="button">
                    Propose amendment
                  </button>
                </div>
              </Form>
            </div>
          ) : null}
        </section>
      ) : null}

      {amendments.length > 0 ? (
        <section className="card" aria-labelledby="amendments-title">
          <h2 id="amendments-title">Amendments</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Paragraph</th>
                  <th scope="col">Proposed by</th>
                  <th scope="col">Proposed wording</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {amendments.map((a) => (
                  <tr key={a.id}>
                    <td>{a.number}</td>
                    <td>{a.paragraph}</td>
                    <td>
                      {a.organization} ({a.proposedBy})<br />
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
                                className={
                                  decision === "accept" ? "button button--small button--primary" : "button button--small"
                                }
                                aria-label={`${decision === "accept" ? "Accept" : "Reject"} the amendment to paragraph ${a.paragraph} by ${a.organization}`}
                              >
                                {decision === "accept" ? "Accept" : "Reject"}
                              </button>
                            </Form>
                          ))}
                        </div>
                      ) : (
                        <span className={`badge minutes__amendment--${a.status}`}>{AMENDMENT_LABELS[a.status]}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {versions.length > 0 ? (
        <section className="card" aria-labelledby="versions-title">
          <h2 id="versions-title">Versions</h2>
          <ol className="minutes__versions">
            {versions.map((v) => (
              <li key={v.number}>
                Version {v.number}: circulated by {v.circulatedBy}, {zones(v.circulatedAt).ist} ({zones(v.circulatedAt).jst});{" "}
                {v.confirmations.length} of {v.parties.length} confirmations
                {v.number === m?.agreedNumber ? " · agreed" : ""}
              </li>
            ))}
          </ol>
          {diff ? (
            <>
              <Form method="get" className="filters no-print">
                <label className="filter">
                  <span>From version</span>
                  <select name="from" className="input" defaultValue={diff.from}>
                    {versions.map((v) => (
                      <option key={v.number} value={v.number}>
                        {v.number}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="filter">
                  <span>To version</span>
                  <select name="to" className="input" defaultValue={diff.to}>
                    {versions.map((v) => (
                      <option key={v.number} value={v.number}>
                        {v.number}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="button">
                  Compare
                </button>
              </Form>
              <h3>
                Changes from version {diff.from} to version {diff.to}
              </h3>
              <p className="minutes__diff" aria-label={`Changes from version ${diff.from} to version ${diff.to}`}>
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

function DraftField({ value, error }: { value: string; error: string | undefined }) {
  return (
    <label className="field">
      <span className="field__label">Text of the minutes</span>
      <span className="field__hint small muted">
        Markdown. Separate paragraphs with a blank line; they are numbered in that order. The consultation&apos;s internal notes
        are not part of the minutes.
      </span>
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
