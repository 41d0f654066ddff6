import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ArchiveButton } from "~/components/ArchiveCard";
import { FormError, Notice, SelectField, SubmitButton, TextField, usePending, useValidatedForm } from "~/components/forms";
import { assertCan, assignableVisibilities, can } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { getTag, recordsTagged, setTagArchived, updateTag } from "~/models/tags.server";
import { TAG_MAX, vocabularyTagEditSchema } from "~/schemas/contacts";
import { getDb } from "~/utils/db.server";
import { archiveOrRestore, checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";

/** After a 409 the form must carry the record's new version: see `revalidateAfterConflict`. */
export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "app.plain", { text: data.tag.name }) : pageTitle(matches, "people:tags.title") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "tags:read");
  const db = getDb();
  const tag = await getTag(db, user, params.tagId ?? "");
  if (!tag) notFound();
  const records = await recordsTagged(db, user, tag.id);
  return {
    tag: {
      id: tag.id,
      name: tag.name,
      kind: tag.kind,
      visibility: tag.visibility,
      archived: tag.archived_at !== null,
      version: tag.version,
    },
    consultations: records.consultations.map((c) => ({
      id: c.id,
      title: c.title,
      startsAt: c.starts_at,
    })),
    issues: records.issues.map((i) => ({ id: i.id, title: i.title })),
    milestones: records.milestones.map((m) => ({ id: m.id, title: m.title, due: m.due_date })),
    canManage: can(user, "tags:vocabulary"),
    visibilities: assignableVisibilities(user),
  };
}

const CONFLICT =
  "Someone else changed this tag while you were editing. Your input is kept: compare it with the tag as it is now, then save again to apply it.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "tags:read");
  const db = getDb();
  const tag = await getTag(db, user, params.tagId ?? "");
  if (!tag) notFound();
  assertCan(user, "tags:vocabulary");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "archive" || intent === "restore") {
    return archiveOrRestore(formData, (version, archive) => setTagArchived(db, user, tag.id, version, archive), {
      conflict: CONFLICT,
      archived: "Tag archived.",
      restored: "Tag restored.",
    });
  }
  const parsed = checkForm(vocabularyTagEditSchema, formData);
  if (!parsed.ok) return parsed.response;
  if (!assignableVisibilities(user).includes(parsed.data.visibility))
    return invalidForm({ visibility: "Choose a visibility you may give." }, parsed.data);
  const result = await updateTag(db, user, tag.id, parsed.data.version, parsed.data);
  if (!result.ok && result.reason === "refused" && result.code === "name_taken")
    return invalidForm({ name: "A tag of that name already exists at that level." }, parsed.data);
  if (!result.ok && result.reason !== "conflict") notFound();
  if (!result.ok) return invalidForm({}, parsed.data, CONFLICT, 409);
  return data({ ok: true as const, message: "Saved." });
}

function EditTagForm({
  version,
  visibilities,
  defaultValues,
  serverErrors,
  formError,
}: {
  version: number;
  visibilities: readonly string[];
  defaultValues: Record<string, unknown>;
  serverErrors?: Record<string, string> | undefined;
  formError?: string | undefined;
}) {
  const { t } = useTranslation("people");
  const pending = usePending();
  const { register, onSubmit, errorFor } = useValidatedForm(vocabularyTagEditSchema, { defaultValues, serverErrors });
  return (
    <>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={version} />
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
        <p className="small muted">{t("tags.editHint")}</p>
        <div className="form-actions">
          <SubmitButton pending={pending}>{t("contacts.save")}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export default function TagPage() {
  const { tag, consultations, issues, milestones, canManage, visibilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const { t } = useTranslation("people");
  const fmt = useFormat();
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            <Link to="/tags">{t("tags.title")}</Link>
          </p>
          <h1>{tag.name}</h1>
          <p>
            <span className="badge">{tag.kind === "vocabulary" ? t("tags.vocabulary") : t("tags.free")}</span>{" "}
            <span className={`badge badge--${tag.visibility}`}>{t(`labels:visibility.${tag.visibility}`)}</span>{" "}
            {tag.archived ? <span className="badge badge--warn">{t("contacts.archivedShort")}</span> : null}
          </p>
        </div>
        {canManage ? <ArchiveButton archived={tag.archived} version={tag.version} /> : null}
      </header>
      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      <section className="card" aria-labelledby="tagged-consultations">
        <h2 id="tagged-consultations">{t("tags.consultations")}</h2>
        {consultations.length === 0 ? <p className="muted">{t("tags.noneTagged")}</p> : null}
        <ul className="attendee-list">
          {consultations.map((c) => (
            <li key={c.id}>
              <Link to={`/consultations/${c.id}`}>{c.title}</Link> <span className="muted small">{fmt.dateTime(c.startsAt)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="tagged-issues">
        <h2 id="tagged-issues">{t("tags.issues")}</h2>
        {issues.length === 0 ? <p className="muted">{t("tags.noneTagged")}</p> : null}
        <ul className="attendee-list">
          {issues.map((i) => (
            <li key={i.id}>
              <Link to={`/issues/${i.id}`}>{i.title}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="tagged-milestones">
        <h2 id="tagged-milestones">{t("tags.milestones")}</h2>
        {milestones.length === 0 ? <p className="muted">{t("tags.noneTagged")}</p> : null}
        <ul className="attendee-list">
          {milestones.map((m) => (
            <li key={m.id}>
              <Link to={`/milestones/${m.id}`}>{m.title}</Link> <span className="muted small">{fmt.plainDate(m.due)}</span>
            </li>
          ))}
        </ul>
      </section>
      {canManage ? (
        <section className="card no-print" aria-labelledby="edit-tag-title">
          <h2 id="edit-tag-title">{t("tags.edit")}</h2>
          <EditTagForm
            key={tag.version}
            version={tag.version}
            visibilities={visibilities}
            defaultValues={{ name: tag.name, visibility: tag.visibility, ...(failed?.values ?? {}) }}
            serverErrors={failed?.fieldErrors}
            formError={failed?.formError}
          />
        </section>
      ) : null}
    </div>
  );
}
