import { getTranslations } from "next-intl/server";
import { HazardTermsForm } from "@/components/goods-settings/hazard-terms-form";
import { LoadingRouteForm } from "@/components/goods-settings/loading-route-form";
import { SiteChooser } from "@/components/ui/filter-bar";
import { SiteLines } from "@/components/ui/by-site";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { goodsSettings } from "@/lib/goods-settings/queries";
import { param } from "@/lib/pagination";
import { actorHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

/** Managers: the hazard list (R-GP-4, company-wide) and each site's loading routes (R-GP-5). */
async function GoodsSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("goodspass:settings");
  const sp = await searchParams;
  const [t, tc, settings] = await Promise.all([
    getTranslations("goodsSettings"),
    getTranslations("common"),
    goodsSettings({ site: param(sp.site, 50) }),
  ]);
  const shown = settings.sites.filter((site) => site.loadingRoutes !== null);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="hazards-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="hazards-title" className="text-base font-semibold text-slate-900">
            {t("hazards.title")}
          </h2>
          <p className="mb-3 text-sm text-slate-500">{t("hazards.hint")}</p>
          {/* The hazard list applies to every site (R-GP-4): the admin or a manager of all sites edits it. */}
          {actorHas(actor, "settings:company") ? (
            <HazardTermsForm terms={settings.terms} version={settings.termsVersion} />
          ) : (
            <>
              <p className="text-sm text-slate-800">{settings.terms.join("、")}</p>
              <p className="mt-2 text-sm text-slate-600">{tc("companyWideOnly")}</p>
            </>
          )}
        </section>
        <section aria-labelledby="routes-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="routes-title" className="text-base font-semibold text-slate-900">
            {t("routes.title")}
          </h2>
          <p className="mb-3 text-sm text-slate-500">{t("routes.hint")}</p>
          {/* Many sites (lib/many-sites.ts): choose one; with none chosen, each site's number of routes. */}
          {shown.length < settings.sites.length || settings.site ? (
            <SiteChooser label={t("routes.site")} value={settings.site} sites={settings.sites} />
          ) : null}
          {shown.length === 0 ? (
            <>
              <p className="mb-2 text-xs text-slate-500">{t("routes.choose", { count: settings.sites.length })}</p>
              <SiteLines
                testId="route-counts"
                lines={settings.sites.map((site) => ({
                  id: site.id,
                  name: site.name,
                  href: `/goods-settings?site=${site.id}`,
                  detail: <span className="text-slate-600">{t("routes.count", { count: site.routeCount })}</span>,
                }))}
              />
            </>
          ) : null}
          {shown.map((site) => (
            <div key={site.id} className="mb-4 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0">
              {settings.sites.length > 1 ? <h3 className="mb-2 text-sm font-semibold text-slate-800">{site.name}</h3> : null}
              {site.loadingRoutes!.length === 0 ? <p className="mb-2 text-sm text-slate-500">{t("routes.none")}</p> : null}
              <ul className="flex flex-col gap-1">
                {site.loadingRoutes!.map((route) => (
                  <li key={route.id}>
                    <LoadingRouteForm siteId={site.id} route={route} />
                  </li>
                ))}
              </ul>
              <LoadingRouteForm siteId={site.id} />
            </div>
          ))}
        </section>
      </div>
    </>
  );
}

export default withClientMessages(["goodsSettings", "common", "validation"], GoodsSettingsPage);
