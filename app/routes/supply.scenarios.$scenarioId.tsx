import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Notice } from "~/components/forms";
import { ScenarioEditor } from "~/components/ScenarioEditor";
import { assertCan, can, scenarioVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { fiscalYearOf } from "~/models/fiscal-year";
import { initialCells } from "~/models/scenario-cells";
import { getScenario, scenarioBase, setScenarioArchived, updateScenario } from "~/models/supply.server";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { stylesheetLinks } from "~/utils/route-head";
import { conflictResponse, parseScenario, previewResponse, saveRefused } from "~/utils/scenario-form.server";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links = stylesheetLinks(styles);
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "supply:scenario.pageTitle", { name: data.scenario.name })
      : pageTitle(matches, "supply:scenario.fallbackTitle"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "scenario:read");
  const db = getDb();
  const found = await getScenario(db, user, params.scenarioId ?? "");
  if (!found) notFound();
  const context = await scenarioBase(db, user, fiscalYearOf(today()));
  const { scenario } = found;
  return {
    scenario: {
      id: scenario.id,
      name: scenario.name,
      description: scenario.description,
      visibility: scenario.visibility,
      version: scenario.version,
      archived_at: scenario.archived_at,
      updated_at: scenario.updated_at,
      created_by_name: scenario.created_by_name,
    },
    ...context,
    cells: initialCells(context.materials, context.years, context.committed, found.schedule),
    canEdit: can(user, "scenario:edit", { visibility: scenario.visibility }) && scenario.archived_at === null,
    visibilities: scenarioVisibilities(user),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "scenario:edit");
  const db = getDb();
  const found = await getScenario(db, user, params.scenarioId ?? "");
  if (!found) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "preview") return previewResponse(formData);
  if (found.scenario.archived_at !== null)
    return saveRefused({}, {}, "This scenario is archived and can no longer be changed.", 409);
  if (intent === "archive") {
    const version = versionField.safeParse(formData.get("version"));
    if (!version.success) return saveRefused({}, {}, "The form is missing its version; reload the page.");
    const result = await setScenarioArchived(db, user.id, found.scenario.id, version.data);
    if (!result.ok) return conflictResponse({});
    return redirect("/supply/scenarios");
  }
  if (intent !== "save") return saveRefused({}, {}, "Unknown action.");
  const parsed = parseScenario(formData, scenarioVisibilities(user));
  if (!parsed.ok) return parsed.response;
  const version = versionField.safeParse(formData.get("version"));
  if (!version.success) return saveRefused({}, parsed.values, "The form is missing its version; reload the page.");
  const result = await updateScenario(db, user.id, found.scenario.id, version.data, parsed.data);
  if (!result.ok) return conflictResponse(parsed.values);
  return data({ intent: "save" as const, cells: undefined, ok: true as const, fieldErrors: {}, message: "Scenario saved." });
}

export default function ScenarioPage() {
  const fmt = useFormat();
  const { scenario, base, materials, years, committed, cells, canEdit, visibilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = (actionData && "values" in actionData ? actionData.values : {}) as Record<string, string | undefined>;
  const { t } = useTranslation("supply");
  const message = actionData && "message" in actionData ? actionData.message : params.get("saved") ? t("scenario.saved") : null;
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/supply/scenarios">{t("scenarios.title")}</Link>
          </p>
          <h1>{scenario.name}</h1>
          <p className="muted">
            <span className={scenario.visibility === "restricted" ? "badge badge--danger" : "badge"}>
              {t(`labels:visibility.${scenario.visibility}`)}
            </span>{" "}
            {t("scenario.meta", { date: fmt.dateTime(scenario.updated_at), name: scenario.created_by_name })}
          </p>
          {scenario.description ? <p>{scenario.description}</p> : null}
        </div>
        <div className="form-actions no-print">
          <Link to={`/supply/scenarios/compare?a=committed&b=${scenario.id}`} className="button">
            {t("scenario.compareCommitted")}
          </Link>
          {canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <input type="hidden" name="version" value={scenario.version} />
              <button type="submit" className="button button--danger">
                {t("scenario.archive")}
              </button>
            </Form>
          ) : null}
        </div>
      </header>
      {message ? <Notice>{message}</Notice> : null}
      <ScenarioEditor
        key={`${scenario.version}-${JSON.stringify(actionData?.cells ?? null)}`}
        base={base}
        materials={materials}
        years={years}
        committed={committed}
        initialCells={actionData?.cells ?? cells}
        serverErrors={actionData?.fieldErrors}
        formError={actionData && "formError" in actionData ? actionData.formError : undefined}
        canEdit={canEdit}
        version={scenario.version}
        details={{
          name: values.name ?? scenario.name,
          description: values.description ?? scenario.description,
          visibility:
            (values.visibility as "internal" | "restricted" | undefined) ??
            (scenario.visibility === "restricted" ? "restricted" : "internal"),
        }}
        visibilities={visibilities}
      />
    </div>
  );
}
