import { getTranslations } from "next-intl/server";
import { SignatoryForm } from "@/components/signatories/signatory-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { localDateInZone } from "@/lib/calendar";
import { createSignatoryAction } from "@/lib/signatories/actions";
import { sitesOf } from "@/lib/registry/site.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewSignatoryPage() {
  const actor = await requirePagePermission("signatory:manage");
  const [t, sites] = await Promise.all([getTranslations("signatories"), sitesOf(actor)]);
  // The default "valid from" is today at the (first) site; the server checks dates in each site's zone.
  const today = localDateInZone(new Date(), sites[0]?.timeZone ?? "Asia/Shanghai");
  return (
    <>
      <PageHeader title={t("new")} subtitle={t("newHint")} />
      <SignatoryForm action={createSignatoryAction} sites={sites} today={today} />
    </>
  );
}

export default withClientMessages(["signatories", "fields", "common", "complaints", "files", "validation"], NewSignatoryPage);
