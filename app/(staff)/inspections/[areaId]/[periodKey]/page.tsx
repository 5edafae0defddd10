import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ChecklistForm } from "@/components/inspections/checklist-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { submitInspectionAction } from "@/lib/inspections/actions";
import { checklistFor } from "@/lib/inspections/queries";
import { periodKeyFromSlug } from "@/lib/inspections/schema";
import { withClientMessages } from "@/components/i18n/client-messages";

/** The checklist of one area in one window; the URL carries the period key with '-' for '#' ("2026-11-27-1"). */
async function ChecklistPage({ params }: { params: Promise<{ areaId: string; periodKey: string }> }) {
  await requirePagePermission("inspection:perform");
  const { areaId, periodKey: slug } = await params;
  const periodKey = periodKeyFromSlug(slug);
  const checklist = periodKey ? await checklistFor(areaId, periodKey) : null;
  if (!checklist) notFound();
  const t = await getTranslations("inspections");
  const { area, site, window, template, inspection } = checklist;
  const when =
    window.slot === null
      ? t("month", { month: window.periodKey })
      : `${window.periodKey.slice(0, 10)} ${t("slot", { slot: window.slot })} ${t("slotTime", { start: window.startLocal, end: window.endLocal })}`;

  let notice: string | null = null;
  if (inspection) notice = t("doneBy", { name: inspection.by, at: inspection.checkedAt, failures: inspection.failures });
  else if (window.state === "upcoming") notice = t("windowFuture");
  else if (window.state === "missed") notice = t("windowMissed");
  else if (!template) notice = t("noTemplate");

  return (
    <>
      <PageHeader
        title={t("checklistTitle", { area: area.name })}
        subtitle={`${site.name} · ${area.building} ${area.floor} · ${when} · ${t(`states.${window.state}`)}`}
      />
      {notice ? (
        <p className="mb-4 rounded-md bg-slate-100 p-3 text-sm text-slate-800" data-testid="checklist-notice">
          {notice}
          {inspection ? (
            <Link href={`/inspections/checks/${inspection.id}`} className="ml-2 text-sky-700 underline">
              {t("check.open")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {window.open && template ? (
        <>
          <p className="mb-2 text-xs text-slate-500">{t("templateVersion", { version: template.version })}</p>
          <ChecklistForm
            areaId={area.id}
            periodKey={window.periodKey}
            siteId={site.id}
            templateId={template.id}
            items={template.items}
            action={submitInspectionAction}
            label={`${area.name} · ${window.periodKey}`}
          />
        </>
      ) : null}
      <p className="mt-4">
        <Link href="/inspections" className="inline-flex min-h-11 items-center text-sm text-sky-700 underline">
          {t("back")}
        </Link>
      </p>
    </>
  );
}

export default withClientMessages(["inspections", "files", "common", "validation"], ChecklistPage);
