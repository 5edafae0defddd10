import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AreaForm } from "@/components/registry/area-form";
import { PageHeader } from "@/components/ui/page-header";
import { updateAreaAction } from "@/lib/registry/area.actions";
import { getArea } from "@/lib/registry/area.queries";
import { requirePagePermission } from "@/lib/auth/guard";

export default async function EditAreaPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("area:manage");
  const { id } = await params;
  const area = await getArea(id);
  if (!area) notFound();
  const t = await getTranslations();
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
