import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FieldErrorText } from "~/components/forms";
import type { FieldErrors } from "~/utils/forms";
import type { Visibility } from "~db/schema";

export interface TagChip {
  id: string;
  name: string;
  visibility: Visibility;
}

/**
 * A record's tags, each linking to the tag's page, and for its editors a form to add one (from the
 * vocabulary or typed) and a button to take one off. Posts `intent=tag-add` / `tag-remove` to the
 * record's own route.
 */
export function RecordTags({
  tags,
  choices,
  canEdit,
  errors,
}: {
  tags: readonly TagChip[];
  choices: readonly { id: string; name: string; kind: "vocabulary" | "free" }[];
  canEdit: boolean;
  errors?: FieldErrors | undefined;
}) {
  const { t } = useTranslation("people");
  const onRecord = new Set(tags.map((tag) => tag.id));
  const vocabulary = choices.filter((c) => c.kind === "vocabulary" && !onRecord.has(c.id));
  const free = choices.filter((c) => c.kind === "free" && !onRecord.has(c.id));
  const error = errors?.name ?? errors?.tagId;
  return (
    <section className="card" aria-labelledby="tags-title">
      <div className="card__head">
        <h2 id="tags-title">{t("tags.onRecord")}</h2>
        <Link to="/tags" className="small">
          {t("tags.all")}
        </Link>
      </div>
      {tags.length === 0 ? <p className="muted">{t("tags.noneOnRecord")}</p> : null}
      <ul className="chips">
        {tags.map((tag) => (
          <li key={tag.id}>
            <Link to={`/tags/${tag.id}`}>{tag.name}</Link>
            {canEdit ? (
              <Form method="post" className="inline-form no-print">
                <input type="hidden" name="intent" value="tag-remove" />
                <input type="hidden" name="tagId" value={tag.id} />
                <button
                  type="submit"
                  className="button button--small button--quiet"
                  aria-label={t("tags.removeOf", { tag: tag.name })}
                >
                  ×
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <Form method="post" className="filters no-print" aria-label={t("tags.addForm")}>
          <input type="hidden" name="intent" value="tag-add" />
          <label className="filter">
            <span>{t("tags.fromVocabulary")}</span>
            <select name="tagId" className="input" defaultValue="">
              <option value="">{t("tags.choose")}</option>
              {vocabulary.length > 0 ? (
                <optgroup label={t("tags.vocabulary")}>
                  {vocabulary.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {free.length > 0 ? (
                <optgroup label={t("tags.freeTags")}>
                  {free.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>
          <label className="filter">
            <span>{t("tags.orNew")}</span>
            <input
              type="text"
              name="name"
              className="input"
              maxLength={60}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "tag-error" : undefined}
            />
          </label>
          <button type="submit" className="button">
            {t("tags.add")}
          </button>
          <FieldErrorText id="tag-error" error={error} />
        </Form>
      ) : null}
    </section>
  );
}
