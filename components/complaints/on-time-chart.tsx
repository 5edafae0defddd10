import { getTranslations } from "next-intl/server";
import { addDays } from "@/lib/calendar";
import { percent, type PeriodRate } from "@/lib/complaints/dashboard.rules";

const BAR = 34;
const GAP = 14;
const TOP = 18; // room for the value above a full bar
const HEIGHT = 96; // 100 %
const LABEL = 16;
/** Drawn at 1.4× so the 10 px labels read like the page's text; shrinks on a phone. */
const SCALE = 1.4;

/**
 * On-time rate per period as server-rendered SVG bars (no chart library, no client JS). The SVG is
 * decoration for sighted users; the same numbers are in a table that screen readers get instead.
 */
export async function OnTimeChart({ title, periods }: { title: string; periods: PeriodRate[] }) {
  const t = await getTranslations("dashboard.onTime");
  const label = (p: PeriodRate) => {
    const name =
      p.kind === "week"
        ? t("week", { start: p.start.slice(5), end: addDays(p.end, -1).slice(5) })
        : t("month", { year: p.start.slice(0, 4), month: Number(p.start.slice(5, 7)) });
    return p.current ? `${name} ${t("soFar")}` : name;
  };
  const width = periods.length * (BAR + GAP) + GAP;
  const height = TOP + HEIGHT + LABEL + 14;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width * SCALE}
        height={height * SCALE}
        className="h-auto max-w-full"
        aria-hidden="true"
        focusable="false"
      >
        <line x1={0} x2={width} y1={TOP + HEIGHT} y2={TOP + HEIGHT} className="stroke-slate-300" strokeWidth={1} />
        {periods.map((p, i) => {
          const x = GAP + i * (BAR + GAP);
          const barHeight = p.rate === null ? 0 : Math.max(1, p.rate * HEIGHT);
          const centre = x + BAR / 2;
          return (
            <g key={p.key}>
              {p.rate !== null ? (
                <rect
                  x={x}
                  y={TOP + HEIGHT - barHeight}
                  width={BAR}
                  height={barHeight}
                  rx={2}
                  className={p.current ? "fill-sky-300" : "fill-sky-600"}
                />
              ) : null}
              <text x={centre} y={TOP + HEIGHT - barHeight - 4} textAnchor="middle" className="fill-slate-700 text-[10px]">
                {p.rate === null ? "—" : `${percent(p.rate)}%`}
              </text>
              <text x={centre} y={TOP + HEIGHT + 12} textAnchor="middle" className="fill-slate-500 text-[8px]">
                {p.kind === "week" ? p.start.slice(5) : p.start.slice(0, 7)}
              </text>
              <text x={centre} y={TOP + HEIGHT + 24} textAnchor="middle" className="fill-slate-400 text-[8px]">
                {p.due > 0 ? `${p.met}/${p.due}` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("period")}</th>
            <th scope="col">{t("rate")}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.key}>
              <th scope="row">{label(p)}</th>
              <td>{p.rate === null ? t("noDeadlines") : t("value", { rate: percent(p.rate), met: p.met, due: p.due })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
