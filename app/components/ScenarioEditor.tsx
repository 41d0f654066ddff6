import { Form } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";

import { FormError, SelectField, TextAreaField, TextField } from "~/components/forms";
import { BalanceCell, YearGrid } from "~/components/YearGrid";
import type { CellText } from "~/models/scenario-cells";
import { applySchedule, outcomeByMaterial, type BalanceRow, type ExportSchedule, type SupplyYear } from "~/models/supply-balance";
import { VISIBILITY_LABELS } from "~/utils/common-labels";
import { MATERIAL_LABELS, materialLabel } from "~/utils/demand-labels";
import { formatShare, formatTonnes } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
import { parseTonnes, tonnesInput } from "~/utils/tonnes";
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

export function ScenarioResults({ rows, years }: { rows: readonly BalanceRow[]; years: readonly string[] }) {
  const outcomes = outcomeByMaterial(rows);
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Demand that can be met, per material, over the years shown</caption>
          <thead>
            <tr>
              <th scope="col">Material</th>
              <th scope="col" className="num">
                Available for India
              </th>
              <th scope="col" className="num">
                Approved demand
              </th>
              <th scope="col" className="num">
                Approved met
              </th>
              <th scope="col" className="num">
                Pending demand
              </th>
              <th scope="col" className="num">
                Pending met
              </th>
              <th scope="col">Shortfall years</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.material}>
                <th scope="row">{materialLabel(o.material)}</th>
                <td className="num">{formatTonnes(o.totals.availableKg)}</td>
                <td className="num">{formatTonnes(o.totals.approvedKg)}</td>
                <td className="num">
                  {formatShare(o.totals.approvedMetKg, o.totals.approvedKg)}
                  {o.totals.approvedKg > 0 ? <div className="muted small">{formatTonnes(o.totals.approvedMetKg)}</div> : null}
                </td>
                <td className="num">{formatTonnes(o.totals.pendingKg)}</td>
                <td className="num">
                  {formatShare(o.totals.pendingMetKg, o.totals.pendingKg)}
                  {o.totals.pendingKg > 0 ? <div className="muted small">{formatTonnes(o.totals.pendingMetKg)}</div> : null}
                </td>
                <td className={o.shortfallYears.length ? "shortfall" : undefined}>
                  {o.shortfallYears.length ? o.shortfallYears.join(", ") : "None"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Domestic balance after approved allocations</h3>
      <div className="table-wrap">
        <YearGrid
          corner="Material"
          years={years}
          rows={outcomes}
          rowKey={(o) => o.material}
          rowHeader={(o) => materialLabel(o.material)}
          cell={(o, fy) => <BalanceCell row={rows.find((x) => x.material === o.material && x.fiscalYear === fy)} />}
        />
      </div>
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
        <h2 id="schedule-title">Exports to Japan per fiscal year</h2>
        <p className="muted small">
          Tonnes of each material shipped under the arrangement. The committed volume is shown under each cell. Materials without
          committed exports are not listed.
        </p>
        <div className="table-wrap whatif-grid">
          <table className="table table--dense">
            <thead>
              <tr>
                <th scope="col">Material</th>
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
                  <th scope="row">{MATERIAL_LABELS[m as keyof typeof MATERIAL_LABELS] ?? m}</th>
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
                          aria-label={`${materialLabel(m)} exports, ${fy}, tonnes`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          value={cells[m]?.[fy] ?? ""}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setCells((prev) => ({ ...prev, [m]: { ...prev[m], [fy]: value } }));
                          }}
                        />
                        <span className="muted small nowrap">now {formatTonnes(committed[m]?.[fy] ?? 0)}</span>
                        {error ? (
                          <span id={`${id}-error`} className="cell-error" role="alert">
                            {error}
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
                <th scope="row">All exports</th>
                {years.map((fy) => (
                  <td key={fy} className="num">
                    {formatTonnes(yearTotal(fy))}
                    <div className="muted small nowrap">now {formatTonnes(committedTotal(fy))}</div>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
        <div className="form-actions no-print">
          <button type="submit" name="intent" value="preview" className="button">
            Recalculate
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
              Reset to committed
            </button>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="results-title" aria-live="polite">
        <h2 id="results-title">What India can meet</h2>
        <p className="muted small">
          Per year, supply goes first to approved allocations, then to pending requests; a year's surplus does not carry over.
          Shares are of the tonnes requested over all years shown.
        </p>
        <ScenarioResults rows={rows} years={years} />
      </section>

      {canEdit ? (
        <section className="card card--form no-print" aria-labelledby="save-title">
          <h2 id="save-title">{version === undefined ? "Save as a scenario" : "Scenario details"}</h2>
          {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
          <div className="stack">
            <TextField
              label="Name"
              required
              defaultValue={details.name}
              error={serverErrors?.name}
              registration={{ name: "name" }}
            />
            <TextAreaField
              label="Description"
              defaultValue={details.description}
              error={serverErrors?.description}
              registration={{ name: "description" }}
            />
            <SelectField
              label="Visibility"
              required
              defaultValue={details.visibility}
              options={visibilities.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
              error={serverErrors?.visibility}
              registration={{ name: "visibility" }}
            />
            <div className="form-actions">
              <button type="submit" name="intent" value="save" className="button button--primary">
                {version === undefined ? "Save scenario" : "Save changes"}
              </button>
            </div>
          </div>
        </section>
      ) : null}
    </Form>
  );
}
