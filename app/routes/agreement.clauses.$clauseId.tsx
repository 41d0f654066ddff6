import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, Notice } from "~/components/forms";
import { GapTable } from "~/components/Schedules";
import { assertCan, assignableVisibilities, can, concurrenceVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import {
  clauseDetail,
  getVisibleClause,
  proposeAmendment,
  respondToConcurrence,
  setClauseStatus,
  tableAmendment,
} from "~/models/clauses.server";
import { gapsOfIssues } from "~/models/positions.server";
import { amendmentSchema, clauseStatusSchema, concurrenceSchema, tablingSchema } from "~/schemas/agreement";
import { CLAUSE_STATUS_LABELS, CLAUSE_TOPIC_LABELS, CONCURRENCE_RESPONSE_LABELS, VISIBILITY_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { formatDateTime } from "~/utils/format";
import { failure } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { AGREEMENT_REFUSALS } from "~/utils/messages";
import { CLAUSE_STATUSES, CONCURRENCE_RESPONSES } from "~db/schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.clause.reference ?? "Clause"} · Accord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "agreement:read");
  const db = getDb();
  const clause = await getVisibleClause(db, user, params.clauseId ?? "");
  if (!clause) notFound();
  const detail = await clauseDetail(db, user, clause);
  const gaps = await gapsOfIssues(
    db,
    user,
    detail.issues.map((i) => i.id),
  );
  const organizations = can(user, "amendments:propose")
    ? (
        await db
          .selectFrom("organizations")
          .select(["id", "short_name", "side"])
          .where("archived_at", "is", null)
          .orderBy("name")
          .execute()
      ).filter((o) => can(user, "amendments:propose", { organizationId: o.id, organizationSide: o.side }))
    : [];
  return {
    clause,
    ...detail,
    gaps: detail.issues.map((i) => ({ ...i, gaps: gaps.get(i.id) ?? [] })).filter((i) => i.gaps.length > 0),
    proposeFor: organizations.map((o) => ({ id: o.id, name: o.short_name })),
    visibilities: assignableVisibilities(user),
    concurrenceVisibilities: concurrenceVisibilities(user),
    myOrganizationId: user.organizationId,
    canRespond: can(user, "concurrence:respond"),
    canTable: can(user, "amendments:table"),
    canManage: can(user, "clauses:manage"),
  };
}

type Intent = "propose" | "concur" | "table" | "status";

function refusal(intent: Intent, code: string, values: Record<string, unknown>) {
  const words = AGREEMENT_REFUSALS[code] ?? { message: "That could not be done." };
  return invalidForm(words.field ? { [words.field]: words.message } : {}, values, words.field ? undefined : words.message, 400, {
    intent,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "agreement:read");
  const db = getDb();
  const clause = await getVisibleClause(db, user, params.clauseId ?? "");
  if (!clause) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "propose") {
    assertCan(user, "amendments:propose");
    const parsed = checkForm(amendmentSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const result = await proposeAmendment(db, user, clause, parsed.data);
    if (!result.ok) return refusal(intent, result.code, parsed.data);
    return data({ ok: true as const, intent, message: "Proposal recorded." });
  }

  if (intent === "concur") {
    assertCan(user, "concurrence:respond");
    const parsed = checkForm(concurrenceSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const result = await respondToConcurrence(db, user, clause, parsed.data);
    if (!result.ok) {
      if (result.reason === "not_found") notFound();
      if (result.reason === "refused") return refusal(intent, result.code, parsed.data);
    }
    return data({ ok: true as const, intent, message: "Your organization's answer is recorded." });
  }

  if (intent === "table") {
    assertCan(user, "amendments:table");
    const parsed = checkForm(tablingSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const result = await tableAmendment(db, user, clause, parsed.data.amendmentId);
    if (!result.ok) {
      if (result.reason === "not_found") notFound();
      if (result.reason === "refused") return refusal(intent, result.code, parsed.data);
    }
    return data({ ok: true as const, intent, message: "Tabled: the proposal is now shared with the parties." });
  }

  if (intent === "status") {
    assertCan(user, "clauses:manage");
    const parsed = checkForm(clauseStatusSchema, formData, { intent });
    if (!parsed.ok) return parsed.response;
    const result = await setClauseStatus(db, user, clause.id, parsed.data.version, parsed.data.status, parsed.data.note);
    if (!result.ok) {
      if (result.reason === "not_found") notFound();
      if (result.reason === "conflict") {
        return data(
          {
            ...failure({}, parsed.data, "Someone changed this clause's status meanwhile: check the history and try again."),
            intent,
          },
          { status: 409 },
        );
      }
    }
    return data({ ok: true as const, intent, message: "Status changed." });
  }

  return invalidForm({}, {}, "Unknown action.", 400, { intent: "propose" as Intent });
}

export default function ClausePage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("agreement");
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const errorFor = (intent: Intent, field: string) =>
    failed?.intent === intent ? (failed.fieldErrors as Record<string, string | undefined>)[field] : undefined;
  const { clause } = d;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/agreement">{t("clause.back")}</Link>
        </p>
        <h1>
          {clause.reference}: {clause.title}
        </h1>
        <p>
          <span className="badge">{CLAUSE_STATUS_LABELS[clause.status]}</span>{" "}
          <span className="badge badge--muted">{CLAUSE_TOPIC_LABELS[clause.topic]}</span>{" "}
          <span className="badge badge--muted">{VISIBILITY_LABELS[clause.visibility]}</span>
        </p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      {failed?.formError ? <FormError message={failed.formError} /> : null}

      <section className="card" aria-labelledby="text-title">
        <h2 id="text-title">{t("clause.currentText")}</h2>
        {clause.illustrative ? <p className="small muted">{t("clause.illustrativeNote")}</p> : null}
        <blockquote className="clause-text">{clause.current_text}</blockquote>
        {d.issues.length ? (
          <p>
            {t("clause.issues")}{" "}
            {d.issues.map((i, n) => (
              <span key={i.id}>
                {n ? ", " : null}
                <Link to={`/issues/${i.id}`}>{i.title}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </section>

      {d.gaps.length ? (
        <section className="card" aria-labelledby="tonnes-title">
          <h2 id="tonnes-title">{t("position.onClause")}</h2>
          <p className="small muted">{t("position.onClauseIntro")}</p>
          {d.gaps.map((i) => (
            <div key={i.id} className="stack">
              <h3>
                <Link to={`/issues/${i.id}`}>{i.title}</Link>
              </h3>
              <GapTable gaps={i.gaps} />
            </div>
          ))}
        </section>
      ) : null}

      <section className="card" aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t("clause.proposals")}</h2>
        {d.amendments.length === 0 ? <p className="muted">{t("clause.noProposals")}</p> : null}
        <ol className="amendments">
          {d.amendments.map((a) => {
            const mine = a.concurrence?.required.find((r) => r.organizationId === d.myOrganizationId);
            return (
              <li key={a.id} aria-label={t("clause.proposalBy", { organization: a.organization })}>
                <p>
                  <strong>{a.organization}</strong>, {formatDateTime(a.createdAt)} · {VISIBILITY_LABELS[a.visibility]}
                  {a.onTable ? <span className="badge badge--ok"> {t("clause.onTable")}</span> : null}
                  {a.needsConcurrence && !a.tabledAt ? (
                    <span className="badge badge--warn"> {t("clause.inConcurrence")}</span>
                  ) : null}
                  {a.tabledAt ? (
                    <span className="small muted"> · {t("clause.tabled", { at: formatDateTime(a.tabledAt) })}</span>
                  ) : null}
                </p>
                <p className="diff" aria-label={t("clause.diff")}>
                  {a.diff.map((p, n) =>
                    p.change === "added" ? (
                      <ins key={n}>{p.text}</ins>
                    ) : p.change === "removed" ? (
                      <del key={n}>{p.text}</del>
                    ) : (
                      <span key={n}>{p.text}</span>
                    ),
                  )}
                </p>
                {a.rationale ? <p className="small">{t("clause.rationale", { text: a.rationale })}</p> : null}
                {a.concurrence ? (
                  <table className="table table--compact">
                    <caption>{t("clause.concurrence")}</caption>
                    <tbody>
                      {a.concurrence.required.map((r) => (
                        <tr key={r.organizationId}>
                          <th scope="row">{r.organization}</th>
                          <td>{r.response ? CONCURRENCE_RESPONSE_LABELS[r.response] : t("clause.awaited")}</td>
                          <td>{r.comment ?? ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {d.canRespond && mine && !mine.response && !a.tabledAt ? (
                  <Form method="post" className="form form--inline">
                    <input type="hidden" name="intent" value="concur" />
                    <input type="hidden" name="amendmentId" value={a.id} />
                    <label>
                      {t("clause.answer")}
                      <select name="response" defaultValue="concur">
                        {CONCURRENCE_RESPONSES.map((r) => (
                          <option key={r} value={r}>
                            {CONCURRENCE_RESPONSE_LABELS[r]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t("clause.comment")}
                      <textarea name="comment" rows={2} aria-invalid={errorFor("concur", "comment") ? true : undefined} />
                    </label>
                    {errorFor("concur", "comment") ? <p className="field-error">{errorFor("concur", "comment")}</p> : null}
                    <label>
                      {t("clause.commentVisibility")}
                      <select name="visibility" defaultValue="internal">
                        {d.concurrenceVisibilities.map((v) => (
                          <option key={v} value={v}>
                            {VISIBILITY_LABELS[v]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button type="submit" className="button">
                      {t("clause.giveConcurrence")}
                    </button>
                  </Form>
                ) : null}
                {d.canTable && a.concurrence?.complete && !a.tabledAt && a.visibility !== "restricted" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="table" />
                    <input type="hidden" name="amendmentId" value={a.id} />
                    <button type="submit" className="button button--primary">
                      {t("clause.table")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      {d.proposeFor.length ? (
        <section className="card" aria-labelledby="propose-title">
          <h2 id="propose-title">{t("clause.propose")}</h2>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="propose" />
            <label>
              {t("clause.proposer")}
              <select name="organizationId">
                {d.proposeFor.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            {errorFor("propose", "organizationId") ? (
              <p className="field-error">{errorFor("propose", "organizationId")}</p>
            ) : null}
            <label>
              {t("clause.proposedText")}
              <textarea
                name="proposedText"
                rows={4}
                defaultValue={clause.current_text}
                aria-invalid={errorFor("propose", "proposedText") ? true : undefined}
              />
            </label>
            {errorFor("propose", "proposedText") ? <p className="field-error">{errorFor("propose", "proposedText")}</p> : null}
            <label>
              {t("clause.rationaleField")}
              <textarea name="rationale" rows={2} />
            </label>
            <label>
              {t("clause.visibility")}
              <select name="visibility" defaultValue="internal">
                {d.visibilities.map((v) => (
                  <option key={v} value={v}>
                    {VISIBILITY_LABELS[v]}
                  </option>
                ))}
              </select>
            </label>
            {errorFor("propose", "visibility") ? <p className="field-error">{errorFor("propose", "visibility")}</p> : null}
            <button type="submit" className="button">
              {t("clause.submitProposal")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("clause.history")}</h2>
        <ol>
          {d.history.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.at)}: {h.from_status ? `${CLAUSE_STATUS_LABELS[h.from_status]} → ` : `${t("clause.recordedAs")} `}
              {CLAUSE_STATUS_LABELS[h.to_status]}
              {h.actor ? ` ${t("clause.by", { name: h.actor })}` : ""}
              {h.note ? ` — ${h.note}` : ""}
            </li>
          ))}
        </ol>
        {d.canManage ? (
          <Form method="post" className="form form--inline">
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="version" value={clause.version} />
            <label>
              {t("clause.newStatus")}
              <select name="status" defaultValue={clause.status}>
                {CLAUSE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {CLAUSE_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("clause.note")}
              <input name="note" />
            </label>
            <button type="submit" className="button">
              {t("clause.changeStatus")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
