import { getTranslations } from "next-intl/server";
import { FoundItemSettingsForm } from "@/components/found-items/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { foundItemSettings } from "@/lib/found-items/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** Each site's keeping period for found items (R-LOST-1); managers of the site set it. */
async function FoundItemSettingsPage() {
  await requirePagePermission("found:settings");
  const [t, sites] = await Promise.all([getTranslations("foundItems"), foundItemSettings()]);
  return (
    <>
      <PageHeader title={t("settings.title")} subtitle={t("settings.subtitle")} />
      <div className="flex max-w-xl flex-col gap-4">
        {sites.map((site) => (
          <section key={site.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <FoundItemSettingsForm site={site} />
          </section>
        ))}
      </div>
    </>
  );
}

export default withClientMessages(["foundItems", "common", "validation"], FoundItemSettingsPage);
