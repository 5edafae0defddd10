import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { UnitForm } from "@/components/registry/unit-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { tenantOptions } from "@/lib/registry/tenant.queries";
import { updateUnitAction } from "@/lib/registry/unit.actions";
import { getUnit } from "@/lib/registry/unit.queries";

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("unit:manage");
  const { id } = await params;
  const unit = await getUnit(id);
  if (!unit) notFound();
  const [t, tenants] = await Promise.all([getTranslations(), tenantOptions([unit.siteId])]);
  return (
    <>
      <PageHeader title={`${t("units.edit")} ${unit.code}`} />
      <UnitForm
        mode="update"
        action={updateUnitAction}
        sites={[]}
        tenants={tenants}
        siteId={unit.siteId}
        initial={{
          id: unit.id,
          version: unit.version,
          code: unit.code,
          building: unit.building,
          floor: unit.floor,
          areaSqm: unit.areaSqm === null ? "" : String(unit.areaSqm),
          status: unit.status,
          tenantId: unit.tenantId ?? "",
        }}
      />
    </>
  );
}
