import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { Documents } from "~/components/Documents";
import {
  FieldErrorText,
  FormError,
  Notice,
  SubmitButton,
  TextAreaField,
  TextField,
  usePending,
  useValidatedForm,
} from "~/components/forms";
import { getFixedT, getLocale } from "~/i18n.server";
import { assertCan, can, canReadField, isInternal } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import {
  decideDemandRequest,
  getDemandRequest,
  listDecisions,
  remainingBalanceKg,
  takeUnderReview,
  withdrawDemandRequest,
  type DecisionResult,
  type TransitionResult,
} from "~/models/demand.server";
import { recordDocuments } from "~/models/documents.server";
import { fiscalYearDates } from "~/models/fiscal-year";
import { supplyFigureFor, supplyYears } from "~/models/supply.server";
import { decisionActionSchema, decisionSchema } from "~/schemas/demand";
import styles from "~/styles/demand.css";
import { getDb } from "~/utils/db.server";
import { DEMAND_STATUS_BADGES } from "~/utils/demand-labels";
import { readFormData } from "~/utils/form-body.server";
import { formatTonnes, readerFor, useFormat } from "~/utils/format";
import { failure, formDataToObject, parseForm, versionField, type FormFailure } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { catalogWord, pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { stylesheetLinks } from "~/utils/route-head";
import { parseTonnes } from "~/utils/tonnes";
import { DECISION_OUTCOMES, type DemandStatus } from "~db/schema";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links = stylesheetLinks(styles);
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "demand:detail.pageTitle", {
          material: catalogWord(matches, `labels:material.${data.request.material}`, data.request.material),
          year: data.request.fiscal_year,
        })
      : pageTitle(matches, "demand:detail.fallbackTitle"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "demand:read");
  const db = getDb();
  const row = await getDemandRequest(db, user, params.requestId ?? "");
  if (!row) notFound();
  const decisions = await listDecisions(db, row.id);
  const internal = isInternal(user);
  const balance = canReadField(user, "demand_decision.balance");
  let supply = null;
  if (can(user, "supply:read")) {
    const [figure, remainingKg, years] = await Promise.all([
      supplyFigureFor(db, row.material, row.fiscal_year),
      remainingBalanceKg(db, row.material, row.fiscal_year, row.id),
      supplyYears(db, user),
    ]);
    const year = years.find((y) => y.material === row.material && y.fiscalYear === row.fiscal_year);
    supply = {
      figure: figure && {
        productionKg: figure.production_kg,
        basis: figure.production_basis,
        exportsKg: figure.exports_kg,
        reserveKg: figure.reserve_kg,
      },
      remainingKg,
      pendingKg: year?.pendingKg ?? 0,
    };
  }
  const resource = { organizationId: row.organization_id, status: row.status };
  return {
    internal,
    attachments: await recordDocuments(db, user, "demand_request", row.id),
    request: {
      id: row.id,
      version: row.version,
      material: row.material,
      fiscal_year: row.fiscal_year,
      quantity_kg: row.quantity_kg,
      allocated_kg: row.allocated_kg,
      sector: row.sector,
      end_use: row.end_use,
      justification: row.justification,
      for_indian_magnets: row.for_indian_magnets,
      status: row.status,
      current_decision_id: row.current_decision_id,
      organization_name: row.organization_name,
      submitter_name: row.submitter_name,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    decisions: decisions.map((d) => ({
      id: d.id,
      outcome: d.outcome,
      allocated_kg: d.allocated_kg,
      reasons: d.reasons,
      decided_by_name: d.decided_by_name,
      decided_at: d.decided_at,
      supersedes_id: d.supersedes_id,
      current: d.id === row.current_decision_id,
      remaining_balance_kg: balance ? d.remaining_balance_kg : null,
      over_balance_confirmed: balance ? d.over_balance_confirmed === 1 : false,
    })),
    supply,
    canWithdraw: can(user, "demand:withdraw", resource),
    canReview: can(user, "demand:review", resource),
    canDecide: can(user, "demand:decide", resource),
  };
}

