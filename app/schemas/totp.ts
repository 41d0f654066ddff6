import * as z from "zod";

/** The second step of sign-in: six digits from the app, or one recovery code. */
export const signInCodeSchema = z.object({
  code: z
    .string({ error: "Enter the code from your authenticator app, or a recovery code." })
    .trim()
    .min(1, "Enter the code from your authenticator app, or a recovery code.")
    .max(32, "That code is too long."),
  redirectTo: z.string().optional(),
});

/** Confirming a new authenticator, turning it off or renewing recovery codes. */
export const totpCodeSchema = z.object({
  code: z
    .string({ error: "Enter the 6-digit code your authenticator app shows." })
    .trim()
    .min(1, "Enter the 6-digit code your authenticator app shows.")
    .max(32, "That code is too long."),
});

export const TOTP_INTENTS = ["start", "confirm", "disable", "regenerate"] as const;
