import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RevisitRecordSheet } from "@/components/print/revisit-record";
import { requirePagePermission } from "@/lib/auth/guard";
import { getComplaint } from "@/lib/complaints/queries";

/** 《回访记录表》 (R-CMP-4) as the paper form, with the client's signature. */
export default async function RevisitRecordPrint({ params }: { params: Promise<{ id: string; round: string }> }) {
  await requirePagePermission("complaint:read");
  const { id, round } = await params;
  const c = await getComplaint(id);
  const revisit = c?.revisits.find((v) => v.round === Number(round));
  if (!c || !revisit) notFound();
  const rectification = c.rectifications.find((r) => r.round === revisit.round);
  const t = await getTranslations("complaints");
  const tp = await getTranslations("print");
  return (
    <RevisitRecordSheet
      back={`/complaints/${c.id}`}
      siteName={c.site.name}
      number={`${c.number}-${revisit.round}`}
      subject={[
        [
          { label: t("tenant"), value: c.tenant.name },
          { label: t("unit"), value: c.unit?.code ?? "—" },
        ],
        [
          { label: t("receivedAt"), value: c.local.receivedAt },
          { label: t("severity"), value: t(`severities.${c.severity}`) },
        ],
        [{ label: t("description"), value: <span className="whitespace-pre-wrap">{c.description}</span>, span: true, tall: true }],
        [
          {
            label: tp("rectification"),
            value: <span className="whitespace-pre-wrap">{rectification?.actionTaken ?? "—"}</span>,
            span: true,
            tall: true,
          },
        ],
        [
          { label: t("rectifiedAt"), value: rectification?.local.rectifiedAt ?? "—" },
          { label: t("department"), value: c.department.name },
        ],
      ]}
      revisit={{
        method: revisit.method,
        satisfaction: revisit.satisfaction,
        clientName: revisit.clientName,
        comments: revisit.comments,
        signatureFileId: revisit.signatureFileId,
        visitor: revisit.by.name,
        local: { revisitedAt: revisit.local.revisitedAt ?? "", signedAt: revisit.local.signedAt ?? null, dueAt: revisit.local.dueAt ?? "" },
        onTime: revisit.onTime,
      }}
    />
  );
}
