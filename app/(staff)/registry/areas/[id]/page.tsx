import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AreaForm } from "@/components/registry/area-form";
import { PageHeader } from "@/components/ui/page-header";
import { RecordFacts } from "@/components/ui/record-facts";
import { updateAreaAction } from "@/lib/registry/area.actions";
import { getArea } from "@/lib/registry/area.queries";
import { requirePagePermission } from "@/lib/auth/guard";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

/** An area: its form for those who manage areas, the record read-only for everyone else who may read it. */
async function AreaPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("area:read");
  const { id } = await params;
  const area = await getArea(id);
  if (!area) notFound();
  const t = await getTranslations();
  if (!roleHas(actor.role, "area:manage"))
    return (
      <>
        <PageHeader title={`${t("nav.areas")} ${area.name}`} />
        <RecordFacts
          facts={[
            { label: t("areas.name"), value: area.name },
            { label: t("areas.type"), value: t(`areaType.${area.type}`) },
            { label: t("areas.location"), value: `${area.building} ${area.floor}` },
            { label: t("areas.active"), value: area.active ? t("common.yes") : t("common.no") },
          ]}
        />
      </>
    );
  return (
    <>
      <PageHeader title={`${t("areas.edit")} ${area.name}`} />
      <AreaForm
        mode="update"
        action={updateAreaAction}
        sites={[]}
        initial={{
          id: area.id,
          version: area.version,
          name: area.name,
          type: area.type,
          building: area.building,
          floor: area.floor,
          active: area.active,
        }}
      />
    </>
  );
}

export default withClientMessages(["areas", "fields", "common", "areaType", "validation"], AreaPage);
