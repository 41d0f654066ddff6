/**
 * Pure logic of the positions matrix: which position each party held on a date, and how far
 * apart the parties' stances are. No database here: callers pass only the positions the user may
 * see, so every figure is computed from what that user is allowed to know.
 */
import type { Stance } from "~db/schema";

/** Where each stance sits on one line from opposing (−1) to supporting (+1). Undecided has no place. */
export const STANCE_SCORES: Record<Stance, number | null> = {
  supports: 1,
  conditional: 0.5,
  neutral: 0,
  undecided: null,
  opposes: -1,
};

/** A change in spread smaller than this is noise, not movement. */
export const TREND_THRESHOLD = 0.25;
/** A spread at least this wide that does not move is a stuck issue. */
export const STUCK_SPREAD = 1.5;

export interface PositionPoint {
  id: string;
  issueId: string;
  organizationId: string;
  stance: Stance;
  /** YYYY-MM-DD */
  statedOn: string;
  /** ISO timestamp; breaks ties between positions stated on the same day. */
  recordedAt: string;
}

function later(a: PositionPoint, b: PositionPoint): boolean {
  if (a.statedOn !== b.statedOn) return a.statedOn > b.statedOn;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt > b.recordedAt;
  return a.id > b.id;
}

/**
 * The position each party held on `date` (inclusive): for every issue and party, the latest
 * position stated on or before that date. Returns issue id → organization id → position.
 */
export function positionsAsOf<T extends PositionPoint>(positions: readonly T[], date: string): Map<string, Map<string, T>> {
  const out = new Map<string, Map<string, T>>();
  for (const p of positions) {
    if (p.statedOn > date) continue;
    let byParty = out.get(p.issueId);
    if (!byParty) out.set(p.issueId, (byParty = new Map()));
    const held = byParty.get(p.organizationId);
    if (!held || later(p, held)) byParty.set(p.organizationId, p);
  }
  return out;
}

/**
 * The spread of stances: the distance between the most supportive and the most opposed party
 * with a placed stance, from 0 (all agree) to 2 (one supports, one opposes). Null with fewer than
 * two placed stances, since there is nothing to compare.
 */
export function stanceSpread(stances: readonly Stance[]): number | null {
  const scores = stances.map((s) => STANCE_SCORES[s]).filter((s): s is number => s !== null);
  if (scores.length < 2) return null;
  return Math.max(...scores) - Math.min(...scores);
}

export type Trend = "converging" | "diverging" | "stable" | "stuck" | "insufficient";

export const TREND_LABELS: Record<Trend, string> = {
  converging: "Converging",
  diverging: "Diverging",
  stable: "Stable",
  stuck: "Stuck",
  insufficient: "Not enough positions",
};

export function trendBetween(now: number | null, before: number | null): Trend {
  if (now === null || before === null) return "insufficient";
  const change = now - before;
  if (change <= -TREND_THRESHOLD) return "converging";
  if (change >= TREND_THRESHOLD) return "diverging";
  return now >= STUCK_SPREAD ? "stuck" : "stable";
}

/** A calendar date `days` days from `date` (both YYYY-MM-DD). */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface Convergence {
  now: number | null;
  days30: number | null;
  days90: number | null;
  /** From the 90-day comparison, or the 30-day one when 90 days ago there was too little. */
  trend: Trend;
}

/** The dates `convergenceOf` compares: `asOf`, 30 and 90 days before. */
export function convergenceDates(asOf: string): string[] {
  return [asOf, shiftDate(asOf, -30), shiftDate(asOf, -90)];
}

/**
 * How far one issue's parties are apart on `asOf`, 30 days and 90 days before. Only the given
 * parties count (a former party's old positions do not).
 */
export function convergenceOf(
  positions: readonly PositionPoint[],
  issueId: string,
  partyIds: readonly string[],
  asOf: string,
): Convergence {
  const parties = new Set(partyIds);
  // Filtered once for the three dates, not once per date.
  const ours = positions.filter((p) => p.issueId === issueId && parties.has(p.organizationId));
  const spreadOn = (date: string) => {
    const held = positionsAsOf(ours, date).get(issueId);
    return stanceSpread(held ? [...held.values()].map((p) => p.stance) : []);
  };
  const [now, days30, days90] = convergenceDates(asOf).map(spreadOn) as [number | null, number | null, number | null];
  const trend = days90 !== null ? trendBetween(now, days90) : trendBetween(now, days30);
  return { now, days30, days90, trend };
}

/** A spread for people: "0.5 of 2". */
export function formatSpread(spread: number | null): string {
  return spread === null ? "—" : spread.toFixed(1).replace(/\.0$/, "");
}
