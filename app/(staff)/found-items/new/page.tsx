import { getTranslations } from "next-intl/server";
import { RegisterFoundItemForm } from "@/components/found-items/register-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatInZone, localDateInZone } from "@/lib/calendar";
import { sitesOf } from "@/lib/registry/site.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** R-LOST-1: register an item handed in from the garbage room (phone-first form). */
async function NewFoundItemPage() {
  const actor = await requirePagePermission("found:register");
  const [t, sites] = await Promise.all([getTranslations("foundItems"), sitesOf(actor)]);
  // The defaults are the (first) site's wall clock; the server checks them in each site's zone.
  const zone = sites[0]?.timeZone ?? "Asia/Shanghai";
  const now = new Date();
  return (
    <>
      <PageHeader title={t("register.title")} subtitle={t("register.hint")} />
      <RegisterFoundItemForm sites={sites} today={localDateInZone(now, zone)} now={formatInZone(now, zone).slice(11, 16)} />
    </>
  );
}

export default withClientMessages(["foundItems", "files", "common", "validation"], NewFoundItemPage);
