import { useTranslation } from "react-i18next";

import type { GapRow } from "~/models/schedule-gaps";
import { useFormat } from "~/utils/format";
import type { Material, ScheduleKind } from "~db/schema";

/** The latest offer against the latest ask per fiscal year: the issue page's table. */
export function GapTable({ gaps }: { gaps: readonly GapRow[] }) {
  const { t } = useTranslation("agreement");
  const f = useFormat();
  const by = (kg: number | null, who: string | null) => (kg === null ? "—" : t("position.by", { tonnes: f.tonnes(kg), who }));
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption>{t("position.gapCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("position.fiscalYear")}</th>
            <th scope="col">{t("position.material")}</th>
            <th scope="col">{t("position.latestOffer")}</th>
            <th scope="col">{t("position.latestAsk")}</th>
            <th scope="col">{t("position.gap")}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((g) => (
            <tr key={`${g.material}-${g.fiscalYear}`}>
              <th scope="row">{g.fiscalYear}</th>
              <td>{t(`labels:material.${g.material}`)}</td>
              <td>{by(g.offerKg, g.offerBy)}</td>
              <td>{by(g.askKg, g.askBy)}</td>
              <td>{g.gapKg === null ? "—" : f.tonnes(g.gapKg)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same gaps in a line each, for a matrix cell. */
export function GapList({ gaps }: { gaps: readonly GapRow[] }) {
  const { t } = useTranslation("agreement");
  const f = useFormat();
  if (gaps.length === 0) return null;
  return (
    <ul className="plain-list small" aria-label={t("position.gapCaption")}>
      {gaps.map((g) => (
        <li key={`${g.material}-${g.fiscalYear}`}>
          {t("position.gapLine", {
            year: g.fiscalYear,
            material: t(`labels:material.${g.material}`),
            offer: g.offerKg === null ? "—" : f.tonnes(g.offerKg),
            ask: g.askKg === null ? "—" : f.tonnes(g.askKg),
            gap: g.gapKg === null ? "—" : f.tonnes(g.gapKg),
          })}
        </li>
      ))}
    </ul>
  );
}

/** One position's schedule. */
export function ScheduleTable({
  cells,
}: {
  cells: readonly { material: Material; fiscalYear: string; kind: ScheduleKind; kg: number }[];
}) {
  const { t } = useTranslation("agreement");
  const f = useFormat();
  return (
    <table className="table table--compact">
      <caption>{t("position.schedule")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("position.fiscalYear")}</th>
          <th scope="col">{t("position.material")}</th>
          <th scope="col">{t("position.tonnes")}</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr key={`${c.material}-${c.fiscalYear}`}>
            <th scope="row">{c.fiscalYear}</th>
            <td>{t(`labels:material.${c.material}`)}</td>
            <td>{t(`position.kind.${c.kind}`, { tonnes: f.tonnes(c.kg) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
