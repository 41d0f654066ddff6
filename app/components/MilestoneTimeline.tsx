import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import type { TimelineLayout, TimelinePoint } from "~/models/milestone-timeline";
import { useFormat, type Formatter } from "~/utils/format";
import { riskReasonsText } from "~/utils/messages";

const MAX_LABEL = 46;

function shortTitle(title: string): string {
  return title.length > MAX_LABEL ? `${title.slice(0, MAX_LABEL - 1)}…` : title;
}

/** What a point says to a screen reader and in its tooltip. */
function describePoint(p: TimelinePoint, t: TFunction, fmt: Formatter): string {
  const parts = [
    t("timeline.pointDue", { title: p.title, date: fmt.plainDate(p.dueDate) }),
    t(`labels:milestoneStatus.${p.status}`),
    t(`labels:milestoneRisk.${p.risk}`),
  ];
  if (p.reasons.length) parts.push(riskReasonsText(p.reasons, t));
  return parts.join(t("timeline.partSeparator"));
}

/** A tick's period in the reader's language: the year alone, or month and year. */
function tickText(date: string, yearsOnly: boolean, fmt: Formatter): string {
  return yearsOnly ? date.slice(0, 4) : fmt.month(date);
}

/** The marker of one milestone: a diamond, a circle when done; late and threatened carry a symbol. */
function Marker({ p }: { p: TimelinePoint }) {
  if (p.status === "done") {
    return (
      <g className="tl-marker tl-marker--done">
        <circle cx={p.x} cy={p.y} r={7} />
        <path d={`M ${p.x - 3.5} ${p.y} l 2.5 2.8 l 4.5 -5.5`} className="tl-check" />
      </g>
    );
  }
  const d = `M ${p.x} ${p.y - 8} L ${p.x + 8} ${p.y} L ${p.x} ${p.y + 8} L ${p.x - 8} ${p.y} Z`;
  return (
    <g className={`tl-marker tl-marker--${p.risk}`}>
      <path d={d} />
      {p.late ? (
        <text x={p.x} y={p.y + 3.5} className="tl-symbol" textAnchor="middle">
          !
        </text>
      ) : null}
      {!p.late && p.threatened ? (
        <path d={`M ${p.x} ${p.y - 4} L ${p.x + 4} ${p.y + 3} L ${p.x - 4} ${p.y + 3} Z`} className="tl-triangle" />
      ) : null}
    </g>
  );
}

/** The timeline's own markers, drawn small for the legend. */
export function LegendMarker({ kind }: { kind: "on_track" | "late" | "threatened" | "done" }) {
  const p = {
    x: 10,
    y: 10,
    status: kind === "done" ? "done" : "planned",
    risk: kind,
    late: kind === "late",
    threatened: kind === "threatened",
  } as TimelinePoint;
  return (
    <svg width={20} height={20} viewBox="0 0 20 20" aria-hidden="true" className="legend__svg">
      <Marker p={p} />
    </svg>
  );
}

export function MilestoneTimeline({
  layout,
  title,
  description,
}: {
  layout: TimelineLayout;
  title: string;
  description: string;
}) {
  const { width, height, axisY, plotLeft, plotRight } = layout;
  const { t } = useTranslation("milestones");
  const fmt = useFormat();
  const yearsOnly = layout.ticks.every((tick) => tick.date.endsWith("-01-01"));
  return (
    <svg
      className="timeline"
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-labelledby="timeline-title timeline-desc"
      role="group"
    >
      <title id="timeline-title">{title}</title>
      <desc id="timeline-desc">{description}</desc>
      <defs>
        <marker id="tl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="tl-arrowhead" />
        </marker>
        <marker
          id="tl-arrow-back"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" className="tl-arrowhead tl-arrowhead--back" />
        </marker>
      </defs>

      {layout.lanes.map((lane, i) => (
        <g key={lane.category} className="tl-lane">
          <rect
            x={0}
            y={lane.y}
            width={width}
            height={lane.height}
            className={i % 2 === 0 ? "tl-lane__bg" : "tl-lane__bg tl-lane__bg--alt"}
          />
          <text x={12} y={lane.y + 22} className="tl-lane__label">
            {t(`labels:milestoneCategory.${lane.category}`)}
          </text>
        </g>
      ))}

      <g className="tl-axis" aria-hidden="true">
        <line x1={plotLeft} x2={plotRight} y1={axisY} y2={axisY} className="tl-axis__line" />
        {layout.ticks.map((tick, i) => (
          <g key={tick.x}>
            <line
              x1={tick.x}
              x2={tick.x}
              y1={axisY - 6}
              y2={height}
              className={tick.major ? "tl-grid tl-grid--major" : "tl-grid"}
            />
            {/* The last tick closes the axis; its period is off the chart. */}
            {i < layout.ticks.length - 1 ? (
              <text x={tick.x + 4} y={axisY - 12} className={tick.major ? "tl-tick tl-tick--major" : "tl-tick"}>
                {tickText(tick.date, yearsOnly, fmt)}
              </text>
            ) : null}
          </g>
        ))}
      </g>

      {layout.today ? (
        <g className="tl-today">
          <line x1={layout.today.x} x2={layout.today.x} y1={axisY - 4} y2={height} />
          <rect x={layout.today.x - 56} y={2} width={112} height={18} rx={4} />
          <text x={layout.today.x} y={15} textAnchor="middle">
            {t("timeline.today", { date: fmt.plainDate(layout.today.date) })}
          </text>
        </g>
      ) : null}

      <g className="tl-arrows" aria-hidden="true">
        {layout.arrows.map((a) => (
          <path
            key={`${a.fromId}-${a.toId}`}
            d={a.path}
            className={a.backwards ? "tl-arrow tl-arrow--back" : "tl-arrow"}
            markerEnd={a.backwards ? "url(#tl-arrow-back)" : "url(#tl-arrow)"}
          />
        ))}
      </g>

      {layout.points.map((p) => {
        const flag = p.late ? t("timeline.flagLate") : p.threatened ? t("timeline.flagThreatened") : null;
        return (
          <a key={p.id} href={`/milestones/${p.id}`} className={`tl-point tl-point--${p.risk}`}>
            <title>{describePoint(p, t, fmt)}</title>
            <Marker p={p} />
            <text x={p.labelX} y={p.y + 4} textAnchor={p.labelAnchor} className="tl-label">
              {flag ? <tspan className={`tl-flag tl-flag--${p.risk}`}>{`${flag} `}</tspan> : null}
              <tspan>{shortTitle(p.title)}</tspan>
              <tspan className="tl-label__date">{` · ${fmt.plainDate(p.dueDate)}`}</tspan>
            </text>
          </a>
        );
      })}
    </svg>
  );
}
