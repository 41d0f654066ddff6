import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { Notice } from "~/components/forms";
import { ScenarioEditor } from "~/components/ScenarioEditor";
import { assertCan, can, scenarioVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { fiscalYearOf } from "~/models/fiscal-year";
import { initialCells } from "~/models/scenario-cells";
import { getScenario, scenarioBase, setScenarioArchived, updateScenario } from "~/models/supply.server";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { VISIBILITY_LABELS } from "~/utils/common-labels";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { failure, versionField } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { conflictResponse, parseScenario, previewResponse } from "~/utils/scenario-form.server";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.scenario.name ?? "Scenario"} · What-if · Accord` },
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
  if (found.scenario.archived_at !== null) {
    return data(
      {
        intent: "save" as const,
        cells: undefined,
        ...failure({}, {}, "This scenario is archived and can no longer be changed."),
      },
      { status: 409 },
    );
  }
  if (intent === "archive") {
    const version = versionField.safeParse(formData.get("version"));
    if (!version.success)
      return data(
        { intent: "save" as const, cells: undefined, ...failure({}, {}, "The form is missing its version; reload the page.") },
        { status: 400 },
      );
    const result = await setScenarioArchived(db, user.id, found.scenario.id, version.data);
    if (!result.ok) return conflictResponse({});
    return redirect("/supply/scenarios");
  }
  if (intent !== "save")
    return data({ intent: "save" as const, cells: undefined, ...failure({}, {}, "Unknown action.") }, { status: 400 });
  const parsed = parseScenario(formData);
  if (!parsed.ok) return parsed.response;
  if (!scenarioVisibilities(user).includes(parsed.data.visibility)) {
    return data(
      { intent: "save" as const, cells: parsed.cells, ...failure({ visibility: "Choose a level you may see." }, parsed.values) },
      { status: 400 },
    );
  }
  const version = versionField.safeParse(formData.get("version"));
  if (!version.success)
    return data(
      {
        intent: "save" as const,
        cells: parsed.cells,
        ...failure({}, parsed.values, "The form is missing its version; reload the page."),
      },
      { status: 400 },
    );
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
  const message = actionData && "message" in actionData ? actionData.message : params.get("saved") ? "Scenario saved." : null;
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/supply/scenarios">Phase-down what-if</Link>
          </p>
          <h1>{scenario.name}</h1>
          <p className="muted">
            <span className={scenario.visibility === "restricted" ? "badge badge--danger" : "badge"}>
              {VISIBILITY_LABELS[scenario.visibility]}
            </span>{" "}
            · saved {fmt.dateTime(scenario.updated_at)} · drafted by {scenario.created_by_name}
          </p>
          {scenario.description ? <p>{scenario.description}</p> : null}
        </div>
        <div className="form-actions no-print">
          <Link to={`/supply/scenarios/compare?a=committed&b=${scenario.id}`} className="button">
            Compare with committed
          </Link>
          {canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <input type="hidden" name="version" value={scenario.version} />
              <button type="submit" className="button button--danger">
                Archive
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
