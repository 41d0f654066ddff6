import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigation, useSubmit } from "@remix-run/react";
import type { FormEvent, InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useId } from "react";
import { useForm, type FieldValues, type UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type * as z from "zod";

import type { FieldErrors } from "~/utils/forms";
import { translateMessage } from "~/utils/messages";

/**
 * react-hook-form over a Remix <Form>: validates with the action's own zod schema in the browser,
 * then lets Remix submit the real form. Without JavaScript the form posts natively and the
 * action's errors come back in the same shape.
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { defaultValues?: Record<string, unknown>; serverErrors?: FieldErrors | null } = {},
) {
  const submit = useSubmit();
  const form = useForm({
    // The resolver's types are stricter than a schema generic allows; the runtime contract holds.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    resolver: zodResolver(schema as any),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    defaultValues: options.defaultValues as any,
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
  // react-hook-form fills inputs from defaultValues only once the browser runs it; the server's
  // HTML must carry them too, or a page without JavaScript shows empty fields.
  const register = ((name: string, registerOptions?: Parameters<typeof form.register>[1]) => {
    const registration = form.register(name, registerOptions);
    const value = valueAt(options.defaultValues, name);
    if (typeof value === "boolean") return { ...registration, defaultChecked: value };
    if (typeof value === "string" || typeof value === "number") return { ...registration, defaultValue: value };
    if (Array.isArray(value)) return { ...registration, defaultValue: value.map(String) };
    return registration;
  }) as typeof form.register;
  const errorFor = (name: string): string | undefined => {
    const own = name.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], form.formState.errors) as
      | { message?: string }
      | undefined;
    return own?.message ?? options.serverErrors?.[name];
  };
  // Kept for callers written before `register` carried defaults itself.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const field = (name: string) => register(name as any);
  return { form, onSubmit, errorFor, register, field };
}

function valueAt(values: Record<string, unknown> | undefined, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], values);
}

export function usePending(action?: string): boolean {
  const navigation = useNavigation();
  if (navigation.state !== "submitting") return false;
  return action === undefined || navigation.formAction === action;
}

interface FieldShellProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
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
      {children({ inputId: `${id}-input`, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Registration = UseFormRegisterReturn | { name: string };

export function TextField({
  label,
  hint,
  error,
  registration,
  required,
  ...input
}: { label: string; hint?: ReactNode; error?: string; registration: Registration } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          className="input"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          {...input}
          {...registration}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  registration,
  required,
  ...input
}: { label: string; hint?: ReactNode; error?: string; registration: Registration } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          id={inputId}
          className="input input--area"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          {...input}
          {...registration}
        />
      )}
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
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  registration: Registration;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          className="input"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          {...select}
          {...registration}
        >
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
