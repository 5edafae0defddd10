import { getTranslations } from "next-intl/server";
import { SiteForm } from "@/components/registry/site-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { createSiteAction } from "@/lib/registry/site.actions";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewSitePage() {
  await requirePagePermission("site:manage");
  const t = await getTranslations();
  // The database defaults (R-INS-1): 09:00–12:00 and 14:00–17:30, Beijing time, weekdays only.
  return (
    <>
      <PageHeader title={t("sites.new")} />
      <SiteForm
        mode="create"
        action={createSiteAction}
        initial={{
          code: "",
          name: "",
          address: "",
          timeZone: "Asia/Shanghai",
          slot1Start: "09:00",
          slot1End: "12:00",
          slot2Start: "14:00",
          slot2End: "17:30",
          inspectOnWeekends: true,
        }}
      />
    </>
  );
}

export default withClientMessages(["sites", "common", "validation"], NewSitePage);
