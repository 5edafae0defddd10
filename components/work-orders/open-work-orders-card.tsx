import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { openWorkOrderAges } from "@/lib/work-orders/dashboard.queries";

/**
 * R-INS-5 on the manager dashboard: unfinished work orders and how long the oldest have waited. Already
 * a company summary (two counts and the five oldest), so the same in the company view.
 */
export async function OpenWorkOrdersCard({ site }: { site?: string }) {
  const [t, summary] = await Promise.all([getTranslations("workOrders"), openWorkOrderAges({ site })]);
  return (
    <section
      aria-labelledby="open-work-orders-title"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-3"
      data-testid="open-work-orders-card"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="open-work-orders-title" className="text-base font-semibold text-slate-900">
          {t("card.title")}{" "}
          <span className="text-xs font-normal text-slate-500">{t("card.counts", { open: summary.open, fixed: summary.fixed })}</span>
        </h2>
        <Link href="/work-orders" className="text-sm text-sky-700 underline">
          {t("card.link")}
        </Link>
      </div>
      {summary.oldest.length === 0 ? (
        <p className="text-sm text-slate-600">{t("card.none")}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {summary.oldest.map((wo) => (
            <li key={wo.id} className="flex flex-wrap gap-x-3">
              <Link href={`/work-orders/${wo.id}`} className="font-medium text-sky-700 underline">
                {wo.number}
              </Link>
              <span className={wo.ageDays > 0 && wo.state === "OPEN" ? "text-red-700" : "text-slate-700"}>
                {t("card.age", { days: wo.ageDays })}
              </span>
              <span className="text-slate-600">{t(`states.${wo.state}`)}</span>
              <span className="min-w-0 truncate text-slate-600">
                {wo.site} · {wo.area}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
