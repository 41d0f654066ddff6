/**
 * Shared by the browser and the action: one zod schema validates a form in both places.
 * Field errors are keyed by dotted path ("actions.0.dueDate"), the same names the inputs carry.
 */
import * as z from "zod";

export type FieldErrors = Record<string, string>;

export interface FormFailure {
  ok: false;
  fieldErrors: FieldErrors;
  formError?: string;
  /** What the user typed, echoed back so nothing is lost when the page renders without JS. */
  values: Record<string, unknown>;
}

/** Turns FormData into a plain object; a repeated name becomes an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    setPath(out, key, raw);
  }
  return out;
}

// A field named `__proto__.x` must never reach Object.prototype (it would change every object).
const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

function setPath(target: Record<string, unknown>, key: string, value: string) {
  const parts = key.split(".");
  if (parts.some((part) => FORBIDDEN_KEYS.has(part))) return;
  let node: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const next = parts[i + 1]!;
    const child = Object.hasOwn(node, part) ? node[part] : undefined;
    if (typeof child !== "object" || child === null) node[part] = /^\d+$/.test(next) ? [] : {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  const existing = Object.hasOwn(node, last) ? node[last] : undefined;
  if (existing === undefined) node[last] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else node[last] = [existing, value];
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.output<S> } | FormFailure {
  const values = formDataToObject(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors = issuesToFieldErrors(result.error.issues);
  const { form: formError, ...rest } = fieldErrors;
  return { ok: false, fieldErrors: rest, formError, values: withoutSecrets(values) };
}

function withoutSecrets(values: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...values };
  for (const key of Object.keys(copy)) if (/password/i.test(key)) delete copy[key];
  return copy;
}

export function failure(fieldErrors: FieldErrors, values: Record<string, unknown> = {}, formError?: string): FormFailure {
  return { ok: false, fieldErrors, formError, values: withoutSecrets(values) };
}

/** A multi-valued field: FormData gives one string for one choice and an array for several. */
export function manyOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** An optional text field: an empty input means "not given". */
export function optionalText(max: number, label = "This field") {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max, `${label} must be at most ${max} characters.`).optional(),
  );
}

export function requiredText(max: number, label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);
}

/** A checkbox posts "on" (or its value) when ticked and nothing when not. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1" || v === true, z.boolean());

/** The record version an edit was based on, for refusing stale edits. */
export const versionField = z.coerce.number({ error: "The form is missing its version; reload the page." }).int().min(1);
