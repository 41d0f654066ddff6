import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { LegendMarker, MilestoneTimeline } from "~/components/MilestoneTimeline";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { shiftDate } from "~/models/convergence";
import { layoutTimeline, ZOOM_LEVELS } from "~/models/milestone-timeline";
import { timelineWindow } from "~/models/milestones.server";
import { TIMELINE_ZOOMS, type TimelineZoom } from "~/schemas/milestones";
import styles from "~/styles/milestones.css";
import { todayInIndia } from "~/utils/clock";
import { isPlainDate } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { formatPlainDate } from "~/utils/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Milestone timeline · Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "milestones:read");
  const raw = new URL(request.url).searchParams.get("zoom") ?? "years";
  if (!(TIMELINE_ZOOMS as readonly string[]).includes(raw))
    throw data({ message: `Unknown zoom "${raw}": use one of ${TIMELINE_ZOOMS.join(", ")}.` }, { status: 400 });
  const zoom = raw as TimelineZoom;
  const today = todayInIndia();
  const fromParam = new URL(request.url).searchParams.get("from");
  if (fromParam !== null && !isPlainDate(fromParam))
    throw data({ message: `"from" must be a date (YYYY-MM-DD), not "${fromParam}".` }, { status: 400 });
  // A window of the timeline, from a year back by default, so the page costs the same at any size.
  const from = fromParam ?? shiftDate(today, -365);
  const { items, earlier, later } = await timelineWindow(getDb(), user, today, from);
  const counts = {
    late: items.filter((i) => i.late).length,
    threatened: items.filter((i) => !i.late && i.threatened).length,
    total: items.length,
  };
  return { zoom, today, from, earlier, later, counts, layout: items.length ? layoutTimeline(items, { zoom, today }) : null };
}

export default function TimelinePage() {
  const { zoom, today, from, earlier, later, counts, layout } = useLoaderData<typeof loader>();
  const index = TIMELINE_ZOOMS.indexOf(zoom);
  // TIMELINE_ZOOMS runs from the finest (quarters) to the coarsest (years).
  const zoomIn = index > 0 ? TIMELINE_ZOOMS[index - 1] : null;
  const zoomOut = index < TIMELINE_ZOOMS.length - 1 ? TIMELINE_ZOOMS[index + 1] : null;
  const summary = `${counts.total} milestones due from ${formatPlainDate(from)}${later ? " (more follow)" : ""} by category on a time axis, as of ${formatPlainDate(today)}: ${counts.late} late, ${counts.threatened} threatened. Arrows run from a milestone to the one that depends on it.`;
  return (
    <div className="page page--wide">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/milestones">Milestones</Link>
          </p>
          <h1>Timeline</h1>
          <p className="muted">{summary}</p>
        </div>
        <nav className="zoom no-print" aria-label="Zoom">
          <span className="zoom__label">Scale</span>
          {TIMELINE_ZOOMS.map((z) => (
            <Link
              key={z}
              to={`?zoom=${z}&from=${from}`}
              className={z === zoom ? "button button--primary" : "button"}
              aria-current={z === zoom ? "true" : undefined}
            >
              {ZOOM_LEVELS[z].label}
            </Link>
          ))}
          {zoomIn ? (
            <Link to={`?zoom=${zoomIn}&from=${from}`} className="button button--quiet">
              Zoom in
            </Link>
          ) : null}
          {zoomOut ? (
            <Link to={`?zoom=${zoomOut}&from=${from}`} className="button button--quiet">
              Zoom out
            </Link>
          ) : null}
        </nav>
      </header>
      <ul className="legend" aria-label="Legend">
        <li>
          <LegendMarker kind="on_track" /> On track
        </li>
        <li>
          <LegendMarker kind="late" /> <strong>LATE</strong>: past due, not done
        </li>
        <li>
          <LegendMarker kind="threatened" /> <strong>THREATENED</strong>: a dependency is late or due after it
        </li>
        <li>
          <LegendMarker kind="done" /> Done
        </li>
        <li>
          <span className="legend__arrow" aria-hidden="true" /> Depends on
        </li>
        <li>
          <span className="legend__arrow legend__arrow--back" aria-hidden="true" /> Dependency due after the milestone that needs
          it
        </li>
      </ul>
      {layout ? (
        <div className="timeline-wrap">
          <MilestoneTimeline layout={layout} title="Transition milestones timeline" description={summary} />
        </div>
      ) : (
        <p className="card muted">No milestones to show.</p>
      )}
      {earlier || later ? (
        <nav className="pager no-print" aria-label="Timeline windows">
          {earlier ? <Link to={`?zoom=${zoom}&from=${earlier}`}>Earlier milestones</Link> : null}{" "}
          {later ? <Link to={`?zoom=${zoom}&from=${later}`}>Later milestones</Link> : null}
        </nav>
      ) : null}
      <p className="muted small no-print">
        The same milestones as a table: <Link to="/milestones">milestone list</Link>. Print this page for a one-page overview.
      </p>
    </div>
  );
}
