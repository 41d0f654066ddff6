import * as z from "zod";

import { checkbox, manyOf, optionalText, requiredText, versionField } from "~/utils/forms";
import { VISIBILITIES } from "~db/schema";

export const CONTACT_LIMITS = { name: 200, title: 200, email: 254, phone: 40, languages: 200, notes: 10_000 } as const;

/** An empty input means "not given"; anything else is trimmed and checked by `inner`. */
const optional = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v), inner.optional());

const email = optional(
  z
    .string()
    .max(CONTACT_LIMITS.email, "The e-mail address must be at most 254 characters.")
    .pipe(z.email("Enter an e-mail address like name@example.org.")),
);

/** Digits with the usual separators and an optional leading +: 6 to 15 digits, as E.164 allows. */
const PHONE = /^\+?[0-9][0-9 ().\-/]*[0-9]$/;
const phone = optional(
  z
    .string()
    .max(CONTACT_LIMITS.phone, "The phone number must be at most 40 characters.")
    .refine((v) => PHONE.test(v), "Enter a phone number of digits, spaces and dashes, like +91 11 2306 1234.")
    .refine((v) => {
      const digits = v.replace(/\D/g, "").length;
      return digits >= 6 && digits <= 15;
    }, "A phone number has 6 to 15 digits."),
);

const contactFields = {
  name: requiredText(CONTACT_LIMITS.name, "Name"),
  title: optionalText(CONTACT_LIMITS.title, "Job title"),
  organizationId: z.string({ error: "Choose the person's organization." }).min(1, "Choose the person's organization."),
  email,
  phone,
  languages: optionalText(CONTACT_LIMITS.languages, "Languages"),
  notes: optionalText(CONTACT_LIMITS.notes, "Notes", "multiLine"),
  visibility: z.enum(VISIBILITIES, { error: "Choose who may see this contact." }),
};

export const contactSchema = z.object(contactFields);
export const contactEditSchema = z.object({ ...contactFields, version: versionField });
export type ContactForm = z.output<typeof contactSchema>;

export const contactFilterSchema = z.object({
  org: z.string().max(64).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  archived: z.enum(["exclude", "include", "only"]).optional(),
  // Words are never an error: an over-long query is cut, not refused.
  q: z
    .string()
    .transform((v) => v.slice(0, 200))
    .optional(),
});
export type ContactFilter = z.output<typeof contactFilterSchema>;

/** One person added to a consultation: `contact:<id>` or `user:<id>`. */
export const attendeeSchema = z.object({
  person: z
    .string({ error: "Choose who attended." })
    .regex(/^(contact|user):[A-Za-z0-9-]{1,64}$/, "Choose who attended from the list."),
  leads: checkbox,
});

export const attendeeRefSchema = z.object({ attendeeId: z.string().min(1).max(64) });

/** The relationship owners of an organization: users of the Indian side. */
export const ownersSchema = z.object({ ownerIds: manyOf(z.string().min(1).max(64), 50), version: versionField });

export const TAG_MAX = 60;

/** A tag's name: one line, at most 60 characters. */
export const tagName = requiredText(TAG_MAX, "Tag");

export const vocabularyTagSchema = z.object({
  name: tagName,
  visibility: z.enum(VISIBILITIES, { error: "Choose who may see this tag." }),
});
export const vocabularyTagEditSchema = vocabularyTagSchema.extend({ version: versionField });

/** Adding a tag to a record: one from the vocabulary, or a free tag typed in. */
export const addTagSchema = z
  .object({
    tagId: optional(z.string().max(64)),
    name: optional(
      z
        .string()
        .max(TAG_MAX, "Tag must be at most 60 characters.")
        .refine((v) => !/[\n\r\t]/.test(v), "Tag must be one line, without line breaks or tabs."),
    ),
  })
  .superRefine((value, ctx) => {
    if (!value.tagId && !value.name)
      ctx.addIssue({ code: "custom", path: ["name"], message: "Choose a tag from the vocabulary or type a new one." });
  });

export const removeTagSchema = z.object({ tagId: z.string().min(1).max(64) });

export const tagFilter = z.string().max(64).optional();