const STALE =
  "This request changed while you were looking at it. The page now shows its current state; your input is kept below.";

function transitionFailure(intent: string, result: Exclude<TransitionResult, { ok: true }>, notAllowed: string) {
  if (result.reason === "not_found") notFound();
  return data({ intent, ...failure({}, {}, result.reason === "conflict" ? STALE : notAllowed) }, { status: 409 });
}

type ServerWords = { t: TFunction; tonnes: (kg: number) => string };

function decisionFailure(
  result: Exclude<DecisionResult, { ok: true }>,
  values: Record<string, unknown>,
  { t, tonnes }: ServerWords,
) {
  const intent = "decide";
  if (result.reason === "not_found") return notFound();
  switch (result.reason === "refused" ? result.code : result.reason) {
    case "not_allowed":
      return data(
        { intent, ...failure({}, values, "This request was withdrawn by its submitter and can no longer be decided.") },
        { status: 409 },
      );
    case "conflict": {
      const { current } = result as Extract<typeof result, { reason: "conflict" }>;
      const status = t(`labels:demandStatus.${current.status}`).toLowerCase();
      return data(
        {
          intent,
          ...failure(
            {},
            values,
            current.allocated_kg
              ? t("messages.decidedElsewhereAllocated", { status, amount: tonnes(current.allocated_kg) })
              : t("messages.decidedElsewhere", { status }),
          ),
        },
        { status: 409 },
      );
    }
    case "needs_confirmation": {
      const { remainingKg, current } = result as Extract<typeof result, { code: "needs_confirmation" }>;
      return data(
        {
          intent,
          needsConfirmation: true as const,
          ...failure(
            { confirmOverBalance: "Tick this box to confirm the allocation beyond the remaining balance." },
            values,
            t("messages.overBalance", {
              amount: tonnes(remainingKg),
              material: t(`labels:material.${current.material}`),
              year: current.fiscal_year,
            }),
          ),
        },
        { status: 400 },
      );
    }
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "demand:read");
  const db = getDb();
  const row = await getDemandRequest(db, user, params.requestId ?? "");
  if (!row) notFound();
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const version = versionField.safeParse(formData.get("version"));

  if (intent === "withdraw" || intent === "review") {
    if (!version.success)
      return data({ intent, ...failure({}, {}, "The form is missing its version; reload the page.") }, { status: 400 });
    if (intent === "withdraw") {
      assertCan(user, "demand:withdraw");
      const result = await withdrawDemandRequest(db, user, row.id, version.data);
      if (!result.ok) return transitionFailure(intent, result, "A request can be withdrawn only before it is decided.");
      return data({ intent, ok: true as const, message: "Request withdrawn. It stays on record and is no longer considered." });
    }
    assertCan(user, "demand:review");
    const result = await takeUnderReview(db, user, row.id, version.data);
    if (!result.ok) return transitionFailure(intent, result, "Only a newly submitted request can be taken under review.");
    return data({ intent, ok: true as const, message: "Request taken under review. The submitter sees its new status." });
  }

  if (intent === "decide") {
    assertCan(user, "demand:decide");
    const schema = decisionActionSchema(row.quantity_kg);
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const values = formDataToObject(formData, schema);
    const result = await decideDemandRequest(db, user, row.id, parsed.data);
    // These messages carry figures and labels: they are worded here, in the reader's language.
    const locale = await getLocale(request);
    const t = await getFixedT(locale, "demand");
    const reader = readerFor(user, locale);
    const tonnes = (kg: number) => formatTonnes(kg, reader);
    if (!result.ok) return decisionFailure(result, values, { t, tonnes });
    // Mid-sentence in English; no case in Japanese or Hindi.
    const status = t(`labels:demandStatus.${result.record.status}`).toLowerCase();
    const allocated = result.record.decision?.allocated_kg;
    return data({
      intent,
      ok: true as const,
      message: allocated
        ? t("messages.decidedAllocated", { status, amount: tonnes(allocated) })
        : t("messages.decided", { status }),
    });
  }

  return data({ intent, ...failure({}, {}, "Unknown action.") }, { status: 400 });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** A refused decision as the action answers it: the form's failure, perhaps asking to confirm an over-balance allocation. */
type DecisionFailure = Pick<FormFailure, "fieldErrors" | "values" | "formError"> & { needsConfirmation?: boolean };

function DecisionForm({
  request,
  remainingKg,
  failed,
}: {
  request: LoaderData["request"];
  remainingKg: number | null;
  failed: DecisionFailure | undefined;
}) {
  const pending = usePending();
  const { t } = useTranslation("demand");
  const fmt = useFormat();
  const schema = useMemo(() => decisionSchema(request.quantity_kg), [request.quantity_kg]);
  const values = failed?.values ?? {};
  const defaults = { outcome: "approved", ...values, confirmOverBalance: values.confirmOverBalance === "on" };
  const { form, register, onSubmit, errorFor } = useValidatedForm(schema, {
    defaultValues: defaults,
    serverErrors: failed?.fieldErrors,
  });
  const outcome = form.watch("outcome");
  const allocatedText = form.watch("allocated");
  const allocatedKg =
    outcome === "approved"
      ? request.quantity_kg
      : outcome === "partially_approved"
        ? (() => {
            const p = parseTonnes(allocatedText ?? "");
            return p.ok ? p.kg : 0;
          })()
        : 0;
  const exceeds = remainingKg !== null && allocatedKg > 0 && allocatedKg > remainingKg;
  const showConfirm = exceeds || failed?.needsConfirmation === true;
  const revising = request.current_decision_id !== null;
  const outcomeError = errorFor("outcome");
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="stack">
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="version" value={request.version} />
      <input type="hidden" name="replaces" value={request.current_decision_id ?? ""} />
      <FormError message={failed?.formError} />
      <fieldset className={outcomeError ? "field field--invalid choice-group" : "field choice-group"}>
        <legend className="field__label">{t("decide.decision")}</legend>
        {DECISION_OUTCOMES.map((o) => (
          <label key={o} className="checkbox">
            <input type="radio" value={o} {...register("outcome")} defaultChecked={defaults.outcome === o} />
            <span>
              {t(`labels:outcome.${o}`)}
              {o === "approved" ? <span className="muted"> ({fmt.tonnes(request.quantity_kg)})</span> : null}
            </span>
          </label>
        ))}
        <FieldErrorText error={outcomeError} />
      </fieldset>
      <TextField
        label={t("decide.allocated")}
        inputMode="decimal"
        autoComplete="off"
        hint={t("decide.allocatedHint", { amount: fmt.tonnes(request.quantity_kg) })}
        error={errorFor("allocated")}
        registration={register("allocated")}
      />
      <TextAreaField
        label={t("decide.reasons")}
        required
        hint={t("decide.reasonsHint")}
        error={errorFor("reasons")}
        registration={register("reasons")}
      />
      {showConfirm ? (
        <div className={errorFor("confirmOverBalance") ? "notice notice--warn field--invalid" : "notice notice--warn"}>
          <p>
            {remainingKg !== null && remainingKg <= 0
              ? t("decide.nothingRemains", { year: request.fiscal_year, amount: fmt.tonnes(remainingKg) })
              : t("decide.onlyRemains", { year: request.fiscal_year, amount: fmt.tonnes(remainingKg ?? 0) })}{" "}
            {t("decide.shortfall", { amount: fmt.tonnes(allocatedKg || request.quantity_kg) })}
          </p>
          <label className="checkbox">
            <input type="checkbox" {...register("confirmOverBalance")} defaultChecked={defaults.confirmOverBalance} />
            <span>{t("decide.confirm")}</span>
          </label>
          <FieldErrorText error={errorFor("confirmOverBalance")} />
        </div>
      ) : null}
      <div className="form-actions">
        <SubmitButton pending={pending} pendingLabel={t("decide.recording")}>
          {revising ? t("decide.recordNew") : t("decide.record")}
        </SubmitButton>
      </div>
    </Form>
  );
}

