import { getTranslations } from "next-intl/server";
import { ChecklistForm } from "@/components/checklists/checklist-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { saveChecklistTemplateAction } from "@/lib/checklists/actions";
import { listChecklistTemplates } from "@/lib/checklists/queries";
import { actorHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

/** Checklists per area type (R-INS-3): the current version's items; saving makes a new version. */
async function ChecklistsPage() {
  const actor = await requirePagePermission("template:manage");
  // Checklists apply to every site: a manager of some sites reads them, the admin or a manager of all sites edits.
  const canEdit = actorHas(actor, "settings:company");
  const [t, types] = await Promise.all([getTranslations(), listChecklistTemplates()]);
  return (
    <>
      <PageHeader title={t("checklists.title")} subtitle={t("checklists.subtitle")} />
      {canEdit ? null : <p className="mb-3 text-sm text-slate-600">{t("common.companyWideOnly")}</p>}
      <div className="flex flex-col gap-4">
        {types.map(({ areaType, template, checksWithCurrent, checksWithOlder }) => (
          <section key={areaType} aria-labelledby={`cl-${areaType}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`cl-${areaType}-title`} className="text-base font-semibold text-slate-900">
                {t(`areaType.${areaType}`)}
                <span className="ml-2 text-sm font-normal text-slate-500">
                  {template ? t("checklists.version", { version: template.version }) : t("checklists.noTemplate")}
                </span>
              </h2>
              <p className="text-xs text-slate-500">{t("checklists.usage", { current: checksWithCurrent, older: checksWithOlder })}</p>
            </div>
            {template ? (
              <ol className="mb-3 list-decimal pl-6 text-sm text-slate-800">
                {template.items.map((item) => (
                  <li key={item.id}>
                    {item.label}
                    {item.equipment ? (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t("checklists.equipment")}</span>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
            {canEdit ? (
              <details>
                <summary className="cursor-pointer text-sm text-sky-800 underline">{t("checklists.edit")}</summary>
                <div className="mt-3">
                  <ChecklistForm
                    key={template?.id ?? areaType}
                    action={saveChecklistTemplateAction}
                    initial={{
                      areaType,
                      version: template?.version ?? 0,
                      items: template?.items.map((i) => ({ label: i.label, equipment: i.equipment })) ?? [{ label: "", equipment: false }],
                    }}
                  />
                </div>
              </details>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

export default withClientMessages(["checklists", "common", "validation"], ChecklistsPage);
