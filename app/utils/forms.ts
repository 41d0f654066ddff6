/**
 * Shared by the browser and the action: one zod schema validates a form in both places.
 * Field errors are keyed by dotted path ("actions.0.dueDate"), the same names the inputs carry.
 *
 * Parsing is bounded by the schema (docs/decisions/010-hardening.md): a field name is kept only
 * when the schema has that path, an array index only below the array's `.max()` (or
 * DEFAULT_MAX_ITEMS), so no request can make the server build or echo more than the form holds.
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

/** Rows or choices of a list field whose schema states no `.max()`. */
export const DEFAULT_MAX_ITEMS = 200;
/** Nesting allowed below a field whose schema accepts anything (z.unknown, a custom preprocess). */
const FREE_DEPTH = 3;

/** What a schema can hold, as far as form field names are concerned. */
export type FormShape =
  | { kind: "leaf" }
  | { kind: "object"; fields: Record<string, FormShape> }
  | { kind: "array"; element: FormShape; max: number }
  | { kind: "record"; value: FormShape }
  | { kind: "free"; depth: number };

const LEAF: FormShape = { kind: "leaf" };
const FREE: FormShape = { kind: "free", depth: FREE_DEPTH };

interface ZodDefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

function defOf(schema: z.ZodType): ZodDefLike {
  return (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
}

function merge(a: FormShape | null, b: FormShape | null): FormShape | null {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === "object" && b.kind === "object") {
    const fields = { ...a.fields };
    for (const [k, v] of Object.entries(b.fields)) fields[k] = merge(fields[k] ?? null, v) ?? v;
    return { kind: "object", fields };
  }
  if (a.kind === "array" && b.kind === "array")
    return {
      kind: "array",
      element: merge(a.element, b.element)!,
      max: Math.min(a.max, b.max),
    };
  // A preprocess (free) in front of a typed schema: the typed side says what may be posted.
  if (a.kind === "free") return b;
  if (b.kind === "free") return a;
  return a.kind === "leaf" ? b : a;
}

const shapes = new WeakMap<z.ZodType, FormShape>();

/** The field names a schema can hold, derived from its zod definition. */
export function formShape(schema: z.ZodType, seen = new Set<z.ZodType>()): FormShape {
  const cached = shapes.get(schema);
  if (cached) return cached;
  if (seen.has(schema)) return FREE; // a recursive (lazy) schema: bounded by FREE_DEPTH
  seen.add(schema);
  const shape = walk(schema, seen);
  seen.delete(schema);
  shapes.set(schema, shape);
  return shape;
}

function walk(schema: z.ZodType, seen: Set<z.ZodType>): FormShape {
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const fields: Record<string, FormShape> = {};
      for (const [key, value] of Object.entries(def.shape ?? {})) fields[key] = formShape(value, seen);
      return { kind: "object", fields };
    }
    case "array": {
      const maxCheck = (def.checks ?? []).map((c) => c._zod.def).find((c) => c.check === "max_length");
      return {
        kind: "array",
        element: formShape(def.element!, seen),
        max: maxCheck?.maximum ?? DEFAULT_MAX_ITEMS,
      };
    }
    case "record":
      return { kind: "record", value: formShape(def.valueType!, seen) };
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return formShape(def.innerType!, seen);
    case "pipe":
      return merge(formShape(def.in!, seen), formShape(def.out!, seen)) ?? FREE;
    case "union":
      return (def.options ?? []).map((o) => formShape(o, seen)).reduce<FormShape | null>(merge, null) ?? FREE;
    case "intersection":
      return merge(formShape(def.left!, seen), formShape(def.right!, seen)) ?? FREE;
    case "lazy":
      return formShape(def.getter!(), seen);
    case "transform":
    case "any":
    case "unknown":
      return FREE;
    default:
      return LEAF;
  }
}

// A field named `__proto__.x` must never reach Object.prototype (it would change every object).
const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);
const INDEX = /^(0|[1-9]\d{0,8})$/;
const FREE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** The shape under `part` of `shape`, or null when the schema has no such path. */
function childShape(shape: FormShape, part: string): FormShape | null {
  if (FORBIDDEN_KEYS.has(part)) return null;
  switch (shape.kind) {
    case "object":
      return Object.hasOwn(shape.fields, part) ? shape.fields[part]! : null;
    case "array":
      return INDEX.test(part) && Number(part) < shape.max ? shape.element : null;
    case "record":
      return FREE_KEY.test(part) ? shape.value : null;
    case "free":
      if (shape.depth <= 0) return null;
      return FREE_KEY.test(part) && (!INDEX.test(part) || Number(part) < DEFAULT_MAX_ITEMS)
        ? { kind: "free", depth: shape.depth - 1 }
        : null;
    case "leaf":
      return null;
  }
}

function maxRepeats(shape: FormShape): number {
  // A repeated name fills a list of choices up to its bound; a single field keeps two values, enough
  // for the schema to say "expected one" without holding every copy.
  return shape.kind === "array" ? shape.max : shape.kind === "free" ? DEFAULT_MAX_ITEMS : 2;
}

/**
 * Turns FormData into a plain object; a repeated name becomes an array. Names the shape (the
 * schema's, or a small free one) does not know are dropped, never stored or echoed.
 */
export function formDataToObject(formData: FormData, schema?: z.ZodType): Record<string, unknown> {
  const shape = schema ? formShape(schema) : FREE;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    setPath(out, shape, key, raw);
  }
  return out;
}

