import { Form } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, TextAreaField, TextField } from "~/components/forms";
import { TableScroll } from "~/components/TableScroll";
import { BalanceCell, YearGrid } from "~/components/YearGrid";
import type { CellText } from "~/models/scenario-cells";
import { applySchedule, outcomeByMaterial, type BalanceRow, type ExportSchedule, type SupplyYear } from "~/models/supply-balance";
import { useFormat } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
import { parseTonnes, tonnesInput } from "~/utils/tonnes";
import { translateMessage } from "~/utils/translate";
import type { Visibility } from "~db/schema";

/** The schedule the cells spell, skipping any cell that does not parse (it keeps its committed exports). */
function parseCells(cells: CellText): { schedule: ExportSchedule; errors: FieldErrors } {
  const schedule: ExportSchedule = {};
  const errors: FieldErrors = {};
  for (const [m, years] of Object.entries(cells)) {
    for (const [fy, text] of Object.entries(years)) {
      const parsed = parseTonnes(text, { allowZero: true, label: "Exports" });
      if (parsed.ok) (schedule[m] ??= {})[fy] = parsed.kg;
      else errors[`exports.${m}.${fy}`] = parsed.error;
    }
  }
  return { schedule, errors };
}

/** A material's name in the reader's language; a code the catalog lacks reads as itself. */
export function useMaterialName() {
  const { t } = useTranslation();
  return (material: string) => t(`labels:material.${material}`, { defaultValue: material });
}

