import { useTranslation } from "react-i18next";

import type { Stance } from "~db/schema";

// A shape as well as a colour, so the stance reads in greyscale print and without colour vision.
const STANCE_MARKS: Record<Stance, string> = {
  supports: "▲",
  conditional: "△",
  neutral: "●",
  undecided: "?",
  opposes: "▼",
};

export function StanceBadge({ stance }: { stance: Stance }) {
  const { t } = useTranslation();
  return (
    <span className={`stance stance--${stance}`}>
      <span className="stance__mark" aria-hidden="true">
        {STANCE_MARKS[stance]}
      </span>
      {t(`labels:stance.${stance}`)}
    </span>
  );
}
