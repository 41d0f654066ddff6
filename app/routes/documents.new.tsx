import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormError, SelectField, SubmitButton, TextField, usePending } from "~/components/forms";
import { documentVisibilities } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { attachDocument, canAttach, documentRecord, type DocumentRecord } from "~/models/documents.server";
import { documentTargetSchema, newDocumentSchema } from "~/schemas/documents";
import { getDb } from "~/utils/db.server";
import { documentFailure, fileRefusalResponse, recordLabel } from "~/utils/documents.server";
import { documentMaxBytes } from "~/utils/env.server";
import { failure, parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { megabytes, readUploadForm } from "~/utils/upload.server";
import { DOCUMENT_KINDS } from "~db/schema";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, "documents:new.title") }];

/** The record named by `?on=…&id=…`, when the user may attach to it; 404 otherwise. */
async function target(request: Request): Promise<{ record: DocumentRecord; user: Awaited<ReturnType<typeof requireUser>> }> {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const parsed = documentTargetSchema.safeParse({ on: url.searchParams.get("on"), id: url.searchParams.get("id") });
  if (!parsed.success) notFound();
  const record = await documentRecord(getDb(), user, parsed.data.on, parsed.data.id);
  if (!record || !canAttach(user, record)) notFound();
  return { record, user };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { record, user } = await target(request);
  return {
    record: recordLabel(record),
    kinds: DOCUMENT_KINDS,
    visibilities: documentVisibilities(user, record.visibility),
    maxMb: megabytes(documentMaxBytes()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { record, user } = await target(request);
  const upload = await readUploadForm(request);
  if (!upload.ok) return documentFailure(upload.status, { file: upload.message });
  const parsed = parseForm(newDocumentSchema, upload.form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await attachDocument(getDb(), user, record, { ...parsed.data, file: upload.file });
  if (result.ok) return redirect(`/documents/${result.record.id}`);
  if (result.code === "forbidden") notFound();
  if (result.code === "archived")
    return data(failure({}, parsed.data, "This record is archived; restore it before attaching documents."), { status: 409 });
  if (result.code === "visibility")
    return data(failure({ visibility: "A document cannot be seen more widely than the record it is on." }, parsed.data), {
      status: 400,
    });
  return fileRefusalResponse(result.code, parsed.data);
}

export default function NewDocumentPage() {
  const { record, kinds, visibilities, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("documents");
  const pending = usePending();
  const errors = actionData?.fieldErrors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const recordTitle = record.demand
    ? t("demandTitle", {
        organization: record.demand.organization,
        material: t(`labels:material.${record.demand.material}`),
        year: record.demand.fiscalYear,
      })
    : record.title;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to={record.href}>{recordTitle}</Link>
        </p>
        <h1>{t("new.title")}</h1>
        <p className="muted">{t("new.intro", { mb: maxMb })}</p>
      </header>
      <FormError message={actionData?.formError} />
      <Form method="post" encType="multipart/form-data" className="card form" noValidate>
        <TextField
          label={t("field.title")}
          registration={{ name: "title" }}
          defaultValue={values.title ?? ""}
          error={errors.title}
          required
          maxLength={200}
        />
        <SelectField
          label={t("field.kind")}
          registration={{ name: "kind" }}
          defaultValue={values.kind ?? "non_paper"}
          error={errors.kind}
          options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          required
        />
        <SelectField
          label={t("field.visibility")}
          hint={t("field.visibilityHint")}
          registration={{ name: "visibility" }}
          defaultValue={values.visibility ?? visibilities[0]}
          error={errors.visibility}
          options={visibilities.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
          required
        />
        <TextField
          label={t("field.file")}
          hint={t("field.fileHint", { mb: maxMb })}
          registration={{ name: "file" }}
          type="file"
          error={errors.file}
          required
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.csv,.txt,application/pdf,image/png,image/jpeg,text/csv,text/plain"
        />
        <div className="form-actions">
          <SubmitButton pending={pending} pendingLabel={t("new.uploading")}>
            {t("new.submit")}
          </SubmitButton>
          <Link to={record.href} className="button">
            {t("new.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
