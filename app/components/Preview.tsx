import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface PreviewProps {
  active: { organizationId: string; organizationName: string } | null;
  choices: { id: string; name: string }[];
  /** Query parameters of the page to keep when the preview changes (e.g. the brief's levels). */
  keep?: [string, string][];
}

/**
 * The preview control of the brief, an issue page and the dashboard: a plain GET form, so it works
 * without JavaScript, and while a preview is on, a banner saying whose view this is.
 */
export function PreviewBar({ active, choices, keep = [] }: PreviewProps) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!active && choices.length === 0) return null;
  const leave = new URLSearchParams(keep);
  return (
    <div className="preview-bar">
      {active ? (
        <p className="preview-banner" role="note">
          {t("reader:preview.banner", { organization: active.organizationName })}{" "}
          <Link to={`${location.pathname}${leave.size > 0 ? `?${leave}` : ""}`}>{t("reader:preview.leave")}</Link>
        </p>
      ) : null}
      {choices.length > 0 ? (
        <Form method="get" className="preview-form" aria-label={t("reader:preview.legend")}>
          {keep.map(([name, value], i) => (
            <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
          ))}
          <label className="filter">
            <span>{t("reader:preview.choose")}</span>
            <select name="as" className="input" defaultValue={active?.organizationId ?? ""}>
              <option value="">{t("reader:preview.nobody")}</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t("reader:preview.show")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
