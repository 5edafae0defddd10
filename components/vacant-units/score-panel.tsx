import { getTranslations } from "next-intl/server";
import type { VacantMonthView } from "@/lib/vacant-units/queries";

type SiteScore = VacantMonthView["siteScores"][number];

const cell = "px-2 py-1.5 text-right tabular-nums";

/**
 * The cleaning-quality score of vacant units (R-VAC-3, 考核) for managers: the last six months of one
 * site, with the formula of each month written out so the number can be checked by hand.
 */
export async function ScorePanel({ score }: { score: SiteScore }) {
  const t = await getTranslations("vacant.score");
  const pct = (v: number | null) => (v === null ? t("none") : `${v}%`);
  return (
    <section
      aria-labelledby={`score-${score.site.id}`}
      className="mb-4 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="vacant-score"
    >
      <h2 id={`score-${score.site.id}`} className="font-medium">
        {t("title")} · {score.site.name}
      </h2>
      <p className="mb-2 text-xs text-slate-600">{t("definition")}</p>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left font-medium">
                {t("month")}
              </th>
              <th scope="col" className={cell}>
                {t("due")}
              </th>
              <th scope="col" className={cell}>
                {t("done")}
              </th>
              <th scope="col" className={cell}>
                {t("verified")}
              </th>
              <th scope="col" className={cell}>
                {t("passed")}
              </th>
              <th scope="col" className={cell}>
                {t("overdue")}
              </th>
              <th scope="col" className={cell}>
                {t("substitutes")}
              </th>
              <th scope="col" className={cell}>
                {t("completion")}
              </th>
              <th scope="col" className={cell}>
                {t("verification")}
              </th>
              <th scope="col" className={cell}>
                {t("score")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {score.history.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                  {m.month}
                </th>
                <td className={cell}>{m.due}</td>
                <td className={cell}>{m.done}</td>
                <td className={cell}>{m.verified}</td>
                <td className={cell}>{m.verifiedPassed}</td>
                <td className={cell}>{m.overdue}</td>
                <td className={cell}>{m.substitutes}</td>
                <td className={cell}>{pct(m.completionRate)}</td>
                <td className={cell}>{pct(m.verificationRate)}</td>
                <td
                  className={`${cell} font-semibold`}
                  title={t("formula", { passed: m.verifiedPassed, due: m.due, score: m.score ?? "—" })}
                >
                  {m.score === null ? t("none") : m.score}
                  <span className="block text-[11px] font-normal text-slate-500">
                    {m.due > 0 ? t("formula", { passed: m.verifiedPassed, due: m.due, score: m.score ?? "—" }) : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
