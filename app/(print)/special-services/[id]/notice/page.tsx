import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { A4Sheet, FormTable } from "@/components/print/a4-sheet";
import { requirePagePermission } from "@/lib/auth/guard";
import { amountInWords, formatYuan } from "@/lib/special-services/money";
import { getServiceOrder } from "@/lib/special-services/queries";

/**
 * 《缴费通知单》 (R-SVC-2) as the paper form on A4: numbered per site and day of the service, the amount
 * in figures and in Chinese capitals (大写), the tenant's receipt line to sign on paper.
 */
export default async function PaymentNoticePrint({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("service:read");
  const { id } = await params;
  const o = await getServiceOrder(id);
  if (!o || !o.noticeNumber) notFound();
  const t = await getTranslations("specialServices.print");
  return (
    <A4Sheet back={`/special-services/${o.id}`}>
      <header className="mb-4 text-center">
        <p className="text-[10pt]">
          {o.site.name} · {t("department")}
        </p>
        <h1 className="text-[20pt] font-bold tracking-[0.4em]">{t("title")}</h1>
        <p className="text-right text-[9.5pt]">
          {t("no")} <span data-testid="printed-notice-number">{o.noticeNumber}</span>
        </p>
      </header>
      <p className="mb-1 text-[11pt]">
        {t("to")}
        <span className="border-b border-black px-2 font-medium">{o.tenant.name}</span>
      </p>
      <p className="mb-3 indent-8 text-[10.5pt]">{t("intro")}</p>
      <FormTable
        rows={[
          [
            { label: t("service"), value: `${o.serviceName}（${o.service.unitLabel}）` },
            { label: t("unit"), value: o.unit ? `${o.unit.code}（${o.unit.building} ${o.unit.floor}）` : "—" },
          ],
          [
            { label: t("doneAt"), value: o.local.doneAt ?? "—" },
            { label: t("performedBy"), value: o.performedBy ?? "—" },
          ],
          [
            {
              label: t("amountFigures"),
              value: (
                <span className="font-medium" data-testid="amount-figures">
                  ¥{formatYuan(o.agreedPriceFen)}
                </span>
              ),
              span: true,
            },
          ],
          [
            {
              label: t("amountWords"),
              value: (
                <span className="text-[12pt] font-medium tracking-wider">
                  {t("yuanPrefix")} <span data-testid="amount-words">{amountInWords(o.agreedPriceFen)}</span>
                </span>
              ),
              span: true,
            },
          ],
          [{ label: t("notes"), value: <span className="whitespace-pre-wrap">{o.details ?? ""}</span>, span: true, tall: true }],
          [
            { label: t("issuer"), value: `${o.site.name} ${t("department")}` },
            { label: t("issuedOn"), value: o.local.doneDate ?? "—" },
          ],
          [
            { label: t("receiver"), value: o.noticeDeliveredTo ?? "" },
            { label: t("receivedAt"), value: o.local.noticeDeliveredAt ?? "" },
          ],
        ]}
      />
      <p className="mt-3 text-[9pt]">{t("footnote")}</p>
    </A4Sheet>
  );
}
