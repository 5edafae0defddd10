import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { A4Sheet, FormTable } from "@/components/print/a4-sheet";
import { requirePagePermission } from "@/lib/auth/guard";
import { getMeetingDetail } from "@/lib/meetings/detail.queries";
import { AGENDA_SECTIONS } from "@/lib/meetings/rules";

const cell = "border border-black px-2 py-1 text-left align-top";

/** 《会议记录》 for the archive (存档保管, R-MTG-4): same visibility as the meeting page. */
export default async function MeetingPrint({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("meeting:read");
  const { id } = await params;
  const m = await getMeetingDetail(id);
  if (!m) notFound();
  const t = await getTranslations("meetings");
  const items = [...m.carriedOver, ...m.actionItems];
  return (
    <A4Sheet back={`/meetings/${m.id}`}>
      <h1 className="mb-1 text-center text-[16pt] font-bold tracking-widest">{t("printSheet.title")}</h1>
      <p className="mb-3 text-center text-[10pt]">{m.siteName}</p>
      <FormTable
        rows={[
          [
            { label: t("printSheet.series"), value: m.seriesName },
            { label: t("printSheet.when"), value: `${m.date} ${m.time}` },
          ],
          [
            { label: t("printSheet.convener"), value: m.convenerName },
            { label: t("printSheet.minuteTaker"), value: m.minuteTakerName },
          ],
          [{ label: t("fields.place"), value: m.place, span: true }],
        ]}
      />
      <h2 className="mt-4 mb-1 font-bold">{t("attendance.title")}</h2>
      <table className="w-full border-collapse text-[10pt]">
        <thead>
          <tr>
            <th className={cell}>{t("printSheet.name")}</th>
            <th className={cell}>{t("printSheet.organization")}</th>
            <th className={cell}>{t("printSheet.status")}</th>
            <th className={cell}>{t("attendance.note")}</th>
          </tr>
        </thead>
        <tbody>
          {m.attendance.map((a) => (
            <tr key={a.participantId}>
              <td className={cell}>{a.name}</td>
              <td className={cell}>{[a.organization, a.position].filter(Boolean).join(" ")}</td>
              <td className={cell}>{a.status ? t(`status.${a.status}`) : "—"}</td>
              <td className={cell}>{a.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {AGENDA_SECTIONS.map((s, i) => (
        <section key={s} className="mt-3">
          <h2 className="font-bold">{`${i + 1}. ${t(`agenda.${s}`)}`}</h2>
          <p className="min-h-12 border border-black p-2 whitespace-pre-wrap">{m.agenda[s] ?? ""}</p>
        </section>
      ))}
      <h2 className="mt-4 mb-1 font-bold">{t("printSheet.items")}</h2>
      <table className="w-full border-collapse text-[10pt]">
        <thead>
          <tr>
            <th className={cell}>{t("items.description")}</th>
            <th className={cell}>{t("items.owner")}</th>
            <th className={cell}>{t("items.dueOn")}</th>
            <th className={cell}>{t("printSheet.itemState")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className={cell}>{item.description}</td>
              <td className={cell}>{item.ownerName}</td>
              <td className={cell}>{item.dueOn}</td>
              <td className={cell}>
                {item.closedAt ? t("items.closedBy", { who: item.closedBy ?? "—", at: item.closedAt }) : t("items.open")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-4 text-[10pt]">
        {m.state === "CONFIRMED" ? t("confirmedBy", { who: m.confirmedBy ?? "—", at: m.confirmedAt ?? "" }) : t("printSheet.draft")}
      </p>
      {m.amendments.length > 0 ? (
        <section className="mt-4">
          <h2 className="mb-1 font-bold">{t("amendments.title")}</h2>
          <ol className="list-decimal pl-6 text-[10pt]">
            {m.amendments.map((a) => (
              <li key={a.id}>
                {t("amendments.linked", { section: t(`sections.${a.section}`), who: a.createdBy ?? "—", at: a.createdAt ?? "" })}：{a.text}
                （{t("amendments.because", { reason: a.reason })}）
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </A4Sheet>
  );
}
