import { getTranslations } from "next-intl/server";
import { TenantForm } from "@/components/registry/tenant-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { sitesOf } from "@/lib/registry/site.queries";
import { createTenantAction } from "@/lib/registry/tenant.actions";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewTenantPage() {
  const actor = await requirePagePermission("tenant:manage");
  const [t, sites] = await Promise.all([getTranslations(), sitesOf(actor)]);
  return (
    <>
      <PageHeader title={t("tenants.new")} />
      <TenantForm
        mode="create"
        action={createTenantAction}
        sites={sites.map((s) => ({ value: s.id, label: s.name }))}
        initial={{ siteId: sites.length === 1 ? sites[0].id : "", name: "", notes: "", contacts: [{ name: "", position: "", phone: "" }] }}
      />
    </>
  );
}

export default withClientMessages(["tenants", "fields", "common", "validation"], NewTenantPage);