export function ScenarioResults({ rows, years }: { rows: readonly BalanceRow[]; years: readonly string[] }) {
  const outcomes = outcomeByMaterial(rows);
  const { t } = useTranslation("supply");
  const fmt = useFormat();
  const materialName = useMaterialName();
  return (
    <>
      <TableScroll label={t("results.caption")} className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("results.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("form.material")}</th>
              <th scope="col" className="num">
                {t("results.available")}
              </th>
              <th scope="col" className="num">
                {t("results.approved")}
              </th>
              <th scope="col" className="num">
                {t("results.approvedMet")}
              </th>
              <th scope="col" className="num">
                {t("results.pending")}
              </th>
              <th scope="col" className="num">
                {t("results.pendingMet")}
              </th>
              <th scope="col">{t("results.shortfallYears")}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.material}>
                <th scope="row">{materialName(o.material)}</th>
                <td className="num">{fmt.tonnes(o.totals.availableKg)}</td>
                <td className="num">{fmt.tonnes(o.totals.approvedKg)}</td>
                <td className="num">
                  {fmt.share(o.totals.approvedMetKg, o.totals.approvedKg)}
                  {o.totals.approvedKg > 0 ? <div className="muted small">{fmt.tonnes(o.totals.approvedMetKg)}</div> : null}
                </td>
                <td className="num">{fmt.tonnes(o.totals.pendingKg)}</td>
                <td className="num">
                  {fmt.share(o.totals.pendingMetKg, o.totals.pendingKg)}
                  {o.totals.pendingKg > 0 ? <div className="muted small">{fmt.tonnes(o.totals.pendingMetKg)}</div> : null}
                </td>
                <td className={o.shortfallYears.length ? "shortfall" : undefined}>
                  {o.shortfallYears.length ? o.shortfallYears.join(t("chart.listSeparator")) : t("results.none")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>{t("results.balanceTitle")}</h3>
      <TableScroll label={t("results.balanceTitle")} className="table-wrap">
        <YearGrid
          corner={t("form.material")}
          years={years}
          rows={outcomes}
          rowKey={(o) => o.material}
          rowHeader={(o) => materialName(o.material)}
          cell={(o, fy) => <BalanceCell row={rows.find((x) => x.material === o.material && x.fiscalYear === fy)} />}
        />
      </TableScroll>
    </>
  );
}

export interface ScenarioEditorProps {
  base: SupplyYear[];
  materials: string[];
  years: string[];
  committed: ExportSchedule;
  initialCells: CellText;
  serverErrors?: FieldErrors;
  formError?: string;
  canEdit: boolean;
  version?: number;
  details: { name: string; description: string; visibility: Visibility };
  visibilities: readonly Visibility[];
}

/**
 * The what-if: a grid of committed exports per material and fiscal year. With JavaScript the
 * results follow every keystroke (the same pure function the server runs); without it the
 * "Recalculate" button posts the grid and the server renders the results.
 */
export function ScenarioEditor(props: ScenarioEditorProps) {
  const { base, materials, years, committed, initialCells, serverErrors, formError, canEdit, version, details, visibilities } =
    props;
  const [cells, setCells] = useState<CellText>(initialCells);
  const { t, i18n } = useTranslation("supply");
  const fmt = useFormat();
  const materialName = useMaterialName();
  // "Reset" needs a script; render it only once the page is hydrated.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { schedule, errors } = useMemo(() => parseCells(cells), [cells]);
  const rows = useMemo(() => applySchedule(base, schedule), [base, schedule]);
  const cellError = (m: string, fy: string) => errors[`exports.${m}.${fy}`] ?? serverErrors?.[`exports.${m}.${fy}`];
  const yearTotal = (fy: string) => rows.filter((r) => r.fiscalYear === fy).reduce((sum, r) => sum + r.exportsKg, 0);
  const committedTotal = (fy: string) => base.filter((r) => r.fiscalYear === fy).reduce((sum, r) => sum + r.exportsKg, 0);
  return (
    <Form method="post" className="stack" noValidate>
      <FormError message={formError} />
      <section className="card" aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t("editor.scheduleTitle")}</h2>
        <p className="muted small">{t("editor.scheduleHint")}</p>
        <TableScroll label={t("editor.scheduleTitle")} className="table-wrap whatif-grid">
          <table className="table table--dense">
            <thead>
              <tr>
                <th scope="col">{t("form.material")}</th>
                {years.map((fy) => (
                  <th key={fy} scope="col" className="num">
                    {fy}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {materials.map((m) => (
                <tr key={m}>
                  <th scope="row">{materialName(m)}</th>
                  {years.map((fy) => {
                    const error = cellError(m, fy);
                    const id = `cell-${m}-${fy}`;
                    return (
                      <td key={fy} className="num">
                        <input
                          id={id}
                          className="input"
                          name={`exports.${m}.${fy}`}
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={t("editor.cellLabel", { material: materialName(m), year: fy })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          value={cells[m]?.[fy] ?? ""}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setCells((prev) => ({ ...prev, [m]: { ...prev[m], [fy]: value } }));
                          }}
                        />
                        <span className="muted small nowrap">
                          {t("editor.now", { amount: fmt.tonnes(committed[m]?.[fy] ?? 0) })}
                        </span>
                        {error ? (
                          <span id={`${id}-error`} className="cell-error" role="alert">
                            {translateMessage(i18n, error)}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("editor.allExports")}</th>
                {years.map((fy) => (
                  <td key={fy} className="num">
                    {fmt.tonnes(yearTotal(fy))}
                    <div className="muted small nowrap">{t("editor.now", { amount: fmt.tonnes(committedTotal(fy)) })}</div>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </TableScroll>
        <div className="form-actions no-print">
          <button type="submit" name="intent" value="preview" className="button">
            {t("editor.recalculate")}
          </button>
          {hydrated ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                setCells(
                  Object.fromEntries(
                    materials.map((m) => [m, Object.fromEntries(years.map((fy) => [fy, tonnesInput(committed[m]?.[fy] ?? 0)]))]),
                  ),
                )
              }
            >
              {t("editor.reset")}
            </button>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="results-title" aria-live="polite">
        <h2 id="results-title">{t("editor.resultsTitle")}</h2>
        <p className="muted small">{t("editor.resultsHint")}</p>
        <ScenarioResults rows={rows} years={years} />
      </section>

      {canEdit ? (
        <section className="card card--form no-print" aria-labelledby="save-title">
          <h2 id="save-title">{version === undefined ? t("editor.saveAs") : t("editor.details")}</h2>
          {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
          <div className="stack">
            <TextField
              label={t("editor.name")}
              required
              defaultValue={details.name}
              error={serverErrors?.name}
              registration={{ name: "name" }}
            />
            <TextAreaField
              label={t("editor.description")}
              defaultValue={details.description}
              error={serverErrors?.description}
              registration={{ name: "description" }}
            />
            <SelectField
              label={t("editor.visibility")}
              required
              defaultValue={details.visibility}
              options={visibilities.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
              error={serverErrors?.visibility}
              registration={{ name: "visibility" }}
            />
            <div className="form-actions">
              <button type="submit" name="intent" value="save" className="button button--primary">
                {version === undefined ? t("editor.save") : t("editor.saveChanges")}
              </button>
            </div>
          </div>
        </section>
      ) : null}
    </Form>
  );
}
