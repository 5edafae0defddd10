import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { A4Sheet, FormTable } from "@/components/print/a4-sheet";
import { requirePagePermission } from "@/lib/auth/guard";
import { getComplaint } from "@/lib/complaints/queries";
import { SATISFACTIONS } from "@/lib/complaints/schema";

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
  const box = (on: boolean) => (on ? "☑" : "☐");
  return (
    <A4Sheet back={`/complaints/${c.id}`}>
      <header className="mb-4 text-center">
        <p className="text-[10pt]">{c.site.name} · 客户服务部</p>
        <h1 className="text-[18pt] font-bold tracking-widest">{tp("revisitTitle")}</h1>
        <p className="text-right text-[9.5pt]">
          {tp("no")} {c.number}-{revisit.round}
        </p>
      </header>
      <FormTable
        rows={[
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
          [
            {
              label: t("method"),
              value: `${box(revisit.method === "VISIT")} ${t("methods.VISIT")}　${box(revisit.method === "PHONE")} ${t("methods.PHONE")}`,
            },
            { label: t("revisitedAt"), value: revisit.local.revisitedAt },
          ],
          [
            {
              label: t("satisfaction"),
              value: SATISFACTIONS.map((s) => `${box(revisit.satisfaction === s)} ${t(`satisfactions.${s}`)}`).join("　"),
              span: true,
            },
          ],
          [{ label: tp("clientOpinion"), value: revisit.comments ?? "", span: true, tall: true }],
          [
            {
              label: tp("clientSignature"),
              value: revisit.signatureFileId ? (
                // eslint-disable-next-line @next/next/no-img-element -- access-checked file route
                <img
                  src={`/api/files/${revisit.signatureFileId}`}
                  alt={tp("signatureAlt", { name: revisit.clientName })}
                  className="h-20 object-contain"
                  data-testid="printed-signature"
                />
              ) : (
                <span>
                  {revisit.clientName}（{t("methods.PHONE")}）
                </span>
              ),
            },
            { label: tp("signedAt"), value: revisit.local.signedAt ?? "—" },
          ],
          [
            { label: tp("visitor"), value: revisit.by.name },
            {
              label: tp("dueBy"),
              value: `${revisit.local.dueAt}（${
                revisit.onTime === null ? t("awaitingSignature") : revisit.onTime ? t("deadlineStates.met") : t("deadlineStates.met_late")
              }）`,
            },
          ],
        ]}
      />
      <p className="mt-3 text-[9pt]">{tp("revisitFootnote")}</p>
    </A4Sheet>
  );
}
