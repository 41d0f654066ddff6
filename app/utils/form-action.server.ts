/**
 * The opening every form action shares: authenticate, ask the access module, read the body and
 * validate it against the form's schema, answering 400 with the field errors when it fails. Each
 * action then states only what is particular to it. HTTP glue, so it lives beside the other
 * response helpers rather than in a model.
 */
import { data } from "@remix-run/node";
import type * as z from "zod";

import { assertCan, type Action, type Resource, type SessionUser } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { readFormData } from "~/utils/form-body.server";
import { failure, parseForm, versionField, type FieldErrors, type FormFailure } from "~/utils/forms";
import { notFound } from "~/utils/http.server";

/**
 * A refused form: the messages beside their fields, what the user typed, and a 4xx (400 unless
 * told). `extra` tags the answer for the page (which of its forms it is for, the record it points to).
 */
export function invalidForm<E extends object = object>(
  fieldErrors: FieldErrors,
  values: Record<string, unknown>,
  formError?: string,
  status = 400,
  extra?: E,
) {
  return data({ ...failure(fieldErrors, values, formError), ...(extra as E) }, { status });
}

type Refused<E> = { ok: false; response: ReturnType<typeof data<FormFailure & E>> };

/** Validates an already-read body: the data, or the 400 response (tagged with `extra`) to return as it is. */
export function checkForm<S extends z.ZodType, E extends object = object>(
  schema: S,
  formData: FormData,
  extra?: E,
): { ok: true; data: z.output<S> } | Refused<E> {
  const parsed = parseForm(schema, formData);
  return parsed.ok ? parsed : { ok: false, response: data({ ...parsed, ...(extra as E) }, { status: 400 }) };
}

/**
 * Authenticate (redirect to sign-in), may-I (404 when not), then read and validate the form, in
 * that order: the user, and the data or the 400 response to return as it is.
 */
export async function readValidForm<S extends z.ZodType>(
  request: Request,
  action: Action,
  schema: S,
  resource?: Resource,
): Promise<{ ok: true; user: SessionUser; data: z.output<S> } | Refused<object>> {
  const user = await requireUser(request);
  assertCan(user, action, resource);
  const checked = checkForm(schema, await readFormData(request));
  return checked.ok ? { ok: true, user, data: checked.data } : checked;
}

/**
 * The archive and restore buttons, the same on every record page: read the version the page
 * showed, apply, and answer 404 when the record is gone for this user, 409 with `words.conflict`
 * when it changed meanwhile, otherwise the notice for what was done.
 */
export async function archiveOrRestore(
  formData: FormData,
  apply: (version: number, archive: boolean) => Promise<{ ok: true } | { ok: false; reason: string }>,
  words: { conflict: string; archived: string; restored: string },
) {
  const version = versionField.safeParse(formData.get("version"));
  if (!version.success) return invalidForm({}, {}, "The form is missing its version; reload the page.");
  const archive = formData.get("intent") === "archive";
  const result = await apply(version.data, archive);
  if (!result.ok && result.reason !== "conflict") notFound();
  if (!result.ok) return invalidForm({}, {}, words.conflict, 409);
  return data({ ok: true as const, message: archive ? words.archived : words.restored });
}
