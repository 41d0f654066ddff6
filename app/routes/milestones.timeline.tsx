import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { LegendMarker, MilestoneTimeline } from "~/components/MilestoneTimeline";
import { Trans } from "~/components/Trans";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { shiftDate } from "~/models/convergence";
import { layoutTimeline } from "~/models/milestone-timeline";
import { timelineWindow } from "~/models/milestones.server";
import { TIMELINE_ZOOMS, type TimelineZoom } from "~/schemas/milestones";
import styles from "~/styles/milestones.css";
import { todayInIndia } from "~/utils/clock";
import { isPlainDate } from "~/utils/cursor";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { invalidRequestCode } from "~/utils/http.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";

export const links = stylesheetLinks(styles);

export const meta = titleMeta("milestones:timeline.pageTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "milestones:read");
  const raw = new URL(request.url).searchParams.get("zoom") ?? "years";
  if (!(TIMELINE_ZOOMS as readonly string[]).includes(raw))
    invalidRequestCode("milestones:timeline.error.zoom", { zoom: raw, choices: TIMELINE_ZOOMS.join(", ") });
  const zoom = raw as TimelineZoom;
  const today = todayInIndia();
  const fromParam = new URL(request.url).searchParams.get("from");
  if (fromParam !== null && !isPlainDate(fromParam)) invalidRequestCode("milestones:timeline.error.from", { from: fromParam });
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
  const { t } = useTranslation("milestones");
  const fmt = useFormat();
  const summary = t(later ? "timeline.summaryMore" : "timeline.summary", {
    count: counts.total,
    from: fmt.plainDate(from),
    date: fmt.plainDate(today),
    late: counts.late,
    threatened: counts.threatened,
  });
  return (
    <div className="page page--wide">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/milestones">{t("list.title")}</Link>
          </p>
          <h1>{t("list.timeline")}</h1>
          <p className="muted">{summary}</p>
        </div>
        <nav className="zoom no-print" aria-label={t("timeline.zoom")}>
          <span className="zoom__label">{t("timeline.scale")}</span>
          {TIMELINE_ZOOMS.map((z) => (
            <Link
              key={z}
              to={`?zoom=${z}&from=${from}`}
              className={z === zoom ? "button button--primary" : "button"}
              aria-current={z === zoom ? "true" : undefined}
            >
              {t(`timeline.zoomLevel.${z}`)}
            </Link>
          ))}
          {zoomIn ? (
            <Link to={`?zoom=${zoomIn}&from=${from}`} className="button button--quiet">
              {t("timeline.zoomIn")}
            </Link>
          ) : null}
          {zoomOut ? (
            <Link to={`?zoom=${zoomOut}&from=${from}`} className="button button--quiet">
              {t("timeline.zoomOut")}
            </Link>
          ) : null}
        </nav>
      </header>
      <ul className="legend" aria-label={t("timeline.legend")}>
        <li>
          <LegendMarker kind="on_track" /> {t("labels:milestoneRisk.on_track")}
        </li>
        <li>
          <LegendMarker kind="late" /> <Trans t={t} i18nKey="timeline.legendLate" components={{ strong: <strong /> }} />
        </li>
        <li>
          <LegendMarker kind="threatened" />{" "}
          <Trans t={t} i18nKey="timeline.legendThreatened" components={{ strong: <strong /> }} />
        </li>
        <li>
          <LegendMarker kind="done" /> {t("labels:milestoneRisk.done")}
        </li>
        <li>
          <span className="legend__arrow" aria-hidden="true" /> {t("form.dependsOn")}
        </li>
        <li>
          <span className="legend__arrow legend__arrow--back" aria-hidden="true" /> {t("timeline.legendBack")}
        </li>
      </ul>
      {layout ? (
        <div className="timeline-wrap">
          <MilestoneTimeline layout={layout} title={t("timeline.chartTitle")} description={summary} />
        </div>
      ) : (
        <p className="card muted">{t("timeline.empty")}</p>
      )}
      {earlier || later ? (
        <nav className="pager no-print" aria-label={t("timeline.windows")}>
          {earlier ? <Link to={`?zoom=${zoom}&from=${earlier}`}>{t("timeline.earlier")}</Link> : null}{" "}
          {later ? <Link to={`?zoom=${zoom}&from=${later}`}>{t("list.later")}</Link> : null}
        </nav>
      ) : null}
      <p className="muted small no-print">
        <Trans t={t} i18nKey="timeline.asTable" components={{ list: <Link to="/milestones" /> }} />
      </p>
    </div>
  );
}
