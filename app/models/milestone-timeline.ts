/**
 * The geometry of the milestone timeline: a time axis, one lane per category, one row per
 * milestone, arrows from each dependency to the milestone that waits for it. Pure, so it is
 * tested without rendering; the component only draws what this returns.
 */
import type { RiskLevel, RiskReason } from "~/models/milestone-rules";
import type { TimelineZoom } from "~/schemas/milestones";
import { MILESTONE_CATEGORY_LABELS } from "~/utils/common-labels";
import { MILESTONE_CATEGORIES, type MilestoneCategory, type MilestoneStatus } from "~db/schema";

export interface TimelineInput {
  id: string;
  title: string;
  category: MilestoneCategory;
  dueDate: string;
  status: MilestoneStatus;
  risk: RiskLevel;
  late: boolean;
  threatened: boolean;
  reasons: RiskReason[];
  dependsOn: string[];
}

export interface TimelinePoint extends TimelineInput {
  x: number;
  y: number;
  labelX: number;
  labelAnchor: "start" | "end";
}

export interface TimelineArrow {
  fromId: string;
  toId: string;
  path: string;
  /** The dependency falls due after the milestone that waits for it. */
  backwards: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axisY: number;
  plotLeft: number;
  plotRight: number;
  ticks: { x: number; date: string; label: string; major: boolean }[];
  lanes: { category: MilestoneCategory; label: string; y: number; height: number }[];
  points: TimelinePoint[];
  arrows: TimelineArrow[];
  today: { x: number; date: string } | null;
  range: { from: string; to: string };
}

export const ZOOM_LEVELS: Record<TimelineZoom, { label: string; pxPerDay: number; stepMonths: number }> = {
  quarters: { label: "Quarters", pxPerDay: 1.6, stepMonths: 3 },
  halves: { label: "Half-years", pxPerDay: 0.8, stepMonths: 6 },
  years: { label: "Years", pxPerDay: 0.42, stepMonths: 12 },
};

const GUTTER = 170;
const MIN_PLOT_WIDTH = 960;
const RIGHT_PAD = 24;
const AXIS_HEIGHT = 44;
const ROW = 40;
const LANE_PAD = 10;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first day of the period of `stepMonths` that holds `date`, moved by `shift` periods. */
function periodStart(date: string, stepMonths: number, shift = 0): string {
  const d = new Date(utc(date));
  const month = Math.floor(d.getUTCMonth() / stepMonths) * stepMonths + shift * stepMonths;
  return iso(Date.UTC(d.getUTCFullYear(), month, 1));
}

function tickLabel(date: string, stepMonths: number): string {
  const d = new Date(utc(date));
  const year = d.getUTCFullYear();
  if (stepMonths === 12) return String(year);
  return `${MONTHS[d.getUTCMonth()]} ${year}`;
}

export function layoutTimeline(items: readonly TimelineInput[], options: { zoom: TimelineZoom; today: string }): TimelineLayout {
  const zoom = ZOOM_LEVELS[options.zoom];
  const dates = [...items.map((i) => i.dueDate), options.today].sort();
  const from = periodStart(dates[0]!, zoom.stepMonths);
  const to = periodStart(dates[dates.length - 1]!, zoom.stepMonths, 1);
  const days = (utc(to) - utc(from)) / 86_400_000;
  // A short span is stretched to fill the page width rather than left in a corner.
  const pxPerDay = Math.max(zoom.pxPerDay, MIN_PLOT_WIDTH / days);
  const plotLeft = GUTTER;
  const plotRight = GUTTER + Math.round(days * pxPerDay);
  const xOf = (date: string) => plotLeft + ((utc(date) - utc(from)) / 86_400_000) * pxPerDay;

  const ticks: TimelineLayout["ticks"] = [];
  for (let t = from; t <= to; t = periodStart(t, zoom.stepMonths, 1)) {
    ticks.push({ x: xOf(t), date: t, label: tickLabel(t, zoom.stepMonths), major: t.endsWith("-01-01") });
  }

  const lanes: TimelineLayout["lanes"] = [];
  const points: TimelinePoint[] = [];
  let y = AXIS_HEIGHT;
  for (const category of MILESTONE_CATEGORIES) {
    const inLane = items
      .filter((i) => i.category === category)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
    if (inLane.length === 0) continue;
    const height = inLane.length * ROW + 2 * LANE_PAD;
    lanes.push({ category, label: MILESTONE_CATEGORY_LABELS[category], y, height });
    inLane.forEach((item, index) => {
      const x = xOf(item.dueDate);
      // Labels go right of the point unless they would run off the plot.
      const anchor = x > plotRight - 260 ? "end" : "start";
      points.push({
        ...item,
        x,
        y: y + LANE_PAD + index * ROW + ROW / 2,
        labelX: anchor === "start" ? x + 14 : x - 14,
        labelAnchor: anchor,
      });
    });
    y += height;
  }

  const byId = new Map(points.map((p) => [p.id, p]));
  const arrows: TimelineArrow[] = [];
  for (const p of points) {
    for (const depId of p.dependsOn) {
      const dep = byId.get(depId);
      if (!dep) continue;
      // Leave and reach the markers vertically, so the arrow stays off the labels beside them.
      const down = p.y > dep.y ? 1 : -1;
      const y1 = dep.y + down * 9;
      const y2 = p.y - down * 10;
      const mid = (y1 + y2) / 2;
      const path = `M ${dep.x} ${y1} C ${dep.x} ${mid}, ${p.x} ${mid}, ${p.x} ${y2}`;
      arrows.push({ fromId: dep.id, toId: p.id, path, backwards: dep.dueDate > p.dueDate });
    }
  }

  const todayX = xOf(options.today);
  return {
    width: plotRight + RIGHT_PAD,
    height: y + 12,
    axisY: AXIS_HEIGHT,
    plotLeft,
    plotRight,
    ticks,
    lanes,
    points,
    arrows,
    today: todayX >= plotLeft && todayX <= plotRight ? { x: todayX, date: options.today } : null,
    range: { from, to },
  };
}
