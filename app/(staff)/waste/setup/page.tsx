import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { AddContainerForm, CreatePointForm, EditPointForm, StreamForm } from "@/components/waste/setup-forms";
import { requirePagePermission } from "@/lib/auth/guard";
import { sitesOf } from "@/lib/registry/site.queries";
import { retireWasteContainerAction } from "@/lib/waste/actions";
import { wasteOverview, wasteSetup } from "@/lib/waste/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** §12.1–12.2, R-WST-1: the points and containers of each site, and who answers for each stream. */
async function WasteSetupPage() {
  const actor = await requirePagePermission("waste:manage");
  const [t, sites, points, streams] = await Promise.all([getTranslations("waste"), sitesOf(actor), wasteSetup(), wasteOverview({})]);
  return (
    <>
      <PageHeader title={t("setup.title")} subtitle={t("setup.subtitle")} />
      <section aria-labelledby="points" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="points" className="mb-2 font-medium">
          {t("setup.points")}
        </h2>
        <ul className="flex flex-col divide-y divide-slate-100">
          {points.map((p) => (
            <li key={p.id} className="py-3">
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium">{p.name}</span>
                  {p.location ? `（${p.location}）` : ""} · {p.site.name} · {p.active ? t("setup.active") : t("setup.closed")}
                </summary>
                <div className="mt-2 flex flex-col gap-3">
                  <EditPointForm point={p} />
                  <ul className="flex flex-col gap-2 text-sm">
                    {p.containers.map((c) => (
                      <li key={c.id} className="flex flex-wrap items-center gap-2">
                        <span className={c.active ? "" : "text-slate-400 line-through"}>
                          {t(`streams.${c.stream}`)} · {c.label}
                        </span>
                        {c.active ? (
                          <ActionButton action={retireWasteContainerAction} input={{ containerId: c.id }} label={t("setup.retire")} />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                  {p.active ? <AddContainerForm pointId={p.id} /> : null}
                </div>
              </details>
            </li>
          ))}
        </ul>
        <h3 className="mt-4 mb-2 text-sm font-medium">{t("setup.addPoint")}</h3>
        <CreatePointForm sites={sites} />
      </section>

      <section aria-labelledby="streams-setup" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="streams-setup" className="mb-2 font-medium">
          {t("setup.streams")}
        </h2>
        <ul className="flex flex-col divide-y divide-slate-100">
          {streams.map((s) => (
            <li key={`${s.siteId}-${s.stream}`} className="py-3">
              <h3 className="mb-1 text-sm font-medium">
                {sites.length > 1 ? `${s.siteName} · ` : ""}
                {t(`streams.${s.stream}`)}
              </h3>
              <StreamForm
                siteId={s.siteId}
                stream={s.stream}
                version={s.version}
                responsible={s.responsible}
                responsibleName={s.responsibleName}
                clearanceDays={s.clearanceDays}
              />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export default withClientMessages(["waste", "common", "validation"], WasteSetupPage);
