import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { ArchivedTag, ListTable } from "~/components/ListKit";
import { assertCan, assignableVisibilities, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { createVocabularyTag, listTags } from "~/models/tags.server";
import { TAG_MAX, vocabularyTagSchema } from "~/schemas/contacts";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { type FieldErrors } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/route-head";

export const meta = titleMeta("people:tags.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "tags:read");
  const canManage = can(user, "tags:vocabulary");
  const tags = await listTags(getDb(), user, { includeArchived: canManage });
  return {
    tags: tags.map((t) => ({ id: t.id, name: t.name, kind: t.kind, visibility: t.visibility, archived: t.archived_at !== null })),
    canManage,
    visibilities: assignableVisibilities(user),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "tags:vocabulary");
  const parsed = checkForm(vocabularyTagSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const result = await createVocabularyTag(getDb(), user, parsed.data);
  if (!result.ok && result.code === "name_taken")
    return invalidForm({ name: "A tag of that name already exists at that level." }, parsed.data);
  if (!result.ok) notFound();
  return redirect(`/tags/${result.record.id}`);
}

function NewTagForm({
  visibilities,
  serverErrors,
  formError,
  values,
}: {
  visibilities: readonly string[];
  serverErrors?: FieldErrors | undefined;
  formError?: string | undefined;
  values?: Record<string, unknown> | undefined;
}) {
  const { t } = useTranslation("people");
  const pending = usePending();
  const { register, onSubmit, errorFor } = useValidatedForm(vocabularyTagSchema, {
    defaultValues: { visibility: "shared", ...(values ?? {}) },
    serverErrors,
  });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <div className="grid-2">
          <TextField
            label={t("tags.name")}
            required
            maxLength={TAG_MAX}
            error={errorFor("name")}
            registration={register("name")}
          />
          <SelectField
            label={t("contacts.fields.visibility")}
            required
            options={visibilities.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
            error={errorFor("visibility")}
            registration={register("visibility")}
          />
        </div>
        <div className="form-actions">
          <SubmitButton pending={pending}>{t("tags.create")}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export default function TagsPage() {
  const { tags, canManage, visibilities } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("people");
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("tags.title")}</h1>
        <p className="muted">{t("tags.intro")}</p>
      </header>
      <ListTable
        columns={[t("tags.name"), t("tags.kind"), t("contacts.fields.visibility")]}
        empty={tags.length === 0 ? t("tags.empty") : null}
      >
        {tags.map((tag) => (
          <tr key={tag.id}>
            <td>
              <Link to={`/tags/${tag.id}`}>{tag.name}</Link>
              <ArchivedTag archived={tag.archived} />
            </td>
            <td>{tag.kind === "vocabulary" ? t("tags.vocabulary") : t("tags.free")}</td>
            <td>
              <span className={`badge badge--${tag.visibility}`}>{t(`labels:visibility.${tag.visibility}`)}</span>
            </td>
          </tr>
        ))}
      </ListTable>
      {canManage ? (
        <section className="card" aria-labelledby="new-tag-title">
          <h2 id="new-tag-title">{t("tags.newVocabulary")}</h2>
          <NewTagForm
            visibilities={visibilities}
            serverErrors={failed?.fieldErrors}
            formError={failed?.formError}
            values={failed?.values}
          />
        </section>
      ) : null}
    </div>
  );
}
