import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SiteForm } from "@/components/registry/site-form";
import { PageHeader } from "@/components/ui/page-header";
import { RecordFacts } from "@/components/ui/record-facts";
import { requirePagePermission } from "@/lib/auth/guard";
import { roleHas } from "@/lib/permissions";
import { updateSiteAction } from "@/lib/registry/site.actions";
import { getSite } from "@/lib/registry/site.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** A site: its form for the administrator, the record read-only for the managers who may read it. */
async function SitePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("site:read");
  const { id } = await params;
  const site = await getSite(id);
  if (!site) notFound();
  const t = await getTranslations();
  if (!roleHas(actor.role, "site:manage"))
    return (
      <>
        <PageHeader title={`${t("nav.sites")} ${site.code}`} subtitle={site.name} />
        <RecordFacts
          facts={[
            { label: t("sites.code"), value: site.code },
            { label: t("sites.name"), value: site.name },
            { label: t("sites.address"), value: site.address ?? "—" },
            { label: t("sites.timeZone"), value: site.timeZone },
            { label: t("sites.slot1"), value: `${site.slot1Start}–${site.slot1End}` },
            { label: t("sites.slot2"), value: `${site.slot2Start}–${site.slot2End}` },
            { label: t("sites.inspectOnWeekends"), value: site.inspectOnWeekends ? t("common.yes") : t("common.no") },
          ]}
        />
      </>
    );
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

export default withClientMessages(["sites", "common", "validation"], SitePage);
