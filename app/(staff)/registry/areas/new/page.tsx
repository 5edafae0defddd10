import { getTranslations } from "next-intl/server";
import { AreaForm } from "@/components/registry/area-form";
import { PageHeader } from "@/components/ui/page-header";
import { createAreaAction } from "@/lib/registry/area.actions";
import { requirePagePermission } from "@/lib/auth/guard";
import { sitesOf } from "@/lib/registry/site.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewAreaPage() {
  const actor = await requirePagePermission("area:manage");
  const [t, sites] = await Promise.all([getTranslations(), sitesOf(actor)]);
  return (
    <>
      <PageHeader title={t("areas.new")} />
      <AreaForm
        mode="create"
        action={createAreaAction}
        sites={sites.map((s) => ({ value: s.id, label: s.name }))}
        initial={{ siteId: sites.length === 1 ? sites[0].id : "", name: "", type: "", building: "", floor: "", active: true }}
      />
    </>
  );
}

export default withClientMessages(["areas", "fields", "common", "areaType", "validation"], NewAreaPage);
