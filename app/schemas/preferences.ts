import * as z from "zod";

import { LOCALES } from "~/utils/preferences";
import { isKnownTimeZone } from "~/utils/time";

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
