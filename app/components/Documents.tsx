import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ListTable } from "~/components/ListKit";
import type { DocumentSummary } from "~/models/documents";
import { useFormat } from "~/utils/format";
import type { DocumentKind, Visibility } from "~db/schema";

/** A file size in the reader's digits: KB below a megabyte, MB above. */
export function useFileSize() {
  const { t } = useTranslation("documents");
  const format = useFormat();
  const tenths = new Intl.NumberFormat(format.reader.locale, { maximumFractionDigits: 1 });
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? t("size.kb", { value: format.integer(Math.max(1, Math.round(bytes / 1024))) })
      : t("size.mb", { value: tenths.format(bytes / (1024 * 1024)) });
}

/**
 * The documents attached to a record, newest first, each with its latest version to download,
 * and a link to attach another when the user may. Reused by every record page that takes them.
 */
export function Documents({ documents, attachHref }: { documents: DocumentSummary[]; attachHref: string | null }) {
  const { t } = useTranslation("documents");
  const format = useFormat();
  const size = useFileSize();
  return (
    <section className="card documents" aria-labelledby="documents-title">
      <div className="page-header--row">
        <h2 id="documents-title">{t("list.title")}</h2>
        {attachHref ? (
          <Link to={attachHref} className="button no-print">
            {t("list.attach")}
          </Link>
        ) : null}
      </div>
      {documents.length === 0 ? (
        <p className="muted">{t("list.none")}</p>
      ) : (
        <ListTable columns={[t("list.document"), t("list.kind"), t("list.level"), t("list.latest")]} action={t("list.download")}>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>
                <Link to={`/documents/${d.id}`}>{d.title}</Link>
                {d.archivedAt ? (
                  <>
                    {" "}
                    <span className="badge badge--muted">{t("archived")}</span>
                  </>
                ) : null}
              </td>
              <td>{t(`kind.${d.kind}`)}</td>
              <td>
                <span className={`badge badge--${d.visibility}`}>{t(`labels:visibility.${d.visibility}`)}</span>
              </td>
              <td className="small">
                {t("list.versionLine", {
                  number: d.currentNumber,
                  file: d.fileName,
                  size: size(d.byteSize),
                  date: format.dateTime(d.uploadedAt),
                })}
              </td>
              <td className="no-print">
                <a href={`/documents/${d.id}/download`} download aria-label={t("list.downloadOf", { title: d.title })}>
                  {t("list.download")}
                </a>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}

export interface DocumentHitItem {
  id: string;
  title: string;
  kind: DocumentKind;
  visibility: Visibility;
  archivedAt: string | null;
  recordType: "consultation" | "issue" | "milestone" | "demand_request";
  snippet: { text: string; hit: boolean }[];
}

/** Documents whose title or text matched a search, beside the consultations that did. */
export function DocumentHits({ hits }: { hits: DocumentHitItem[] }) {
  const { t } = useTranslation("documents");
  if (hits.length === 0) return null;
  return (
    <section aria-labelledby="document-hits-title">
      <h2 id="document-hits-title">{t("search.title")}</h2>
      <ol className="search-results">
        {hits.map((h) => (
          <li key={h.id} className="card search-hit">
            <h3 className="search-hit__title">
              <Link to={`/documents/${h.id}`}>{h.title}</Link>
            </h3>
            <p className="small muted">
              {t(`recordType.${h.recordType}`)} · {t(`kind.${h.kind}`)} ·{" "}
              <span className={`badge badge--${h.visibility}`}>{t(`labels:visibility.${h.visibility}`)}</span>
              {h.archivedAt ? (
                <>
                  {" "}
                  <span className="badge badge--muted">{t("archived")}</span>
                </>
              ) : null}
            </p>
            <p className="search-hit__snippet">
              {h.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
