import { STANCE_LABELS } from "~/utils/issueLabels";
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
  return (
    <span className={`stance stance--${stance}`}>
      <span className="stance__mark" aria-hidden="true">
        {STANCE_MARKS[stance]}
      </span>
      {STANCE_LABELS[stance]}
    </span>
  );
}
