import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { canteenCheckDetail } from "@/lib/contractors/canteen.queries";
import { DISH_COUNT_FIELDS, DISH_MINIMUMS } from "@/lib/contractors/rules";

/** One canteen check as recorded (R-CAT-1): counts with shortfalls, items, flagged certificates, handling. */
export default async function CanteenCheckDetailPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("contractor:read");
  const { id } = await params;
  const [t, check] = await Promise.all([getTranslations("contractors.canteen"), canteenCheckDetail(id)]);
  if (!check) notFound();
  const short = new Set(check.shortfalls.map((s) => s.field));
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader
        title={t("detail", { date: check.checkedOn })}
        subtitle={`${check.site.name} · ${t("checkedBy")} ${check.checkedBy} · ${check.createdAtText}`}
      />
      {check.expiredCertificates.length > 0 ? (
        <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="flagged-certificates">
          {t("expiredFlag", { names: check.expiredCertificates.join("、") })}
        </p>
      ) : null}
      <section aria-labelledby="counts" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="counts" className="mb-2 font-medium">
          {t("counts")}
        </h2>
        <dl className="grid grid-cols-2 gap-2 text-sm">
          {DISH_COUNT_FIELDS.map((field) => (
            <div key={field} data-testid={`count-${field}`} className={short.has(field) ? "text-red-700" : undefined}>
              <dt className="text-slate-500">{t(`countLabels.${field}`)}</dt>
              <dd className="font-medium">
                {short.has(field)
                  ? t("countShort", { label: t(`countLabels.${field}`), count: check[field], min: DISH_MINIMUMS[field] })
                  : check[field]}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="items" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="items" className="mb-2 font-medium">
          {t("checkItems")}
        </h2>
        <ul className="flex flex-col divide-y divide-slate-100 text-sm">
          {check.results.map((r) => (
            <li key={r.id} className="py-2">
              <span className={r.result === "FAIL" ? "font-medium text-red-700" : undefined}>
                {t(`items.${r.item}`)} · {r.result === "FAIL" ? t("fail") : t("pass")}
              </span>
              {r.note ? <p className="text-slate-600">{r.note}</p> : null}
              {r.photoFileIds.length ? (
                <div className="mt-1 flex gap-2">
                  {r.photoFileIds.map((f) => (
                    <a key={f} href={`/api/files/${f}`} target="_blank" rel="noreferrer">
                      {/* eslint-disable-next-line @next/next/no-img-element -- a stored photo served by /api/files */}
                      <img src={`/api/files/${f}`} alt={t("photos")} className="h-16 w-16 rounded object-cover" />
                    </a>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 className="mb-1 font-medium">{t("resolution")}</h2>
        <p>{t(`resolutions.${check.resolution}`)}</p>
        {check.resolutionNote ? <p className="text-slate-600">{check.resolutionNote}</p> : null}
        {check.cateringFeedback ? (
          <p className="text-slate-600">
            {t("cateringFeedback")}：{check.cateringFeedback}
          </p>
        ) : null}
        {check.escalatedAtText ? (
          <p className="text-slate-600">
            {t("escalatedAt")}：{check.escalatedAtText}
          </p>
        ) : null}
      </section>
      <Link href="/contractors/canteen" className="text-sm text-sky-700 underline">
        {t("title")}
      </Link>
    </div>
  );
}