function setPath(target: Record<string, unknown>, root: FormShape, key: string, value: string) {
  if (key.length > 200) return;
  const parts = key.split(".");
  const chain: FormShape[] = [];
  let shape: FormShape = root;
  for (const part of parts) {
    const next = childShape(shape, part);
    if (!next) return;
    chain.push(next);
    shape = next;
  }
  let node: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const child = Object.hasOwn(node, part) ? node[part] : undefined;
    if (typeof child !== "object" || child === null) {
      const kind = chain[i]!.kind;
      node[part] = kind === "array" || (kind === "free" && INDEX.test(parts[i + 1]!)) ? [] : {};
    }
    node = node[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  const existing = Object.hasOwn(node, last) ? node[last] : undefined;
  if (existing === undefined) node[last] = value;
  else if (Array.isArray(existing)) {
    if (existing.length < maxRepeats(shape) && existing.every((v) => typeof v === "string")) existing.push(value);
  } else if (typeof existing === "string") node[last] = [existing, value];
}

// Control characters never belong in stored text; newline and tab only in multi-line fields.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\n\r\t\u2028\u2029]/;
// Unpaired surrogates, and the noncharacters U+FFFE/U+FFFF (form-body.server.ts marks a value that
// was not valid UTF-8 with one).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/;
/** Embeddings, overrides and isolates: they can make "exe.pdf" display as "fdp.exe". */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export type TextKind = "oneLine" | "multiLine";

/** The one normalisation every text input gets: Unicode NFC, and CRLF as LF in multi-line text. */
export function normaliseText(value: string, kind: TextKind = "oneLine"): string {
  const nfc = LONE_SURROGATE.test(value) ? value : value.normalize("NFC");
  return kind === "multiLine" ? nfc.replace(/\r\n?/g, "\n") : nfc;
}

/** Why a text cannot be stored, or null. `label` starts the message shown next to the field. */
export function textProblem(value: string, label: string, kind: TextKind | "any" = "oneLine"): string | null {
  if (LONE_SURROGATE.test(value)) return `${label} contains broken characters (not valid Unicode); retype it.`;
  if (CONTROL.test(value)) return `${label} contains a control character; remove it.`;
  if (kind === "oneLine" && LINE_BREAK_OR_TAB.test(value)) return `${label} must be one line, without line breaks or tabs.`;
  if (kind === "oneLine" && BIDI_CONTROL.test(value))
    return `${label} contains a text-direction control character, which can disguise text; remove it.`;
  return null;
}

/** The text rules as a zod refinement, for a text schema not built with the helpers below. */
export function textCheck(label: string, kind: TextKind) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const problem = textProblem(value, label, kind);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

/** A required one-line text (titles, names). */
export function requiredText(max: number, label: string, kind: TextKind = "oneLine") {
  return z
    .string({ error: `${label} is required.` })
    .overwrite((v) => normaliseText(v, kind))
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .superRefine(textCheck(label, kind));
}

/** An optional text field: an empty input means "not given". */
export function optionalText(max: number, label = "This field", kind: TextKind = "oneLine") {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? normaliseText(v, kind).trim() : v),
    z.string().max(max, `${label} must be at most ${max} characters.`).superRefine(textCheck(label, kind)).optional(),
  );
}

/** The builders by name: every free-text field of a schema is one of these. */
export const oneLine = (max: number, label: string) => requiredText(max, label, "oneLine");
export const multiLine = (max: number, label: string) => requiredText(max, label, "multiLine");
export const optionalOneLine = (max: number, label: string) => optionalText(max, label, "oneLine");
export const optionalMultiLine = (max: number, label: string) => optionalText(max, label, "multiLine");

/**
 * The step in front of every schema: every posted string in NFC, and none carrying control
 * characters or broken surrogates, whichever zod type reads it. Returns errors by path.
 */
function normaliseValues(value: unknown, path: string, errors: FieldErrors): unknown {
  if (typeof value === "string") {
    const problem = textProblem(value, "This field", "any");
    if (problem) {
      errors[path || "form"] ??= problem;
      return value.replace(new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, "g"), "");
    }
    return normaliseText(value, "oneLine");
  }
  if (Array.isArray(value)) return value.map((v, i) => normaliseValues(v, path ? `${path}.${i}` : String(i), errors));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normaliseValues(v, path ? `${path}.${k}` : k, errors);
    return out;
  }
  return value;
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): { ok: true; data: z.output<S> } | FormFailure {
  const textErrors: FieldErrors = {};
  const values = normaliseValues(formDataToObject(formData, schema), "", textErrors) as Record<string, unknown>;
  const result = schema.safeParse(values);
  if (result.success && Object.keys(textErrors).length === 0) return { ok: true, data: result.data };
  const fieldErrors = {
    ...(result.success ? {} : issuesToFieldErrors(result.error.issues)),
    ...textErrors,
  };
  const { form: formError, ...rest } = fieldErrors;
  return {
    ok: false,
    fieldErrors: rest,
    formError,
    values: withoutSecrets(values),
  };
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
export function manyOf<T extends z.ZodType>(item: T, max = DEFAULT_MAX_ITEMS) {
  return z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(max, `Choose at most ${max}.`),
  );
}

/** A checkbox posts "on" (or its value) when ticked and nothing when not. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1" || v === true, z.boolean());

/** The record version an edit was based on, for refusing stale edits. */
export const versionField = z.coerce.number({ error: "The form is missing its version; reload the page." }).int().min(1);
