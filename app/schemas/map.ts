import * as z from "zod";

import { todayInIndia } from "~/utils/clock";
import { optionalText } from "~/utils/forms";
import { RATING_VISIBILITIES } from "~db/schema";

const calendarDate = z.iso.date("Use a date like 2026-01-31.");

/** A 1–5 score posted as text by a select. */
const score = (message: string) =>
  z.coerce
    .number({ error: message })
    .int(message)
    .min(1, message)
    .max(5, message)
    .transform((n) => n as 1 | 2 | 3 | 4 | 5);

export const ratingSchema = z.object({
  organizationId: z.string({ error: "Choose the organization you rate." }).min(1, "Choose the organization you rate.").max(64),
  asOf: calendarDate.refine((d) => d <= todayInIndia(), "A rating cannot be dated in the future."),
  influence: score("Choose an influence from 1 to 5."),
  interest: score("Choose an interest from 1 to 5."),
  stance: z.coerce
    .number({ error: "Choose a stance from the list." })
    .int("Choose a stance from the list.")
    .min(-2, "Choose a stance from the list.")
    .max(2, "Choose a stance from the list.")
    .transform((n) => n as -2 | -1 | 0 | 1 | 2),
  visibility: z.enum(RATING_VISIBILITIES, { error: "Choose internal or restricted." }),
  note: optionalText(1000, "Note", "multiLine"),
});

/** The map's dates from the query string: as of a day, compared with an earlier one. */
export const mapQuerySchema = z
  .object({
    at: calendarDate.optional(),
    since: calendarDate.optional(),
  })
  .refine((q) => !q.at || !q.since || q.since < q.at, {
    message: "The earlier date must come before the map's date.",
    path: ["since"],
  });
