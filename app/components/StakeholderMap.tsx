/**
 * The influence × interest grid, drawn on the server as SVG (no chart library in the bundle).
 * Each organization is a dot coloured by stance; a dashed arrow runs from where it stood on the
 * earlier date. The table beside it carries the same facts for screen readers and print.
 */
import { useTranslation } from "react-i18next";

export interface MapDot {
  id: string;
  label: string;
  influence: number;
  interest: number;
  stance: number;
  from: { influence: number; interest: number } | null;
}

const SIZE = 480;
const MARGIN = 56;
const CELL = (SIZE - 2 * MARGIN) / 5;

export const STANCE_COLOURS: Record<number, string> = {
  [-2]: "#b3261e",
  [-1]: "#d9822b",
  0: "#7a7a7a",
  1: "#3f7fbf",
  2: "#2e7d32",
};

function x(interest: number) {
  return MARGIN + (interest - 0.5) * CELL;
}

function y(influence: number) {
  return SIZE - MARGIN - (influence - 0.5) * CELL;
}

/** Dots that share a cell are set around its centre so each stays readable. */
function spread(dots: readonly MapDot[]): Map<string, { dx: number; dy: number }> {
  const byCell = new Map<string, MapDot[]>();
  for (const d of dots) {
    const key = `${d.influence}:${d.interest}`;
    byCell.set(key, [...(byCell.get(key) ?? []), d]);
  }
  const offsets = new Map<string, { dx: number; dy: number }>();
  for (const group of byCell.values()) {
    group.forEach((d, i) => {
      if (group.length === 1) return offsets.set(d.id, { dx: 0, dy: 0 });
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      offsets.set(d.id, { dx: Math.cos(angle) * CELL * 0.28, dy: Math.sin(angle) * CELL * 0.28 });
    });
  }
  return offsets;
}

export function StakeholderMap({ dots, title, description }: { dots: readonly MapDot[]; title: string; description: string }) {
  const { t } = useTranslation("map");
  const offsets = spread(dots);
  const ticks = [1, 2, 3, 4, 5];
  return (
    <svg className="stakeholder-map" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="map-svg-title map-svg-desc">
      <title id="map-svg-title">{title}</title>
      <desc id="map-svg-desc">{description}</desc>
      <defs>
        <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#444" />
        </marker>
      </defs>
      {/* Quadrants: high influence on top, high interest to the right. */}
      <rect x={MARGIN} y={MARGIN} width={CELL * 2.5} height={CELL * 2.5} fill="#f4f1e8" />
      <rect x={MARGIN + CELL * 2.5} y={MARGIN} width={CELL * 2.5} height={CELL * 2.5} fill="#efe4e4" />
      <rect x={MARGIN} y={MARGIN + CELL * 2.5} width={CELL * 2.5} height={CELL * 2.5} fill="#f7f7f7" />
      <rect x={MARGIN + CELL * 2.5} y={MARGIN + CELL * 2.5} width={CELL * 2.5} height={CELL * 2.5} fill="#e8eef4" />
      <g fontSize="11" fill="#555" aria-hidden="true">
        <text x={MARGIN + 6} y={MARGIN + 14}>
          {t("quadrant.satisfy")}
        </text>
        <text x={SIZE - MARGIN - 6} y={MARGIN + 14} textAnchor="end">
          {t("quadrant.manage")}
        </text>
        <text x={MARGIN + 6} y={SIZE - MARGIN - 6}>
          {t("quadrant.monitor")}
        </text>
        <text x={SIZE - MARGIN - 6} y={SIZE - MARGIN - 6} textAnchor="end">
          {t("quadrant.inform")}
        </text>
      </g>
      <g stroke="#ccc" aria-hidden="true">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <g key={i}>
            <line x1={MARGIN + i * CELL} y1={MARGIN} x2={MARGIN + i * CELL} y2={SIZE - MARGIN} />
            <line x1={MARGIN} y1={MARGIN + i * CELL} x2={SIZE - MARGIN} y2={MARGIN + i * CELL} />
          </g>
        ))}
      </g>
      <g fontSize="12" fill="#333" aria-hidden="true">
        {ticks.map((v) => (
          <g key={v}>
            <text x={x(v)} y={SIZE - MARGIN + 16} textAnchor="middle">
              {v}
            </text>
            <text x={MARGIN - 10} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        <text x={SIZE / 2} y={SIZE - 14} textAnchor="middle" fontWeight="600">
          {t("axis.interest")}
        </text>
        <text x={16} y={SIZE / 2} textAnchor="middle" fontWeight="600" transform={`rotate(-90 16 ${SIZE / 2})`}>
          {t("axis.influence")}
        </text>
      </g>
      <g aria-hidden="true">
        {dots.map((d) => {
          const o = offsets.get(d.id) ?? { dx: 0, dy: 0 };
          const cx = x(d.interest) + o.dx;
          const cy = y(d.influence) + o.dy;
          const moved = d.from && (d.from.influence !== d.influence || d.from.interest !== d.interest);
          return (
            <g key={d.id}>
              {moved && d.from ? (
                <>
                  <circle cx={x(d.from.interest) + o.dx} cy={y(d.from.influence) + o.dy} r={6} fill="none" stroke="#777" />
                  <line
                    x1={x(d.from.interest) + o.dx}
                    y1={y(d.from.influence) + o.dy}
                    x2={cx}
                    y2={cy}
                    stroke="#444"
                    strokeDasharray="4 3"
                    markerEnd="url(#map-arrow)"
                  />
                </>
              ) : null}
              <circle cx={cx} cy={cy} r={9} fill={STANCE_COLOURS[d.stance] ?? "#7a7a7a"} stroke="#fff" strokeWidth="1.5" />
              <text x={cx} y={cy - 12} textAnchor="middle" fontSize="11" fill="#111">
                {d.label}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
