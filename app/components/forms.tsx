import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigation, useSubmit } from "@remix-run/react";
import {
  useId,
  useRef,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type PathValue,
  type RegisterOptions,
  type UseFormRegisterReturn,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import type * as z from "zod";

import type { FieldErrors } from "~/utils/forms";
import { translateMessage } from "~/utils/translate";

/**
 * The field names of a schema's form: dotted paths into what it reads ("actions.0.dueDate").
 * Paths of its output count too, because a preprocessed field (a list posted as repeated names)
 * has no shape before parsing; a form built on either of two schemas may name the fields of both.
 */
export type FieldName<S extends z.ZodType<FieldValues, FieldValues>> = S extends unknown
  ? Path<z.input<S>> | Path<z.output<S>>
  : never;

/**
 * react-hook-form over a Remix <Form>: validates with the action's own zod schema in the browser,
 * then lets Remix submit the real form. Without JavaScript the form posts natively and the
 * action's errors come back in the same shape.
 *
 * `register` is the one way to wire a field: it also puts the field's default into the server's
 * HTML (react-hook-form applies defaults through refs, which only run in the browser), so a page
 * used without JavaScript shows the record's values. Defaults stay loosely typed: they are what
 * the action echoed back, as posted.
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { defaultValues?: Readonly<Record<string, unknown>>; serverErrors?: FieldErrors | null } = {},
) {
  type Values = z.input<S>;
  const submit = useSubmit();
  const form = useForm<Values>({
    // The resolver's types are stricter than a schema generic allows; the runtime contract holds.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    resolver: zodResolver(schema as any),
    defaultValues: options.defaultValues as DefaultValues<Values> | undefined,
    // Validate on submit, then as the user corrects: validating on blur raced the submit's own
    // validation and dropped errors of other fields.
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldUseNativeValidation: false,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() => submit(submitter ?? formElement))(event);
  };
  const adopted = useRef(new Set<string>());
  const register = (name: FieldName<S>, registerOptions?: RegisterOptions<Values, Path<Values>>) => {
    // react-hook-form knows only the input's paths; FieldName<S> is checked above, not here.
    const path = name as Path<Values>;
    const value = valueAt(options.defaultValues, name);
    const own = form.register(path, registerOptions);
    // Registering writes the default into the input, which would wipe what a user typed before
    // the page hydrated: the first time, a text the user changed is kept instead.
    const registration = {
      ...own,
      ref: (element: Element | null) => {
        const typed = adopted.current.has(name) ? undefined : typedBeforeHydration(element, value);
        if (element) adopted.current.add(name);
        own.ref(element);
        if (typed !== undefined) form.setValue(path, typed as PathValue<Values, Path<Values>>);
      },
    };
    if (typeof value === "boolean") return { ...registration, defaultChecked: value };
    if (typeof value === "string" || typeof value === "number") return { ...registration, defaultValue: value };
    if (Array.isArray(value)) return { ...registration, defaultValue: value.map(String) };
    return registration;
  };
  const errorFor = (name: FieldName<S>): string | undefined => {
    const own = valueAt(form.formState.errors, name) as { message?: string } | undefined;
    return own?.message ?? options.serverErrors?.[name];
  };
  return { form, onSubmit, errorFor, register };
}

/** What a text control holds if it differs from the server-rendered default; checkboxes and radios are left alone. */
function typedBeforeHydration(element: Element | null, initial: unknown): string | undefined {
  const text =
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLSelectElement && !element.multiple) ||
    (element instanceof HTMLInputElement && !["checkbox", "radio", "file", "hidden"].includes(element.type));
  if (!text) return undefined;
  const value = (element as HTMLInputElement).value;
  const initialText = typeof initial === "string" || typeof initial === "number" ? String(initial) : "";
  return value === initialText ? undefined : value;
}

function valueAt(values: object | undefined, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], values);
}

export function usePending(action?: string): boolean {
  const navigation = useNavigation();
  if (navigation.state !== "submitting") return false;
  return action === undefined || navigation.formAction === action;
}

/** The attributes every control of a field carries: its id and what describes it. */
interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  "aria-required": true | undefined;
}

interface FieldShellProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}

function FieldShell({ label, hint, error: message, required, children }: FieldShellProps) {
  const id = useId();
  const { i18n } = useTranslation();
  // Schemas speak English (they run in the browser and the action alike); show the reader's words.
  const error = translateMessage(i18n, message);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={`${id}-input`} className="field__label">
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id: `${id}-input`,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
        "aria-required": required || undefined,
      })}
      <FieldErrorText id={errorId} error={error} />
    </div>
  );
}

/**
 * A field's error below it, announced when it appears, in the reader's words (schemas speak
 * English). `id` is what the field's `aria-describedby` names. Nothing when there is no error.
 */
export function FieldErrorText({ id, error }: { id?: string; error?: string | null }) {
  const { i18n } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field__error" role="alert">
      {translateMessage(i18n, error)}
    </p>
  );
}

type Registration = UseFormRegisterReturn | { name: string };

/** What every field component takes besides its control's own attributes. */
interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  registration: Registration;
}

export function TextField({
  label,
  hint,
  error,
  registration,
  required,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {(control) => <input className="input" {...control} {...input} {...registration} />}
    </FieldShell>
  );
}

/** A password the user is choosing: the browser may offer one, and the hint states the rules. */
export function NewPasswordField({ error, registration }: { error?: string; registration: Registration }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("account.newPassword")}
      type="password"
      autoComplete="new-password"
      required
      hint={t("account.newPasswordHint")}
      error={error}
      registration={registration}
    />
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  registration,
  required,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {(control) => <textarea className="input input--area" {...control} {...input} {...registration} />}
    </FieldShell>
  );
}

export function SelectField({
  label,
  hint,
  error,
  registration,
  options,
  required,
  placeholder,
  ...select
}: FieldProps & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select className="input" {...control} {...select} {...registration}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function FormError({ message }: { message?: string | null }) {
  const { i18n } = useTranslation();
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert">
      {translateMessage(i18n, message)}
    </div>
  );
}

export function SubmitButton({
  children,
  pending,
  pendingLabel,
  ...button
}: { pending: boolean; pendingLabel?: string; children: ReactNode } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button button--primary" aria-disabled={pending || undefined} {...button}>
      {pending ? (pendingLabel ?? t("form.saving")) : children}
    </button>
  );
}

/** What an action reports after it succeeded ("Saved."), announced politely. */
export function Notice({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <div className="notice notice--ok" role="status">
      {typeof children === "string" ? translateMessage(i18n, children) : children}
    </div>
  );
}
