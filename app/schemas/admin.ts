import * as z from "zod";

import { optionalText, requiredText, versionField } from "~/utils/forms";
import { ORGANIZATION_KINDS, ROLES } from "~db/schema";

export const organizationSchema = z.object({
  name: requiredText(200, "Name"),
  shortName: requiredText(40, "Short name"),
  kind: z.enum(ORGANIZATION_KINDS, { error: "Choose the kind of organization." }),
  country: requiredText(80, "Country"),
  sector: optionalText(120, "Sector"),
});

export const organizationEditSchema = organizationSchema.extend({ version: versionField });

const password = z
  .string({ error: "Enter a password." })
  .min(12, "Use at least 12 characters.")
  .max(128, "Use at most 128 characters.");

const userProfile = {
  displayName: requiredText(120, "Display name"),
  role: z.enum(ROLES, { error: "Choose a role." }),
  organizationId: z.string({ error: "Choose an organization." }).min(1, "Choose an organization."),
};

export const newUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address.")),
  ...userProfile,
  password,
});

export const userProfileSchema = z.object({ ...userProfile, version: versionField });

export const resetPasswordSchema = z.object({ password });

export const auditFilterSchema = z.object({
  user: z.string().optional(),
  action: z.string().max(80).optional(),
  from: z.iso.date("Use a date like 2026-01-31.").optional(),
  to: z.iso.date("Use a date like 2026-01-31.").optional(),
});
