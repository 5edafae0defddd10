import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CanteenCheckForm } from "@/components/contractors/canteen-check-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { canteenCheckForm } from "@/lib/contractors/canteen.queries";
import { param } from "@/lib/pagination";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** R-CAT-1: today's canteen check of one site, on a phone; a site already checked today opens its record. */
async function CanteenCheckPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("canteen:check");
  const sp = await searchParams;
  const [t, data] = await Promise.all([getTranslations("contractors.canteen"), canteenCheckForm(param(sp.site, 50))]);
  if (data.existingId) redirect(`/contractors/canteen/checks/${data.existingId}`);
  if (!data.site) return <PageHeader title={t("today")} />;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-3">
      <PageHeader title={`${t("today")} · ${data.site.name}`} subtitle={data.today ?? undefined} />
      {data.sites.length > 1 ? (
        <nav className="flex flex-wrap gap-2 text-sm">
          {data.sites.map((s) => (
            <Link
              key={s.id}
              href={`/contractors/canteen/check?site=${s.id}`}
              className="text-sky-700 underline"
              aria-current={s.id === data.site?.id ? "page" : undefined}
            >
              {s.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <CanteenCheckForm key={data.site.id} siteId={data.site.id} flagged={data.flagged} />
    </div>
  );
}

export default withClientMessages(["contractors", "files", "common", "validation"], CanteenCheckPage);
