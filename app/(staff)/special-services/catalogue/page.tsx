import { getTranslations } from "next-intl/server";
import { CreateServiceForm, EditServiceForm, ServiceSettingsForm } from "@/components/special-services/catalogue-forms";
import { SiteChooser } from "@/components/ui/filter-bar";
import { BySiteSection, SiteLines } from "@/components/ui/by-site";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { param } from "@/lib/pagination";
import { formatYuan } from "@/lib/special-services/money";
import { listCatalogue } from "@/lib/special-services/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** R-SVC-1: the paid services each site offers, with prices; R-SVC-2: the site's revisit deadline. Managers only. */
async function ServiceCataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("service:catalogue");
  const sp = await searchParams;
  const [t, catalogue] = await Promise.all([getTranslations("specialServices.catalogue"), listCatalogue({ site: param(sp.site, 50) })]);
  const { sites } = catalogue;
  const shown = sites.filter((site) => site.services !== null);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {/* Many sites (lib/many-sites.ts): choose one; with none chosen, each site's services counted. */}
      {shown.length < sites.length || catalogue.site ? <SiteChooser label={t("site")} value={catalogue.site} sites={sites} /> : null}
      <div className="flex flex-col gap-4">
        {shown.length === 0 ? (
          <BySiteSection id="catalogue-by-site" title={t("bySite.title")} hint={t("bySite.choose", { count: sites.length })}>
            <SiteLines
              testId="catalogue-counts"
              lines={sites.map((site) => ({
                id: site.id,
                name: site.name,
                href: `/special-services/catalogue?site=${site.id}`,
                detail: (
                  <span className="text-slate-600">
                    {t("bySite.count", { count: site.serviceCount, active: site.activeCount, days: site.revisitWorkingDays })}
                  </span>
                ),
              }))}
            />
          </BySiteSection>
        ) : null}
        {shown.map((site) => (
          <section key={site.id} aria-labelledby={`site-${site.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id={`site-${site.id}`} className="mb-2 font-medium">
              {site.name}
            </h2>
            {site.services!.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
            <ul className="flex flex-col divide-y divide-slate-100">
              {site.services!.map((s) => (
                <li key={s.id} className="py-2" data-testid={`service-${s.name}`}>
                  <details>
                    <summary className="min-h-11 cursor-pointer py-2 text-sm">
                      <span className="font-medium">{s.name}</span> · {t("perUnit", { price: formatYuan(s.priceFen), unit: s.unitLabel })} ·{" "}
                      {s.active ? t("active") : t("inactive")}
                    </summary>
                    <div className="mt-2">
                      <EditServiceForm service={s} />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
            <h3 className="mt-4 mb-2 text-sm font-medium">{t("settings")}</h3>
            <ServiceSettingsForm
              siteId={site.id}
              siteName={site.name}
              revisitWorkingDays={site.revisitWorkingDays}
              version={site.settingsVersion}
            />
          </section>
        ))}
        <section aria-labelledby="add-service" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-service" className="mb-2 font-medium">
            {t("add")}
          </h2>
          <CreateServiceForm sites={sites.map((s) => ({ id: s.id, name: s.name }))} />
        </section>
      </div>
    </>
  );
}

export default withClientMessages(["specialServices", "common", "validation"], ServiceCataloguePage);
