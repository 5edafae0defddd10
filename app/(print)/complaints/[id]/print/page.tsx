import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { A4Sheet, FormTable } from "@/components/print/a4-sheet";
import { requirePagePermission } from "@/lib/auth/guard";
import { getComplaint } from "@/lib/complaints/queries";

/** A complaint's whole history on A4: intake, each round's rectification and revisit. */
export default async function ComplaintHistoryPrint({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("complaint:read");
  const { id } = await params;
  const c = await getComplaint(id);
  if (!c) notFound();
  const t = await getTranslations("complaints");
  const tp = await getTranslations("print");
  return (
    <A4Sheet back={`/complaints/${c.id}`}>
      <header className="mb-4 text-center">
        <p className="text-[10pt]">{c.site.name} · 客户服务部</p>
        <h1 className="text-[16pt] font-bold tracking-widest">{tp("historyTitle")}</h1>
        <p className="text-right text-[9.5pt]">
          {tp("no")} {c.number}
        </p>
      </header>
      <FormTable
        rows={[
          [
            { label: t("tenant"), value: `${c.tenant.name}${c.unit ? ` · ${c.unit.code}` : ""}` },
            { label: t("severity"), value: t(`severities.${c.severity}`) },
          ],
          [
            { label: t("source"), value: t(`sources.${c.source}`) },
            { label: t("category"), value: t(`categories.${c.category}`) },
          ],
          [
            { label: t("receivedAt"), value: `${c.local.receivedAt} · ${c.receivedBy.name}${c.backdated ? ` · ${t("backdated")}` : ""}` },
            { label: t("department"), value: c.department.name },
          ],
          [{ label: t("description"), value: <span className="whitespace-pre-wrap">{c.description}</span>, span: true, tall: true }],
          [
            { label: t("state"), value: t(`states.${c.state}`) },
            { label: tp("closedAt"), value: c.local.closedAt ?? "—" },
          ],
        ]}
      />
      {c.rectifications.map((r) => {
        const v = c.revisits.find((x) => x.round === r.round);
        return (
          <section key={r.id} className="mt-4 break-inside-avoid">
            <h2 className="mb-1 font-bold">{t("roundN", { round: r.round })}</h2>
            <FormTable
              rows={[
                [
                  { label: tp("rectDue"), value: r.local.dueAt },
                  {
                    label: t("rectifiedAt"),
                    value: r.rectifiedAt
                      ? `${r.local.rectifiedAt}（${r.onTime ? t("deadlineStates.met") : t("deadlineStates.met_late")}）`
                      : "—",
                  },
                ],
                [
                  {
                    label: tp("rectification"),
                    value: `${r.actionTaken ?? "—"}${r.rectifiedBy ? `（${r.rectifiedBy}）` : ""}`,
                    span: true,
                  },
                ],
                [
                  { label: tp("revisitDue"), value: v?.local.dueAt ?? (r.round === c.round ? (c.local.revisitDueAt ?? "—") : "—") },
                  { label: t("revisitedAt"), value: v ? `${v.local.revisitedAt} · ${t(`methods.${v.method}`)} · ${v.by.name}` : "—" },
                ],
                [
                  {
                    label: t("satisfaction"),
                    value: v ? `${t(`satisfactions.${v.satisfaction}`)}${v.comments ? `：${v.comments}` : ""}` : "—",
                    span: true,
                  },
                ],
              ]}
            />
          </section>
        );
      })}
    </A4Sheet>
  );
}
