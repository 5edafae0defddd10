import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { canteenWeeklyDocDetail } from "@/lib/contractors/canteen.queries";

/** A received weekly menu or summary of the catering company (R-CAT-1), to read: its text and photos. */
export default async function CanteenWeeklyDocPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("contractor:read");
  const { id } = await params;
  const [t, tc, doc] = await Promise.all([
    getTranslations("contractorReports.doc"),
    getTranslations("contractors.canteen"),
    canteenWeeklyDocDetail(id),
  ]);
  if (!doc) notFound();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader
        title={t("title", { kind: tc(`docKinds.${doc.kind}`), week: doc.weekStart })}
        subtitle={`${doc.siteName} · ${tc(`docStates.${doc.state}`)}`}
      />
      <Link href={`/contractors/canteen?site=${doc.siteId}`} className="text-sm text-sky-700 underline">
        {t("back")}
      </Link>
      <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <p>{t("received", { at: doc.receivedAt, by: doc.recordedBy })}</p>
        {doc.dueAt ? <p className="text-slate-600">{t("due", { at: doc.dueAt })}</p> : null}
      </section>
      <section aria-labelledby="doc-text" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="doc-text" className="mb-2 font-medium">
          {t("text")}
        </h2>
        {doc.text ? (
          <p className="break-words whitespace-pre-wrap" data-testid="doc-text">
            {doc.text}
          </p>
        ) : (
          <p className="text-slate-500">{t("noText")}</p>
        )}
      </section>
      <section aria-labelledby="doc-photos" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="doc-photos" className="mb-2 font-medium">
          {t("photos")}
        </h2>
        {doc.photoIds.length === 0 ? (
          <p className="text-slate-500">{t("noPhotos")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {doc.photoIds.map((f, i) => (
              <li key={f}>
                <a href={`/api/files/${f}`} target="_blank" rel="noreferrer" className="block">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a stored photo served by /api/files */}
                  <img src={`/api/files/${f}`} alt={t("photo", { n: i + 1 })} className="w-full rounded border border-slate-200" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
