import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { BalanceRow } from "~/models/supply-balance";
import { useFormat } from "~/utils/format";

// Each series' name is the catalog's `chart.series.<key>`.
const SERIES = [
  { key: "productionKg", className: "bar--production" },
  { key: "exportsKg", className: "bar--exports" },
  { key: "approvedKg", className: "bar--allocated" },
  { key: "pendingKg", className: "bar--pending" },
] as const;

/** A round tick step (1, 2 or 5 × 10ⁿ kilograms) giving about four grid lines. */
function tickStep(maxKg: number): number {
  const rough = Math.max(1, maxKg / 4);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= rough) return m * magnitude;
  return 10 * magnitude;
}

export function ChartLegend() {
  const { t } = useTranslation("supply");
  return (
    <ul className="legend" aria-hidden="true">
      {SERIES.map((s) => (
        <li key={s.key}>
          <span className={`swatch ${s.className}`} /> {t(`chart.series.${s.key}`)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Bars per fiscal year: production, committed exports, allocated and pending demand, with the
 * balance written under each year (red when it is a shortfall). Server-rendered SVG, so it
 * prints and needs no script; the same figures are in the table beside it.
 */
export function BalanceChart({ rows, title }: { rows: readonly BalanceRow[]; title: string }) {
  const id = useId();
  const { t } = useTranslation("supply");
  const fmt = useFormat();
  const width = 920;
  const height = 330;
  const margin = { top: 16, right: 12, bottom: 66, left: 70 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const maxKg = Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => r[s.key])));
  const step = tickStep(maxKg);
  const top = Math.ceil(maxKg / step) * step;
  const y = (kg: number) => margin.top + plotH - (kg / top) * plotH;
  const groupW = plotW / Math.max(1, rows.length);
  const barW = Math.min(26, (groupW * 0.78) / SERIES.length);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const shortfalls = rows.filter((r) => r.shortfall).map((r) => r.fiscalYear);
  const description = [
    t("chart.years", { count: rows.length, from: rows[0]?.fiscalYear ?? "", to: rows[rows.length - 1]?.fiscalYear ?? "" }),
    shortfalls.length ? t("chart.shortfallIn", { years: shortfalls.join(t("chart.listSeparator")) }) : t("chart.noShortfall"),
    t("chart.tableFollows"),
  ].join(" ");
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className={tick === 0 ? "zero" : "grid"} x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} />
          <text className="axis-label" x={margin.left - 8} y={y(tick) + 4} textAnchor="end">
            {t("chart.tonnesTick", { value: fmt.tonnesNumber(tick) })}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const x0 = margin.left + i * groupW + (groupW - barW * SERIES.length) / 2;
        return (
          <g key={r.fiscalYear}>
            {SERIES.map((s, j) => {
              const v = r[s.key];
              return (
                <rect
                  key={s.key}
                  className={s.className}
                  x={x0 + j * barW}
                  y={y(v)}
                  width={barW - 2}
                  height={Math.max(0, y(0) - y(v))}
                >
                  <title>
                    {t("chart.bar", { series: t(`chart.series.${s.key}`), year: r.fiscalYear, amount: fmt.tonnes(v) })}
                  </title>
                </rect>
              );
            })}
            <text
              x={margin.left + i * groupW + groupW / 2}
              y={height - margin.bottom + 20}
              textAnchor="middle"
              fontSize="13"
              fontWeight="600"
            >
              {r.fiscalYear}
            </text>
            <text
              x={margin.left + i * groupW + groupW / 2}
              y={height - margin.bottom + 40}
              textAnchor="middle"
              fontSize="12"
              className={r.shortfall ? "chart-shortfall" : "chart-balance"}
            >
              {t(r.shortfall ? "chart.shortfall" : "chart.balance", { amount: fmt.tonnes(r.balanceKg) })}
            </text>
            {r.pendingShortfall && !r.shortfall ? (
              <text
                x={margin.left + i * groupW + groupW / 2}
                y={height - margin.bottom + 56}
                textAnchor="middle"
                fontSize="11"
                className="chart-pressure"
              >
                {t("chart.pendingExceeds")}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
