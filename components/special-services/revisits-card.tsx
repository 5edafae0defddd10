import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { WorstSites } from "@/components/complaints/worst-sites";
import { worstSites, type OpenDueState } from "@/lib/complaints/dashboard.rules";
import { pageRequest } from "@/lib/pagination";
import { listOpenServiceRevisits, serviceRevisitCounts } from "@/lib/special-services/dashboard.queries";
import { DEFAULT_REVISIT_WORKING_DAYS } from "@/lib/special-services/rules";

/**
 * R-SVC-2 on the manager dashboard: open phone revisits overdue, due today and due soon, the most urgent
 * first. In the company view (`company`: many sites, none chosen) also the sites with the most overdue.
 */
export async function ServiceRevisitsCard({ site, due, company = false }: { site?: string; due?: OpenDueState; company?: boolean }) {
  const [t, tc, counts, urgent] = await Promise.all([
    getTranslations("specialServices"),
    getTranslations("dashboard.company"),
    serviceRevisitCounts({ site }),
    listOpenServiceRevisits({ site, due }, pageRequest("1", 5)),
  ]);
  const shown = urgent.rows.filter((r) => r.dueState !== "on_track");
  const cells = [
    { key: "overdue", label: t("card.overdue"), count: counts.total.overdue, tone: "text-red-700" },
    { key: "due_today", label: t("card.dueToday"), count: counts.total.due_today, tone: "text-amber-800" },
    { key: "due_soon", label: t("card.dueSoon"), count: counts.total.due_soon, tone: "text-slate-700" },
  ];
  return (
    <section
      aria-labelledby="service-revisits-title"
      className={`mb-6 rounded-lg border p-3 ${counts.total.overdue > 0 ? "border-red-200 bg-red-50/40" : "border-slate-200 bg-white"}`}
      data-testid="service-revisits-card"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="service-revisits-title" className="text-base font-semibold text-slate-900">
          {t("card.title")}{" "}
          <span className="text-xs font-normal text-slate-500">{t("card.caption", { days: DEFAULT_REVISIT_WORKING_DAYS })}</span>
        </h2>
        <Link href="/special-services?revisit=open" className="text-sm text-sky-700 underline">
          {t("card.link")}
        </Link>
      </div>
      <dl className="mb-2 flex flex-wrap gap-4 text-sm">
        {cells.map((c) => (
          <div key={c.key} className="flex gap-1" data-testid={`service-revisits-${c.key}`}>
            <dt className="text-slate-600">{c.label}</dt>
            <dd className={`font-semibold ${c.tone}`}>{c.count}</dd>
          </div>
        ))}
      </dl>
      {company ? (
        <WorstSites
          sites={worstSites(counts.bySite, (s) => s.cells.overdue).map((s) => ({
            id: s.id,
            name: s.label,
            value: tc("overdue", { count: s.cells.overdue }),
          }))}
          anchor="service-revisits-title"
        />
      ) : null}
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{t("card.none")}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {shown.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3">
              <Link href={`/special-services/${r.id}`} className="font-medium text-sky-700 underline">
                {r.serviceName}
              </Link>
              <span className="min-w-0 text-slate-700">
                {r.tenantName}
                {r.unitCode ? ` · ${r.unitCode}` : ""}
              </span>
              <span className="text-xs text-slate-500">{r.dueLocal}</span>
              <DeadlineBadge state={r.dueState} provisional={r.provisional} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
