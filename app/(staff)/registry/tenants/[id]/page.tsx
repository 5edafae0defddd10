import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TenantForm } from "@/components/registry/tenant-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { updateTenantAction } from "@/lib/registry/tenant.actions";
import { getTenant } from "@/lib/registry/tenant.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function EditTenantPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("tenant:manage");
  const { id } = await params;
  const tenant = await getTenant(id);
  if (!tenant) notFound();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={`${t("tenants.edit")} ${tenant.name}`} />
      <TenantForm
        mode="update"
        action={updateTenantAction}
        sites={[]}
        initial={{
          id: tenant.id,
          version: tenant.version,
          name: tenant.name,
          notes: tenant.notes ?? "",
          contacts: (tenant.contacts ?? []).map((c) => ({ id: c.id, name: c.name, position: c.position ?? "", phone: c.phone })),
        }}
      />
    </>
  );
}

export default withClientMessages(["tenants", "fields", "common", "validation"], EditTenantPage);
