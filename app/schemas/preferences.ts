import * as z from "zod";

import { LOCALES } from "~/utils/preferences";
import { isKnownTimeZone } from "~/utils/time";
import { NOTIFICATION_MODES } from "~db/schema";

/** Both optional: the header's language menu sends only `locale`. */
export const preferencesSchema = z.object({
  locale: z.enum(LOCALES, { error: "Choose English, Japanese or Hindi." }).optional(),
  timeZone: z
    .string({ error: "Choose a time zone from the list." })
    .trim()
    // An IANA name (or UTC) that this runtime can format in; "EST" and offsets are refused.
    .refine(
      (zone) => (zone === "UTC" || /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone)) && isKnownTimeZone(zone),
      "Choose a time zone from the list.",
    )
    .optional(),
  redirectTo: z.string().optional(),
});

/** The notification section of /preferences posts with `intent=notifications`. */
export const notificationPreferenceSchema = z.object({
  mode: z.enum(NOTIFICATION_MODES, { error: "Choose how Accord should mail you." }),
  digestHour: z.coerce
    .number({ error: "Choose an hour." })
    .int("Choose an hour.")
    .min(0, "Choose an hour.")
    .max(23, "Choose an hour."),
});
