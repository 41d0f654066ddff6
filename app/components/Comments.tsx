import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextAreaField, usePending, useValidatedForm } from "~/components/forms";
import type { CommentView } from "~/models/comments";
import { commentSchema } from "~/schemas/consultations";
import { useFormat } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
import type { Visibility } from "~db/schema";

export interface CommentFormState {
  fieldErrors?: FieldErrors;
  formError?: string;
  values?: Record<string, unknown>;
  /** Changes after a successful post, to clear the form. */
  savedCount?: number;
}

/**
 * The comments of any record, and a form to add one (posted with `intent=comment` to the record's
 * own route). Reused by every record page that takes comments.
 */
export function Comments({
  comments,
  visibilities,
  state,
  defaultVisibility,
  title,
}: {
  comments: CommentView[];
  /** Levels the user may give a new comment; empty when the user may not comment. */
  visibilities: readonly Visibility[];
  state?: CommentFormState;
  /** The level the form starts at: the strictest the author may use (defaultCommentVisibility). */
  defaultVisibility?: Visibility | null;
  title?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section className="card comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{title ?? t("comments.title")}</h2>
      {comments.length === 0 ? <p className="muted">{t("comments.none")}</p> : null}
      <ol className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className="comment">
            <p className="comment__meta small">
              <strong>{c.authorName}</strong>{" "}
              <span className="muted">
                ({c.authorOrganization}) · {fmt.dateTime(c.createdAt)}
              </span>{" "}
              <span className={`badge badge--${c.visibility}`}>{t(`labels:visibility.${c.visibility}`)}</span>
            </p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: c.html }} />
          </li>
        ))}
      </ol>
      {visibilities.length > 0 ? (
        <CommentForm
          key={state?.savedCount ?? 0}
          visibilities={visibilities}
          defaultVisibility={defaultVisibility}
          state={state}
        />
      ) : null}
    </section>
  );
}

function CommentForm({
  visibilities,
  defaultVisibility,
  state,
}: {
  visibilities: readonly Visibility[];
  defaultVisibility?: Visibility | null;
  state?: CommentFormState;
}) {
  const pending = usePending();
  const { t } = useTranslation();
  // Never "Shared" by default: the strictest level offered, unless the server says which.
  const initial =
    defaultVisibility && visibilities.includes(defaultVisibility)
      ? defaultVisibility
      : (visibilities[visibilities.length - 1] ?? "");
  const defaults = { body: "", visibility: initial, ...(state?.values ?? {}) } as { body: string; visibility: string };
  const { register, onSubmit, errorFor } = useValidatedForm(commentSchema, {
    defaultValues: defaults,
    serverErrors: state?.fieldErrors,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="stack comment-form" aria-label={t("comments.add")}>
      <FormError message={state?.formError} />
      <input type="hidden" name="intent" value="comment" />
      <TextAreaField
        label={t("comments.yours")}
        hint={t("comments.markdown")}
        rows={3}
        error={errorFor("body")}
        defaultValue={defaults.body}
        registration={register("body")}
      />
      <div className="comment-form__row">
        <SelectField
          label={t("comments.whoMayRead")}
          options={visibilities.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
          error={errorFor("visibility")}
          defaultValue={defaults.visibility}
          registration={register("visibility")}
        />
        <SubmitButton pending={pending} pendingLabel={t("comments.posting")}>
          {t("comments.post")}
        </SubmitButton>
      </div>
    </Form>
  );
}
