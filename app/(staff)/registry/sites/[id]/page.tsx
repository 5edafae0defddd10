import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SiteForm } from "@/components/registry/site-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { updateSiteAction } from "@/lib/registry/site.actions";
import { getSite } from "@/lib/registry/site.queries";

export default async function EditSitePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("site:manage");
  const { id } = await params;
  const site = await getSite(id);
  if (!site) notFound();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={`${t("sites.edit")} ${site.code}`} subtitle={site.name} />
      <SiteForm
        mode="update"
        action={updateSiteAction}
        initial={{
          id: site.id,
          version: site.version,
          name: site.name,
          address: site.address ?? "",
          timeZone: site.timeZone,
          slot1Start: site.slot1Start,
          slot1End: site.slot1End,
          slot2Start: site.slot2Start,
          slot2End: site.slot2End,
          inspectOnWeekends: site.inspectOnWeekends,
        }}
      />
    </>
  );
}
