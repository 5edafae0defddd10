import { getTranslations } from "next-intl/server";
import { UnitForm } from "@/components/registry/unit-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { sitesOf } from "@/lib/registry/site.queries";
import { tenantOptions } from "@/lib/registry/tenant.queries";
import { createUnitAction } from "@/lib/registry/unit.actions";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewUnitPage() {
  const actor = await requirePagePermission("unit:manage");
  const [t, sites, tenants] = await Promise.all([getTranslations(), sitesOf(actor), tenantOptions(actor.siteIds)]);
  return (
    <>
      <PageHeader title={t("units.new")} />
      <UnitForm
        mode="create"
        action={createUnitAction}
        sites={sites.map((s) => ({ value: s.id, label: s.name }))}
        tenants={tenants}
        initial={{
          siteId: sites.length === 1 ? sites[0].id : "",
          code: "",
          building: "",
          floor: "",
          areaSqm: "",
          status: "VACANT",
          tenantId: "",
        }}
      />
    </>
  );
}

export default withClientMessages(["units", "fields", "common", "unitStatus", "validation"], NewUnitPage);
