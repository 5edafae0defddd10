import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { AssignCleanerForm, CreateCleanerForm, EditCleanerForm } from "@/components/vacant-units/cleaner-forms";
import { requirePagePermission } from "@/lib/auth/guard";
import { sitesOf } from "@/lib/registry/site.queries";
import { listCleaners, vacantUnitsForAssignment } from "@/lib/vacant-units/record.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** The cleaners of the user's sites and the dedicated cleaner of each vacant unit (R-VAC-1, vacant:manage). */
async function CleanersPage() {
  const actor = await requirePagePermission("vacant:manage");
  const sites = await sitesOf(actor);
  const siteIds = sites.map((s) => s.id);
  const [t, cleaners, units] = await Promise.all([
    getTranslations("vacant.cleanersPage"),
    listCleaners(siteIds),
    vacantUnitsForAssignment(siteIds),
  ]);
  const unassigned = units.filter((u) => !u.cleanerId).length;

  return (
    <>
      <PageHeader title={t("title")} />
      <section aria-labelledby="cleaners" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="cleaners" className="mb-2 font-medium">
          {t("list")}
        </h2>
        <ul className="flex flex-col divide-y divide-slate-100">
          {cleaners.map((c) => (
            <li key={c.id} className="py-2" data-testid={`cleaner-${c.name}`}>
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium">{c.name}</span>
                  {c.company ? `（${c.company}）` : ""} · {c.site.name} · {c.active ? t("active") : t("inactive")} · {t("units")}{" "}
                  {c._count.units}
                </summary>
                <div className="mt-2">
                  <EditCleanerForm cleaner={c} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <h3 className="mt-4 mb-2 text-sm font-medium">{t("add")}</h3>
        <CreateCleanerForm sites={sites} />
      </section>

      <section aria-labelledby="assignments" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="assignments" className="mb-1 font-medium">
          {t("assignments")}
        </h2>
        {unassigned > 0 ? <p className="mb-2 text-sm text-amber-800">{t("unassignedCount", { count: unassigned })}</p> : null}
        <ul className="flex flex-col gap-3">
          {units.map((u) => (
            <li key={u.id}>
              <AssignCleanerForm
                unitId={u.id}
                unitLabel={`${u.code}（${u.building} ${u.floor}）`}
                cleanerId={u.cleanerId}
                cleaners={cleaners.filter((c) => c.siteId === u.siteId && (c.active || c.id === u.cleanerId))}
              />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export default withClientMessages(["vacant", "common", "validation"], CleanersPage);
