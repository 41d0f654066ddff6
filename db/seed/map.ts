/**
 * Demonstration stakeholder-map ratings: three readings over the last quarter (95, 45 and
 * 7 days before today), so the map's default view shows each party's movement since a quarter
 * ago — the Japanese side softening as the phase-down takes shape, Indian industry pressing
 * harder. One METI reading is restricted. Idempotent: written only when no rating exists yet.
 */
import { recordRating } from "~/models/stakeholder-map.server";
import { sessionUserByEmail } from "~/models/users.server";
import { todayInIndia } from "~/utils/clock";

import type { MapStance, RatingValue, RatingVisibility } from "../schema";
import type { DemoContext } from "./demo";
import type { DemoOrgKey } from "./organizations";

type Reading = [influence: RatingValue, interest: RatingValue, stance: MapStance];

const READINGS: Partial<
  Record<DemoOrgKey, { readings: [Reading, Reading, Reading]; notes?: string[]; restrictedLast?: boolean }>
> = {
  toyotsu: {
    readings: [
      [5, 5, -2],
      [5, 5, -1],
      [5, 5, -1],
    ],
    notes: ["Holds to the 2012 terms.", "Asked for a smaller first step rather than refusing the phase-down."],
  },
  toyotaTsusho: {
    readings: [
      [4, 3, -1],
      [4, 4, -1],
      [4, 5, 0],
    ],
  },
  meti: {
    readings: [
      [5, 3, -1],
      [5, 4, -1],
      [5, 4, 0],
    ],
    restrictedLast: true,
    notes: ["", "", "Signals from Tokyo that a negotiated phase-down is acceptable if volumes stay predictable."],
  },
  irel: {
    readings: [
      [4, 5, 1],
      [4, 5, 2],
      [4, 5, 2],
    ],
  },
  siam: {
    readings: [
      [2, 4, 2],
      [3, 4, 2],
      [3, 5, 2],
    ],
  },
  elcina: {
    readings: [
      [2, 3, 1],
      [2, 4, 1],
      [2, 4, 2],
    ],
  },
  dae: {
    readings: [
      [4, 2, 1],
      [4, 3, 1],
      [4, 3, 1],
    ],
  },
  mea: {
    readings: [
      [3, 3, 0],
      [3, 4, 1],
      [4, 4, 1],
    ],
  },
};

const DAYS_BACK = [95, 45, 7] as const;

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedStakeholderMap(ctx: DemoContext): Promise<void> {
  const any = await ctx.db.selectFrom("stakeholder_ratings").select("id").limit(1).executeTakeFirst();
  if (any) return;
  const rater = await sessionUserByEmail(ctx.db, "diplomat@accord.test");
  const today = todayInIndia();
  for (const [key, spec] of Object.entries(READINGS) as [DemoOrgKey, NonNullable<(typeof READINGS)[DemoOrgKey]>][]) {
    for (const [i, [influence, interest, stance]] of spec.readings.entries()) {
      const visibility: RatingVisibility = spec.restrictedLast && i === 2 ? "restricted" : "internal";
      await recordRating(ctx.db, rater, {
        organizationId: ctx.org[key],
        asOf: daysBefore(today, DAYS_BACK[i]!),
        influence,
        interest,
        stance,
        visibility,
        note: spec.notes?.[i] || null,
      });
    }
  }
  ctx.log("stakeholder map ratings");
}
