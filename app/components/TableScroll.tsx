import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A wide table in its own horizontally scrolling box, so the page itself never scrolls sideways
 * (WCAG 1.4.10). Focusable, so a keyboard user can scroll it, and named for screen readers.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label={t("reader:layout.tableScroll", { name: label })}>
      {children}
    </div>
  );
}
