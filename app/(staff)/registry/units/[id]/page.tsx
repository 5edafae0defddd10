import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { UnitForm } from "@/components/registry/unit-form";
import { PageHeader } from "@/components/ui/page-header";
import { RecordFacts } from "@/components/ui/record-facts";
import { requirePagePermission } from "@/lib/auth/guard";
import { tenantOptions } from "@/lib/registry/tenant.queries";
import { updateUnitAction } from "@/lib/registry/unit.actions";
import { getUnit } from "@/lib/registry/unit.queries";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

/** A unit: its form for those who manage units, the record read-only for everyone else who may read it. */
async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("unit:read");
  const { id } = await params;
  const unit = await getUnit(id);
  if (!unit) notFound();
  if (!roleHas(actor.role, "unit:manage")) {
    const t = await getTranslations();
    return (
      <>
        <PageHeader title={`${t("nav.units")} ${unit.code}`} />
        <RecordFacts
          facts={[
            { label: t("units.code"), value: unit.code },
            { label: t("fields.building"), value: `${unit.building} ${unit.floor}` },
            { label: t("units.status"), value: t(`unitStatus.${unit.status}`) },
            { label: t("units.tenant"), value: unit.tenant?.name ?? "—" },
            { label: t("units.areaSqm"), value: unit.areaSqm ?? "—" },
          ]}
        />
      </>
    );
  }
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

export default withClientMessages(["units", "fields", "common", "unitStatus", "validation"], UnitPage);
