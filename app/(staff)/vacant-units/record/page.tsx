import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { CleaningForm } from "@/components/vacant-units/cleaning-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { param } from "@/lib/pagination";
import { recordFormData } from "@/lib/vacant-units/record.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 《空置单元清洁记录表》 for one unit and month, entered on a phone for the cleaner (R-VAC-3): ?unit=&month= */
async function NewCleaningRecordPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("vacant:record");
  const sp = await searchParams;
  const unitId = param(sp.unit);
  const data = unitId ? await recordFormData(unitId, param(sp.month)) : null;
  if (!data) notFound();
  const t = await getTranslations("vacant");
  const unitLabel = `${data.unit.code}（${data.unit.building} ${data.unit.floor}）`;
  const notice = (text: string, link?: string) => (
    <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="record-notice">
      {text}{" "}
      {link ? (
        <Link className="text-sky-700 underline" href={link}>
          {t("form.openExisting")}
        </Link>
      ) : null}
    </p>
  );
  return (
    <>
      <PageHeader title={t("form.title")} subtitle={`${data.site.name} · ${t("form.heading", { unit: unitLabel, month: data.month })}`} />
      {data.existingId ? (
        notice(t("form.exists", { month: data.month }), `/vacant-units/records/${data.existingId}`)
      ) : !data.due ? (
        notice(t("form.notDue", { month: data.month }))
      ) : (
        <CleaningForm
          mode={{ kind: "new", unitId: data.unit.id, month: data.month }}
          siteId={data.unit.siteId}
          today={data.defaultDate}
          cleaners={data.cleaners}
          assignedCleanerId={data.assignedCleanerId}
          initial={{ cleanedOn: data.defaultDate, cleanerId: data.defaultCleanerId }}
          label={`${data.unit.code} · ${data.month}`}
        />
      )}
    </>
  );
}

export default withClientMessages(["vacant", "files", "common", "validation"], NewCleaningRecordPage);