function StatusBadge({ status }: { status: DemandStatus }) {
  const { t } = useTranslation();
  return <span className={DEMAND_STATUS_BADGES[status]}>{t(`labels:demandStatus.${status}`)}</span>;
}

export default function DemandRequestPage() {
  const fmt = useFormat();
  const { t } = useTranslation("demand");
  const { attachments, internal, request, decisions, supply, canWithdraw, canReview, canDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const okMessage =
    actionData && "message" in actionData ? actionData.message : params.get("submitted") ? t("detail.submitted") : null;
  const failedIntent = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const dates = fiscalYearDates(request.fiscal_year);
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const decisionFailure: DecisionFailure | undefined =
    actionData?.intent === "decide" && "fieldErrors" in actionData ? actionData : undefined;
  const otherFailure = failedIntent && failedIntent.intent !== "decide" ? failedIntent : undefined;

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/demand">{internal ? t("list.title") : t("list.ourTitle")}</Link>
        </p>
        <h1>
          {t("detail.heading", {
            material: t(`labels:material.${request.material}`),
            amount: fmt.tonnes(request.quantity_kg),
            year: request.fiscal_year,
          })}
        </h1>
        <p className="muted">
          {request.organization_name} · <StatusBadge status={request.status} />
          {request.allocated_kg !== null && request.status !== "rejected" ? (
            <> · {t("detail.allocated", { amount: fmt.tonnes(request.allocated_kg) })}</>
          ) : null}
        </p>
      </header>

      {okMessage ? <Notice>{okMessage}</Notice> : null}
      <FormError message={otherFailure?.formError} />

      <div className="grid-2 grid-2--top">
        <section className="card" aria-labelledby="request-title">
          <h2 id="request-title">{t("list.colRequest")}</h2>
          <dl className="facts">
            <dt>{t("list.status")}</dt>
            <dd>
              <StatusBadge status={request.status} />
            </dd>
            <dt>{t("list.material")}</dt>
            <dd>{t(`labels:material.${request.material}`)}</dd>
            <dt>{t("detail.quantity")}</dt>
            <dd>{fmt.tonnes(request.quantity_kg)}</dd>
            <dt>{t("list.fiscalYear")}</dt>
            <dd>
              {request.fiscal_year}
              {dates ? (
                <span className="muted">
                  {" "}
                  ({fmt.plainDate(dates.from)} – {fmt.plainDate(dates.to)})
                </span>
              ) : null}
            </dd>
            <dt>{t("list.sector")}</dt>
            <dd>{t(`labels:sector.${request.sector}`)}</dd>
            <dt>{t("new.endUse")}</dt>
            <dd>{request.end_use}</dd>
            <dt>{t("detail.forIndianMagnets")}</dt>
            <dd>{request.for_indian_magnets ? t("detail.yes") : t("detail.no")}</dd>
            <dt>{t("list.colSubmitted")}</dt>
            <dd>
              {request.submitter_name
                ? t("detail.submittedBy", { date: fmt.dateTime(request.created_at), name: request.submitter_name })
                : t("detail.submittedByLetter", { date: fmt.dateTime(request.created_at) })}
            </dd>
          </dl>
          <h3>{t("new.justification")}</h3>
          <p className="prose">{request.justification}</p>
          {canWithdraw ? (
            <Form method="post" className="form-actions">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="version" value={request.version} />
              <button type="submit" className="button button--danger">
                {t("detail.withdraw")}
              </button>
              <span className="muted small">{t("detail.withdrawHint")}</span>
            </Form>
          ) : null}
        </section>

        {supply ? (
          <section className="card" aria-labelledby="supply-title">
            <h2 id="supply-title">
              {/* Lower case mid-sentence in English; Japanese and Hindi have no case. */}
              {t("detail.supplyOf", {
                material: t(`labels:material.${request.material}`).toLowerCase(),
                year: request.fiscal_year,
              })}
            </h2>
            {supply.figure ? (
              <table className="table table--dense figures">
                <tbody>
                  <tr>
                    <th scope="row">
                      {t("detail.production", { basis: t(`labels:basis.${supply.figure.basis}`).toLowerCase() })}
                    </th>
                    <td className="num">{fmt.tonnes(supply.figure.productionKg)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("detail.exports")}</th>
                    <td className="num">{fmt.tonnes(supply.figure.exportsKg)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("detail.reserve")}</th>
                    <td className="num">{fmt.tonnes(supply.figure.reserveKg)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("detail.otherAllocations")}</th>
                    <td className="num">
                      {fmt.tonnes(
                        supply.figure.productionKg - supply.figure.exportsKg - supply.figure.reserveKg - supply.remainingKg,
                      )}
                    </td>
                  </tr>
                  <tr className={supply.remainingKg < 0 ? "row--shortfall" : "row--total"}>
                    <th scope="row">{supply.remainingKg < 0 ? t("detail.shortfallBefore") : t("detail.remaining")}</th>
                    <td className="num">{fmt.tonnes(supply.remainingKg)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("detail.pending")}</th>
                    <td className="num">{fmt.tonnes(supply.pendingKg)}</td>
                  </tr>
                  {request.allocated_kg ? (
                    <tr>
                      <th scope="row">{t("detail.currentAllocation")}</th>
                      <td className="num">{fmt.tonnes(request.allocated_kg)}</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            ) : (
              <p className="notice notice--warn">{t("detail.noFigure")}</p>
            )}
            <p className="small">
              <Link to={`/supply?material=${request.material}`}>{t("detail.allYears")}</Link>
            </p>
          </section>
        ) : null}
      </div>

      <section className="card" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t("detail.decisions")}</h2>
        {decisions.length === 0 ? <p className="muted">{t("detail.noDecision")}</p> : null}
        <ol className="decisions">
          {[...decisions].reverse().map((d) => (
            <li key={d.id} className={d.current ? "decision decision--current" : "decision decision--superseded"}>
              <p>
                <span className={DEMAND_STATUS_BADGES[d.outcome]}>{t(`labels:demandStatus.${d.outcome}`)}</span>{" "}
                {d.outcome !== "rejected" ? (
                  <strong>{t("detail.allocated", { amount: fmt.tonnes(d.allocated_kg) })}</strong>
                ) : null}{" "}
                <span className="muted small">
                  {t("detail.decidedBy", { date: fmt.dateTime(d.decided_at), name: d.decided_by_name })}
                  {d.current ? t("detail.currentDecision") : t("detail.superseded")}
                </span>
              </p>
              <p className="prose">{d.reasons}</p>
              {d.supersedes_id ? (
                <p className="muted small">
                  {t("detail.replaces", {
                    date: fmt.dateTime(byId.get(d.supersedes_id)?.decided_at),
                    outcome: t(`labels:demandStatus.${byId.get(d.supersedes_id)?.outcome ?? "rejected"}`).toLowerCase(),
                  })}
                </p>
              ) : null}
              {d.over_balance_confirmed ? (
                <p className="small">
                  <span className="badge badge--danger">{t("detail.beyondBalance")}</span>{" "}
                  {t("detail.remainedWhenDecided", { amount: fmt.tonnes(d.remaining_balance_kg ?? 0) })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {canReview || canDecide ? (
        <section className="card card--form" aria-labelledby="decide-title">
          <h2 id="decide-title">{request.current_decision_id ? t("decide.change") : t("decide.title")}</h2>
          {request.current_decision_id ? <p className="muted">{t("decide.changeHint")}</p> : null}
          {canReview ? (
            <Form method="post" className="form-actions review-action">
              <input type="hidden" name="intent" value="review" />
              <input type="hidden" name="version" value={request.version} />
              <button type="submit" className="button">
                {t("decide.review")}
              </button>
              <span className="muted small">{t("decide.reviewHint")}</span>
            </Form>
          ) : null}
          {canDecide ? (
            <DecisionForm
              key={request.version}
              request={request}
              remainingKg={supply?.remainingKg ?? null}
              failed={decisionFailure}
            />
          ) : null}
        </section>
      ) : null}
      <Documents documents={attachments.documents} attachHref={attachments.attachHref} />
    </div>
  );
}
