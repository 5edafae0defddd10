import { SCORE_MAX } from "@/lib/surveys/rules";

/**
 * The average across rounds as plain SVG bars (no chart library): each bar is a list item with its
 * full value as text for screen readers, the bar itself decorative; the current round stands out.
 */
export function TrendChart(props: {
  label: string;
  points: { key: string; label: string; value: number | null; current: boolean; description: string }[];
}) {
  const height = 120;
  return (
    <ol
      className="flex items-end gap-3 overflow-x-auto rounded-lg border border-slate-200 bg-white p-3"
      aria-label={props.label}
      data-testid="survey-trend"
    >
      {props.points.map((p) => {
        const h = p.value === null ? 0 : Math.round((p.value / SCORE_MAX) * height);
        return (
          <li key={p.key} className="flex min-w-20 flex-col items-center gap-1 text-xs">
            <span className="sr-only">{p.description}</span>
            <span aria-hidden className="font-medium text-slate-700">
              {p.value === null ? "—" : p.value.toFixed(1)}
            </span>
            <svg aria-hidden width="32" height={height} viewBox={`0 0 32 ${height}`} className="block">
              <rect x="0" y="0" width="32" height={height} className="fill-slate-100" />
              <rect x="0" y={height - h} width="32" height={h} className={p.current ? "fill-sky-600" : "fill-sky-300"} />
            </svg>
            <span aria-hidden className="max-w-24 text-center text-slate-600">
              {p.label}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
