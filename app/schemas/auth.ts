import * as z from "zod";

export const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address.")),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
  redirectTo: z.string().optional(),
});

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

// The strength rules beyond length (common passwords) are the server's, in password.server.ts.
const newPassword = z
  .string({ error: "Enter a new password." })
  .min(12, "Use at least 12 characters.")
  .max(128, "Use at most 128 characters.");

export const forgotPasswordSchema = z.object({ email });

export const resetWithTokenSchema = z.object({ password: newPassword });

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(1024, "That password is too long."),
  newPassword,
});
