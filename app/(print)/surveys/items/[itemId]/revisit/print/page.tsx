import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RevisitRecordSheet } from "@/components/print/revisit-record";
import { requirePagePermission } from "@/lib/auth/guard";
import { getItem } from "@/lib/surveys/queries";

/** 《回访记录表》 of a survey opinion (R-SUR-3): the complaints' paper form, with the opinion and the department's measures. */
export default async function SurveyRevisitPrint({ params }: { params: Promise<{ itemId: string }> }) {
  await requirePagePermission("survey:read");
  const { itemId } = await params;
  const item = await getItem(itemId);
  if (!item.revisit) notFound();
  const t = await getTranslations("surveys");
  const tp = await getTranslations("print");
  const v = item.revisit;
  return (
    <RevisitRecordSheet
      back={`/surveys/items/${item.id}`}
      siteName={item.site.name}
      number={`${item.round.title}`}
      subject={[
        [
          { label: t("tenant"), value: item.tenant.name },
          { label: t("items.department"), value: item.department.name },
        ],
        [{ label: t("item.opinion"), value: <span className="whitespace-pre-wrap">{item.summary}</span>, span: true, tall: true }],
        [
          {
            label: tp("rectification"),
            value: <span className="whitespace-pre-wrap">{item.measures ?? "—"}</span>,
            span: true,
            tall: true,
          },
        ],
        [
          { label: t("item.deliveredAt"), value: item.local.deliveredAt ?? "—" },
          { label: t("item.rectifiedAt"), value: item.local.rectifiedAt ?? "—" },
        ],
      ]}
      revisit={{
        method: v.method,
        satisfaction: v.satisfaction,
        clientName: v.clientName,
        comments: v.comments,
        signatureFileId: v.signatureFileId,
        visitor: v.by.name,
        local: v.local,
        onTime: v.onTime,
      }}
    />
  );
}
