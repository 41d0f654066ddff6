import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The page half of the list-page kit (the server half is app/utils/list.server.ts): the filter
 * selects with their "Any" choice, the row a table shows when nothing matches, and the pager.
 */

export interface Choice {
  value: string;
  label: string;
}

/** A filter select whose first choice, the empty value, means "do not filter on this". */
export function AnySelect({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  options: readonly Choice[];
  anyLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="filter">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""} className="input">
        <option value="">{anyLabel ?? t("filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The choices of an enum, labelled. */
export function choicesOf<T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The table row shown when the list is empty, across all `columns`. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="empty">
        {children}
      </td>
    </tr>
  );
}

/** Keyset paging links: back to the first page, and on to the next (its cursor is in the URL). */
export function Pager({
  firstHref,
  nextHref,
  firstLabel,
  nextLabel,
}: {
  firstHref: string | null;
  nextHref: string | null;
  firstLabel?: string;
  nextLabel?: string;
}) {
  const { t } = useTranslation();
  if (!firstHref && !nextHref) return null;
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      {firstHref ? <Link to={firstHref}>{firstLabel ?? t("pager.first")}</Link> : <span />}
      {nextHref ? <Link to={nextHref}>{nextLabel ?? t("pager.next")}</Link> : null}
    </nav>
  );
}

/** The "Archived" tag after a record's title in a list (archived records show only when asked for). */
export function ArchivedTag({ archived }: { archived: boolean }) {
  const { t } = useTranslation();
  if (!archived) return null;
  return (
    <>
      {" "}
      <span className="badge badge--muted">{t("archive.archived")}</span>
    </>
  );
}

/**
 * A list's table: the scrolling wrapper, one header cell per column, and the empty row (across
 * every column) when `empty` is given. The rows are the children. `action` names a last column of
 * buttons or links: for screen readers only, and left out of print like the controls in it.
 */
export function ListTable({
  columns,
  action,
  dense,
  empty,
  children,
}: {
  columns: readonly ReactNode[];
  action?: string;
  dense?: boolean;
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={dense ? "table table--dense" : "table"}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
            {action !== undefined ? (
              <th scope="col" className="no-print">
                <span className="visually-hidden">{action}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {empty !== undefined && empty !== null && empty !== false ? (
            <EmptyRow columns={columns.length + (action !== undefined ? 1 : 0)}>{empty}</EmptyRow>
          ) : null}
          {children}
        </tbody>
      </table>
    </div>
  );
}
