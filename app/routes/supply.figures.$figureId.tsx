import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Notice } from "~/components/forms";
import { SupplyFigureForm } from "~/components/SupplyFigureForm";
import { assertCan, can } from "~/models/access.server";
import { auditHistoryOf } from "~/models/audit.server";
import { requireUser } from "~/models/auth.server";
import { getSupplyFigure, updateSupplyFigure } from "~/models/supply.server";
import { supplyFigureEditSchema } from "~/schemas/demand";
import styles from "~/styles/demand.css";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { catalogWord, pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { stylesheetLinks } from "~/utils/route-head";
import { tonnesInput } from "~/utils/tonnes";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const links = stylesheetLinks(styles);
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "supply:figure.pageTitle", {
          material: catalogWord(matches, `labels:material.${data.figure.material}`, data.figure.material),
          year: data.figure.fiscal_year,
        })
      : pageTitle(matches, "supply:figure.fallbackTitle"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "supply:read");
  const db = getDb();
  const figure = await getSupplyFigure(db, params.figureId ?? "");
  if (!figure) notFound();
  const history = await auditHistoryOf(db, "supply_figure", figure.id);
  return {
    figure,
    canEdit: can(user, "supply:edit"),
    history: history.map((h) => ({ id: h.id, at: h.at, action: h.action, actor: h.actor_name ?? "System" })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "supply:edit");
  const db = getDb();
  const figure = await getSupplyFigure(db, params.figureId ?? "");
  if (!figure) notFound();
  const parsed = checkForm(supplyFigureEditSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const result = await updateSupplyFigure(db, user.id, figure.id, parsed.data.version, parsed.data);
  if (!result.ok) {
    return invalidForm(
      {},
      {
        ...parsed.data,
        production: tonnesInput(parsed.data.production),
        exports: tonnesInput(parsed.data.exports),
        reserve: tonnesInput(parsed.data.reserve),
      },
      "Someone else changed this figure while you were editing. Your input is kept: compare it with the current figures above, then save again.",
      409,
    );
  }
  return data({ ok: true as const, message: "Saved. The balance now uses these figures." });
}

export default function SupplyFigurePage() {
  const fmt = useFormat();
  const { figure, canEdit, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const available = figure.production_kg - figure.exports_kg - figure.reserve_kg;
  const { t } = useTranslation("supply");
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to={`/supply?material=${figure.material}`}>{t("balance.title")}</Link>
        </p>
        <h1>{t("figure.heading", { material: t(`labels:material.${figure.material}`), year: figure.fiscal_year })}</h1>
        <p className="muted">
          {t("figure.summary", {
            production: fmt.tonnes(figure.production_kg),
            basis: t(`labels:basis.${figure.production_basis}`).toLowerCase(),
            exports: fmt.tonnes(figure.exports_kg),
            reserve: fmt.tonnes(figure.reserve_kg),
            available: fmt.tonnes(available),
          })}
        </p>
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      <div className="grid-2 grid-2--top">
        {canEdit ? (
          <section className="card" aria-labelledby="edit-title">
            <h2 id="edit-title">{t("figure.figures")}</h2>
            <SupplyFigureForm
              key={figure.version}
              version={figure.version}
              submitLabel={t("figure.save")}
              defaultValues={{
                production: tonnesInput(figure.production_kg),
                productionBasis: figure.production_basis,
                exports: tonnesInput(figure.exports_kg),
                reserve: tonnesInput(figure.reserve_kg),
                notes: figure.notes,
                ...(failed?.values ?? {}),
              }}
              serverErrors={failed?.fieldErrors}
              formError={failed?.formError}
            />
          </section>
        ) : (
          <section className="card">
            <h2>{t("form.notes")}</h2>
            <p className="prose">{figure.notes || "—"}</p>
          </section>
        )}
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">{t("figure.history")}</h2>
          <ul className="stack small">
            {history.map((h) => (
              <li key={h.id}>
                {t(h.action === "supply_figure.create" ? "figure.created" : "figure.changed", {
                  date: fmt.dateTime(h.at),
                  name: h.actor,
                })}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
