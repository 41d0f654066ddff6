import * as z from "zod";

import { NOTIFICATION_MODES } from "~db/schema";

export const notificationPreferenceSchema = z.object({
  mode: z.enum(NOTIFICATION_MODES, { error: "Choose how Accord should mail you." }),
  digestHour: z.coerce
    .number({ error: "Choose an hour." })
    .int("Choose an hour.")
    .min(0, "Choose an hour.")
    .max(23, "Choose an hour."),
});
