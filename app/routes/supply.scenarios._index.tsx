import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ListTable } from "~/components/ListKit";
import { ScenarioEditor } from "~/components/ScenarioEditor";
import { assertCan, can, scenarioVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { fiscalYearOf } from "~/models/fiscal-year";
import { initialCells } from "~/models/scenario-cells";
import { createScenario, listScenarios, scenarioBase } from "~/models/supply.server";
import styles from "~/styles/demand.css";
import { today } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { parseScenario, previewResponse, saveRefused } from "~/utils/scenario-form.server";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("supply:scenarios.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "scenario:read");
  const db = getDb();
  const [scenarios, context] = await Promise.all([listScenarios(db, user), scenarioBase(db, user, fiscalYearOf(today()))]);
  return {
    scenarios: scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      visibility: s.visibility,
      updated_at: s.updated_at,
      created_by_name: s.created_by_name,
    })),
    ...context,
    cells: initialCells(context.materials, context.years, context.committed),
    canEdit: can(user, "scenario:edit"),
    visibilities: scenarioVisibilities(user),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "scenario:edit");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "preview") return previewResponse(formData);
  if (intent !== "save") return saveRefused({}, {}, "Unknown action.");
  const parsed = parseScenario(formData, scenarioVisibilities(user));
  if (!parsed.ok) return parsed.response;
  const scenario = await createScenario(getDb(), user.id, parsed.data);
  return redirect(`/supply/scenarios/${scenario.id}?saved=1`);
}

export default function ScenariosPage() {
  const fmt = useFormat();
  const { scenarios, base, materials, years, committed, cells, canEdit, visibilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = (actionData && "values" in actionData ? actionData.values : {}) as Record<string, string | undefined>;
  const { t } = useTranslation("supply");
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/supply">{t("balance.title")}</Link>
          </p>
          <h1>{t("scenarios.title")}</h1>
          <p className="muted">{t("scenarios.intro")}</p>
        </div>
        {scenarios.length >= 1 ? (
          <Link to="/supply/scenarios/compare" className="button">
            {t("scenarios.compare")}
          </Link>
        ) : null}
      </header>

      <section aria-labelledby="saved-title" className="stack">
        <h2 id="saved-title">{t("scenarios.saved")}</h2>
        <ListTable columns={[t("scenarios.colScenario"), t("editor.visibility"), t("scenarios.colSaved")]}>
          {scenarios.length === 0 ? (
            <tr>
              <td colSpan={3} className="empty">
                {t("scenarios.none")}
              </td>
            </tr>
          ) : null}
          {scenarios.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/supply/scenarios/${s.id}`}>{s.name}</Link>
                {s.description ? <div className="muted small">{s.description}</div> : null}
              </td>
              <td>
                <span className={s.visibility === "restricted" ? "badge badge--danger" : "badge"}>
                  {t(`labels:visibility.${s.visibility}`)}
                </span>
              </td>
              <td className="nowrap">
                {fmt.dateTime(s.updated_at)}
                <div className="muted small">{s.created_by_name}</div>
              </td>
            </tr>
          ))}
        </ListTable>
      </section>

      {canEdit ? (
        <>
          <h2>{t("scenarios.newDraft")}</h2>
          <ScenarioEditor
            key={JSON.stringify(actionData?.cells ?? null)}
            base={base}
            materials={materials}
            years={years}
            committed={committed}
            initialCells={actionData?.cells ?? cells}
            serverErrors={actionData?.fieldErrors}
            formError={actionData && "formError" in actionData ? actionData.formError : undefined}
            canEdit
            details={{
              name: values.name ?? "",
              description: values.description ?? "",
              visibility: (values.visibility as "internal" | "restricted") ?? "internal",
            }}
            visibilities={visibilities}
          />
        </>
      ) : null}
    </div>
  );
}
