import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Archiving is the only way a record leaves the lists (nothing is deleted): one button posts the
 * `archive` or `restore` intent with the version the page was rendered from.
 */
export function ArchiveButton({
  archived,
  version,
  archiveLabel,
  restoreLabel,
}: {
  archived: boolean;
  version: number;
  archiveLabel?: string;
  restoreLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="intent" value={archived ? "restore" : "archive"} />
      <button type="submit" className={archived ? "button" : "button button--danger"}>
        {archived ? (restoreLabel ?? t("archive.restore")) : (archiveLabel ?? t("archive.archive"))}
      </button>
    </Form>
  );
}

/** The "Archive" / "Restore" card at the foot of a record's page. */
export function ArchiveCard({
  archived,
  version,
  noun,
  archiveNote,
  restoreNote,
  className = "card",
  archiveLabel,
  restoreLabel,
}: {
  archived: boolean;
  version: number;
  /** Names the record in the button: "Archive issue". */
  noun: string;
  /** The button's words in the reader's language, when the page has them ("Archive milestone"). */
  archiveLabel?: string;
  restoreLabel?: string;
  archiveNote: ReactNode;
  restoreNote: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className={className} aria-labelledby="archive-title">
      <h2 id="archive-title">{archived ? t("archive.restore") : t("archive.archive")}</h2>
      <p className="muted">{archived ? restoreNote : archiveNote}</p>
      <ArchiveButton
        archived={archived}
        version={version}
        archiveLabel={archiveLabel ?? `Archive ${noun}`}
        restoreLabel={restoreLabel ?? `Restore ${noun}`}
      />
    </section>
  );
}
