import { Link } from "@remix-run/react";

/** Keyset paging links: back to the first page, and on to the next (its cursor is in the URL). */
export function Pager({
  firstHref,
  nextHref,
  firstLabel = "First page",
  nextLabel = "Next page",
}: {
  firstHref: string | null;
  nextHref: string | null;
  firstLabel?: string;
  nextLabel?: string;
}) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {firstHref ? <Link to={firstHref}>{firstLabel}</Link> : <span />}
      {nextHref ? <Link to={nextHref}>{nextLabel}</Link> : null}
    </nav>
  );
}
