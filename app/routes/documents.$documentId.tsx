import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFileSize } from "~/components/Documents";
import { FormError, Notice, SubmitButton, TextField, usePending } from "~/components/forms";
import { ListTable } from "~/components/ListKit";
import { requireUser } from "~/models/auth.server";
import { addDocumentVersion, canAttach, getDocument, setDocumentArchived } from "~/models/documents.server";
import { documentVersionSchema } from "~/schemas/documents";
import { getDb } from "~/utils/db.server";
import { fileRefusalResponse, recordLabel } from "~/utils/documents.server";
import { documentMaxBytes } from "~/utils/env.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { failure, parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { revalidateAfterConflict } from "~/utils/revalidate";
import { megabytes, readUploadForm } from "~/utils/upload.server";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "app.plain", { text: data.document.title })
      : pageTitle(matches, "documents:detail.fallbackTitle"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const doc = await getDocument(getDb(), user, params.documentId ?? "");
  if (!doc) notFound();
  const { record, ...rest } = doc;
  return {
    document: rest,
    record: recordLabel(record),
    canManage: canAttach(user, record),
    maxMb: megabytes(documentMaxBytes()),
  };
}

const STALE = "This document changed since you opened it; the page now shows the latest version. Upload again if still needed.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const doc = await getDocument(db, user, params.documentId ?? "");
  if (!doc) notFound();
  if (!canAttach(user, doc.record)) notFound();
  const multipart = (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");

  if (multipart) {
    // A new version: the only form of this page that carries a file.
    const upload = await readUploadForm(request);
    if (!upload.ok) return data({ ...failure({ file: upload.message }), intent: "version" as const }, { status: upload.status });
    const parsed = parseForm(documentVersionSchema, upload.form);
    if (!parsed.ok) return data({ ...parsed, intent: "version" as const }, { status: 400 });
    const result = await addDocumentVersion(db, user, doc, parsed.data.version, upload.file);
    if (result.ok)
      return data({ ok: true as const, intent: "version" as const, message: "New version uploaded. Earlier versions are kept." });
    if (result.reason === "not_found") notFound();
    if (result.reason === "conflict") return data({ ...failure({}, {}, STALE), intent: "version" as const }, { status: 409 });
    if (result.code === "forbidden") notFound();
    if (result.code === "archived" || result.code === "visibility")
      return data(
        { ...failure({}, {}, "Restore this document before uploading a new version."), intent: "version" as const },
        { status: 409 },
      );
    const refusal = fileRefusalResponse(result.code);
    return data({ ...refusal.data, intent: "version" as const }, { status: refusal.init?.status ?? 400 });
  }

  const form = await readFormData(request);
  const intent = form.get("intent");
  if (intent !== "archive" && intent !== "restore")
    return data({ ...failure({}, {}, "Unknown request."), intent: "unknown" as const }, { status: 400 });
  const parsed = parseForm(documentVersionSchema, form);
  if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
  const result = await setDocumentArchived(db, user, doc, parsed.data.version, intent === "archive");
  if (!result.ok && (result.reason === "not_found" || (result.reason === "refused" && result.code === "forbidden"))) notFound();
  if (!result.ok) return data({ ...failure({}, {}, STALE), intent }, { status: 409 });
  return data({
    ok: true as const,
    intent,
    message: intent === "archive" ? "Document archived. It stays readable here." : "Document restored.",
  });
}

export default function DocumentPage() {
  const { document: d, record, canManage, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("documents");
  const format = useFormat();
  const size = useFileSize();
  const pending = usePending();
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const recordTitle = record.demand
    ? t("demandTitle", {
        organization: record.demand.organization,
        material: t(`labels:material.${record.demand.material}`),
        year: record.demand.fiscalYear,
      })
    : record.title;
  return (
    <div className="page">
      <header className="page-header page-header--row">
        <div>
          <p className="eyebrow">
            {t(`recordType.${record.type}`)} · <Link to={record.href}>{recordTitle}</Link>
          </p>
          <h1>{d.title}</h1>
          <p>
            <span className={`badge badge--${d.visibility}`} title={t(`labels:visibilityHint.${d.visibility}`)}>
              {t(`labels:visibility.${d.visibility}`)}
            </span>{" "}
            <span className="badge">{t(`kind.${d.kind}`)}</span>{" "}
            {d.archivedAt ? (
              <span className="badge badge--warn">{t("detail.archivedOn", { date: format.dateTime(d.archivedAt) })}</span>
            ) : null}
          </p>
        </div>
        <div className="form-actions no-print">
          <a className="button button--primary" href={`/documents/${d.id}/download`} download>
            {t("detail.downloadLatest")}
          </a>
          {canManage ? (
            <Form method="post">
              <input type="hidden" name="intent" value={d.archivedAt ? "restore" : "archive"} />
              <input type="hidden" name="version" value={d.version} />
              <button type="submit" className="button">
                {d.archivedAt ? t("detail.restore") : t("detail.archive")}
              </button>
            </Form>
          ) : null}
        </div>
      </header>

      {actionData && "message" in actionData ? <Notice>{actionData.message}</Notice> : null}
      {failed?.formError ? <FormError message={failed.formError} /> : null}

      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">{t("detail.versions")}</h2>
        <ListTable
          columns={[t("detail.version"), t("detail.file"), t("detail.size"), t("detail.uploaded"), t("detail.sha256")]}
          action={t("list.download")}
        >
          {d.versions.map((v) => (
            <tr key={v.number}>
              <td>
                {t("detail.versionNumber", { number: v.number })}
                {v.number === d.currentNumber ? (
                  <>
                    {" "}
                    <span className="badge">{t("detail.current")}</span>
                  </>
                ) : null}
              </td>
              <td>
                {v.fileName}
                {v.searchable ? <span className="small muted"> · {t("detail.searchable")}</span> : null}
              </td>
              <td className="nowrap">{size(v.byteSize)}</td>
              <td className="small">
                {t("detail.uploadedBy", {
                  name: v.uploadedBy,
                  organization: v.organization,
                  date: format.dateTime(v.uploadedAt),
                })}
              </td>
              <td>
                <code className="small digest">{v.sha256}</code>
              </td>
              <td className="no-print">
                <a
                  href={`/documents/${d.id}/download?v=${v.number}`}
                  download
                  aria-label={t("detail.downloadVersion", { number: v.number })}
                >
                  {t("list.download")}
                </a>
              </td>
            </tr>
          ))}
        </ListTable>
      </section>

      {canManage && !d.archivedAt ? (
        <section className="card no-print" aria-labelledby="new-version-title">
          <h2 id="new-version-title">{t("detail.newVersion")}</h2>
          <p className="muted small">{t("detail.newVersionHint")}</p>
          <Form method="post" encType="multipart/form-data" className="form" noValidate>
            <input type="hidden" name="version" value={d.version} />
            <TextField
              label={t("field.file")}
              hint={t("field.fileHint", { mb: maxMb })}
              registration={{ name: "file" }}
              type="file"
              error={actionData?.intent === "version" ? failed?.fieldErrors.file : undefined}
              required
            />
            <div className="form-actions">
              <SubmitButton pending={pending} pendingLabel={t("new.uploading")}>
                {t("detail.uploadVersion")}
              </SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
