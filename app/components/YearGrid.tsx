import { Fragment, type ReactNode } from "react";

import type { BalanceRow } from "~/models/supply-balance";
import { formatTonnes } from "~/utils/format";

/** A table with a row per material (or scenario) and a column per fiscal year: the balance grids. */
export function YearGrid<R>({
  corner,
  years,
  rows,
  rowKey,
  rowHeader,
  cell,
  caption,
  className = "table table--dense",
}: {
  corner: string;
  years: readonly string[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowHeader: (row: R) => ReactNode;
  /** One `<td>` for the row in that year. */
  cell: (row: R, fiscalYear: string, index: number) => ReactNode;
  caption?: string;
  className?: string;
}) {
  return (
    <table className={className}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {years.map((fy) => (
            <th key={fy} scope="col" className="num">
              {fy}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <th scope="row">{rowHeader(row)}</th>
            {years.map((fy, i) => (
              <Fragment key={fy}>{cell(row, fy, i)}</Fragment>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The balance after approved allocations. Red: shortfall. Amber: pending demand exceeds what is left. */
export function BalanceCell({ row }: { row: BalanceRow | undefined }) {
  if (!row) return <td className="num muted">—</td>;
  return (
    <td className={row.shortfall ? "num shortfall" : row.pendingShortfall ? "num pending-pressure" : "num"}>
      {formatTonnes(row.balanceKg)}
    </td>
  );
}
