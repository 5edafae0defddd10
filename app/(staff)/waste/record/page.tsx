import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ClearanceForm } from "@/components/waste/clearance-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { localDateInZone } from "@/lib/calendar";
import { oneOf } from "@/lib/pagination";
import { sitesOf } from "@/lib/registry/site.queries";
import { WASTE_STREAMS } from "@/lib/waste/schema";
import { withClientMessages } from "@/components/i18n/client-messages";

/** R-WST-2/3: log a clearance on the phone, at the collection point. */
async function RecordClearancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("waste:record");
  const sp = await searchParams;
  const [t, sites] = await Promise.all([getTranslations("waste"), sitesOf(actor)]);
  const today = localDateInZone(new Date(), sites[0]?.timeZone ?? "Asia/Shanghai");
  return (
    <>
      <PageHeader title={t("clearance.title")} subtitle={t("clearance.hint")} />
      <ClearanceForm sites={sites} today={today} stream={oneOf(WASTE_STREAMS, sp.stream)} />
    </>
  );
}

export default withClientMessages(["waste", "files", "common", "validation"], RecordClearancePage);
