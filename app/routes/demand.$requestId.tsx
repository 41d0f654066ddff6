import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";

import { FormError, Notice, SubmitButton, TextAreaField, TextField, usePending, useValidatedForm } from "~/components/forms";
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
import { fiscalYearDates } from "~/models/fiscal-year";
import { supplyFigureFor, supplyYears } from "~/models/supply.server";
import { decisionActionSchema, decisionSchema } from "~/schemas/demand";
import styles from "~/styles/demand.css";
import { getDb } from "~/utils/db.server";
import {
  BASIS_LABELS,
  DEMAND_STATUS_BADGES,
  DEMAND_STATUS_LABELS,
  MATERIAL_LABELS,
  OUTCOME_LABELS,
  SECTOR_LABELS,
} from "~/utils/demand-labels";
import { readFormData } from "~/utils/form-body.server";
import { formatDate, formatTonnes, useFormat } from "~/utils/format";
import { failure, formDataToObject, parseForm, versionField, type FormFailure } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { parseTonnes } from "~/utils/tonnes";
import { DECISION_OUTCOMES, type DemandStatus } from "~db/schema";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${MATERIAL_LABELS[data.request.material]}, ${data.request.fiscal_year} · Demand · Accord`
      : "Demand request · Accord",
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

function decisionFailure(result: Exclude<DecisionResult, { ok: true }>, values: Record<string, unknown>) {
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
      const now = DEMAND_STATUS_LABELS[current.status];
      return data(
        {
          intent,
          ...failure(
            {},
            values,
            `Another official decided this request while you were reviewing it (it is now ${now.toLowerCase()}${current.allocated_kg ? `, ${formatTonnes(current.allocated_kg)} allocated` : ""}). Your decision was not recorded. Read the current decision below; to change it, record a new decision that replaces it.`,
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
            `This allocation is more than the ${formatTonnes(remainingKg)} remaining for ${MATERIAL_LABELS[current.material]} in ${current.fiscal_year}. Nothing was recorded. Confirm below to allocate it anyway; the confirmation is kept with the decision.`,
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
    if (!result.ok) return decisionFailure(result, values);
    return data({
      intent,
      ok: true as const,
      message: `Decision recorded: ${DEMAND_STATUS_LABELS[result.record.status].toLowerCase()}${result.record.decision?.allocated_kg ? `, ${formatTonnes(result.record.decision.allocated_kg)} allocated` : ""}.`,
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
        <legend className="field__label">Decision</legend>
        {DECISION_OUTCOMES.map((o) => (
          <label key={o} className="checkbox">
            <input type="radio" value={o} {...register("outcome")} defaultChecked={defaults.outcome === o} />
            <span>
              {OUTCOME_LABELS[o]}
              {o === "approved" ? <span className="muted"> ({formatTonnes(request.quantity_kg)})</span> : null}
            </span>
          </label>
        ))}
        {outcomeError ? (
          <p className="field__error" role="alert">
            {outcomeError}
          </p>
        ) : null}
      </fieldset>
      <TextField
        label="Allocated tonnes"
        inputMode="decimal"
        autoComplete="off"
        hint={`For a partial approval: more than zero and less than the ${formatTonnes(request.quantity_kg)} requested.`}
        error={errorFor("allocated")}
        registration={register("allocated")}
      />
      <TextAreaField
        label="Reasons"
        required
        hint="The submitter reads these."
        error={errorFor("reasons")}
        registration={register("reasons")}
      />
      {showConfirm ? (
        <div className={errorFor("confirmOverBalance") ? "notice notice--warn field--invalid" : "notice notice--warn"}>
          <p>
            {remainingKg !== null && remainingKg <= 0
              ? `Nothing remains of the ${request.fiscal_year} balance for this material (${formatTonnes(remainingKg)}).`
              : `Only ${formatTonnes(remainingKg ?? 0)} remains of the ${request.fiscal_year} balance for this material.`}{" "}
            Allocating {formatTonnes(allocatedKg || request.quantity_kg)} creates a shortfall.
          </p>
          <label className="checkbox">
            <input type="checkbox" {...register("confirmOverBalance")} defaultChecked={defaults.confirmOverBalance} />
            <span>I confirm this allocation exceeds the remaining balance</span>
          </label>
          {errorFor("confirmOverBalance") ? (
            <p className="field__error" role="alert">
              {errorFor("confirmOverBalance")}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <SubmitButton pending={pending} pendingLabel="Recording…">
          {revising ? "Record new decision" : "Record decision"}
        </SubmitButton>
      </div>
    </Form>
  );
}

function StatusBadge({ status }: { status: DemandStatus }) {
  return <span className={DEMAND_STATUS_BADGES[status]}>{DEMAND_STATUS_LABELS[status]}</span>;
}

export default function DemandRequestPage() {
  const fmt = useFormat();
  const { internal, request, decisions, supply, canWithdraw, canReview, canDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const okMessage =
    actionData && "message" in actionData
      ? actionData.message
      : params.get("submitted")
        ? "Request submitted. Officials will review it; its status shows here."
        : null;
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
          <Link to="/demand">{internal ? "Demand requests" : "Our demand requests"}</Link>
        </p>
        <h1>
          {MATERIAL_LABELS[request.material]}, {formatTonnes(request.quantity_kg)} for {request.fiscal_year}
        </h1>
        <p className="muted">
          {request.organization_name} · <StatusBadge status={request.status} />
          {request.allocated_kg !== null && request.status !== "rejected" ? (
            <> · {formatTonnes(request.allocated_kg)} allocated</>
          ) : null}
        </p>
      </header>

      {okMessage ? <Notice>{okMessage}</Notice> : null}
      <FormError message={otherFailure?.formError} />

      <div className="grid-2 grid-2--top">
        <section className="card" aria-labelledby="request-title">
          <h2 id="request-title">Request</h2>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={request.status} />
            </dd>
            <dt>Material</dt>
            <dd>{MATERIAL_LABELS[request.material]}</dd>
            <dt>Quantity</dt>
            <dd>{formatTonnes(request.quantity_kg)}</dd>
            <dt>Fiscal year</dt>
            <dd>
              {request.fiscal_year}
              {dates ? (
                <span className="muted">
                  {" "}
                  ({formatDate(`${dates.from}T00:00:00+05:30`)} – {formatDate(`${dates.to}T00:00:00+05:30`)})
                </span>
              ) : null}
            </dd>
            <dt>Sector</dt>
            <dd>{SECTOR_LABELS[request.sector]}</dd>
            <dt>End use</dt>
            <dd>{request.end_use}</dd>
            <dt>For magnets made in India</dt>
            <dd>{request.for_indian_magnets ? "Yes" : "No"}</dd>
            <dt>Submitted</dt>
            <dd>
              {fmt.dateTime(request.created_at)}
              {request.submitter_name ? ` by ${request.submitter_name}` : " (recorded from a letter)"}
            </dd>
          </dl>
          <h3>Justification</h3>
          <p className="prose">{request.justification}</p>
          {canWithdraw ? (
            <Form method="post" className="form-actions">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="version" value={request.version} />
              <button type="submit" className="button button--danger">
                Withdraw request
              </button>
              <span className="muted small">Possible until a decision is made.</span>
            </Form>
          ) : null}
        </section>

        {supply ? (
          <section className="card" aria-labelledby="supply-title">
            <h2 id="supply-title">
              Supply of {MATERIAL_LABELS[request.material].toLowerCase()}, {request.fiscal_year}
            </h2>
            {supply.figure ? (
              <table className="table table--dense figures">
                <tbody>
                  <tr>
                    <th scope="row">IREL production ({BASIS_LABELS[supply.figure.basis].toLowerCase()})</th>
                    <td className="num">{formatTonnes(supply.figure.productionKg)}</td>
                  </tr>
                  <tr>
                    <th scope="row">− Committed exports to Japan</th>
                    <td className="num">{formatTonnes(supply.figure.exportsKg)}</td>
                  </tr>
                  <tr>
                    <th scope="row">− Strategic reserve</th>
                    <td className="num">{formatTonnes(supply.figure.reserveKg)}</td>
                  </tr>
                  <tr>
                    <th scope="row">− Allocated to other requests</th>
                    <td className="num">
                      {formatTonnes(
                        supply.figure.productionKg - supply.figure.exportsKg - supply.figure.reserveKg - supply.remainingKg,
                      )}
                    </td>
                  </tr>
                  <tr className={supply.remainingKg < 0 ? "row--shortfall" : "row--total"}>
                    <th scope="row">{supply.remainingKg < 0 ? "Shortfall before this request" : "Remaining for this request"}</th>
                    <td className="num">{formatTonnes(supply.remainingKg)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Pending demand (all undecided requests)</th>
                    <td className="num">{formatTonnes(supply.pendingKg)}</td>
                  </tr>
                  {request.allocated_kg ? (
                    <tr>
                      <th scope="row">This request's current allocation (a new decision replaces it)</th>
                      <td className="num">{formatTonnes(request.allocated_kg)}</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            ) : (
              <p className="notice notice--warn">
                No supply figure is recorded for this material and year: nothing can be allocated without confirming a shortfall.
              </p>
            )}
            <p className="small">
              <Link to={`/supply?material=${request.material}`}>Balance of all years</Link>
            </p>
          </section>
        ) : null}
      </div>

      <section className="card" aria-labelledby="decisions-title">
        <h2 id="decisions-title">Decisions</h2>
        {decisions.length === 0 ? <p className="muted">No decision yet.</p> : null}
        <ol className="decisions">
          {[...decisions].reverse().map((d) => (
            <li key={d.id} className={d.current ? "decision decision--current" : "decision decision--superseded"}>
              <p>
                <span className={DEMAND_STATUS_BADGES[d.outcome]}>{DEMAND_STATUS_LABELS[d.outcome]}</span>{" "}
                {d.outcome !== "rejected" ? <strong>{formatTonnes(d.allocated_kg)} allocated</strong> : null}{" "}
                <span className="muted small">
                  {fmt.dateTime(d.decided_at)} by {d.decided_by_name}
                  {d.current ? " · current decision" : " · superseded"}
                </span>
              </p>
              <p className="prose">{d.reasons}</p>
              {d.supersedes_id ? (
                <p className="muted small">
                  Replaces the decision of {fmt.dateTime(byId.get(d.supersedes_id)?.decided_at)} (
                  {DEMAND_STATUS_LABELS[byId.get(d.supersedes_id)?.outcome ?? "rejected"].toLowerCase()}).
                </p>
              ) : null}
              {d.over_balance_confirmed ? (
                <p className="small">
                  <span className="badge badge--danger">Confirmed beyond balance</span>{" "}
                  {formatTonnes(d.remaining_balance_kg ?? 0)} remained when decided.
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {canReview || canDecide ? (
        <section className="card card--form" aria-labelledby="decide-title">
          <h2 id="decide-title">{request.current_decision_id ? "Change the decision" : "Decide"}</h2>
          {request.current_decision_id ? (
            <p className="muted">
              A decision is made once. A new decision is recorded beside the current one, names it as replaced, and is audited.
            </p>
          ) : null}
          {canReview ? (
            <Form method="post" className="form-actions review-action">
              <input type="hidden" name="intent" value="review" />
              <input type="hidden" name="version" value={request.version} />
              <button type="submit" className="button">
                Take under review
              </button>
              <span className="muted small">Tells the submitter the request is being considered.</span>
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
    </div>
  );
}
