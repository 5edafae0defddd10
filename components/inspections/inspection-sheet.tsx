import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { supervisorDailySheet } from "@/lib/inspections/compliance.queries";

type Sheet = Awaited<ReturnType<typeof supervisorDailySheet>>;

const cell = "border border-black px-1.5 py-1 align-top";

/** 《客务部工作检查表》 (§2.2, §2.4): one supervisor's checks of one day, the missed slots and the signatures. */
export async function InspectionSheet({ sheet }: { sheet: Sheet }) {
  const t = await getTranslations("compliance.sheet");
  const slotLabel = (slot: number | null) => t(`slots.${slot === null ? "month" : slot}`);
  return (
    <>
      <header className="mb-3 text-center">
        <p className="text-[10pt]">{sheet.site.name} · 客户服务部</p>
        <h1 className="text-[16pt] font-bold tracking-widest">{t("title")}</h1>
      </header>
      <p className="mb-2 flex justify-between text-[10.5pt]">
        <span>
          {t("site")}：{sheet.site.name}
        </span>
        <span>
          {t("date")}：{sheet.date}
        </span>
        <span>
          {t("supervisor")}：{sheet.supervisor.name}
        </span>
      </p>
      <table className="w-full border-collapse text-[9.5pt]">
        <thead>
          <tr>
            <th className={`${cell} w-[13%]`}>{t("slot")}</th>
            <th className={`${cell} w-[20%]`}>{t("area")}</th>
            <th className={cell}>{t("items")}</th>
            <th className={`${cell} w-[12%]`}>{t("result")}</th>
            <th className={`${cell} w-[25%]`}>{t("note")}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.checks.length === 0 ? (
            <tr>
              <td colSpan={5} className={`${cell} text-center`}>
                {t("noChecks")}
              </td>
            </tr>
          ) : (
            sheet.checks.map((c) => {
              const failed = c.results.filter((r) => r.result === "FAIL");
              return (
                <tr key={c.id} className="break-inside-avoid">
                  <td className={cell}>
                    {slotLabel(c.slot)}
                    <br />
                    {c.checkedLocal}
                  </td>
                  <td className={cell}>
                    {/* On screen the area opens the check's results; on paper it reads as plain text. */}
                    <Link href={`/inspections/checks/${c.id}`} className="text-sky-700 underline print:text-inherit print:no-underline">
                      {c.area.name}
                    </Link>
                    <br />
                    <span className="text-[8.5pt]">
                      {c.area.building} {c.area.floor}
                    </span>
                  </td>
                  <td className={`${cell} text-[8.5pt]`}>
                    {c.results.map((r, i) => (
                      <span key={r.item.position} className={r.result === "FAIL" ? "font-bold" : ""}>
                        {i > 0 ? "；" : ""}
                        {r.item.label}
                        {r.result === "FAIL" ? `（${t("fail")}）` : ""}
                      </span>
                    ))}
                  </td>
                  <td className={cell}>
                    {failed.length === 0 ? t("allPass", { count: c.results.length }) : `${t("fail")} ${failed.length}`}
                  </td>
                  <td className={cell}>
                    {failed.map((r) => (
                      <span key={r.item.position} className="block">
                        {r.item.label}：{r.note ?? "—"}
                        {r.item.equipment ? `（${t("equipment")}）` : ""}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      <section className="mt-3 break-inside-avoid text-[10pt]">
        <h2 className="font-bold">{t("missedTitle")}</h2>
        {sheet.missed.length === 0 ? (
          <p>{t("noMissed")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {sheet.missed.map((m) => (
              <li key={`${m.area.id}|${m.periodKey}`}>
                {t("missedLine", { slot: slotLabel(m.slot), area: m.area.name, end: m.endLocal })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="mt-8 grid break-inside-avoid grid-cols-2 gap-8 text-[10.5pt]">
        {[t("supervisorSign"), t("managerReview")].map((label) => (
          <p key={label} className="flex flex-col gap-6">
            <span>{label}：________________</span>
            <span>{t("signDate")}：________________</span>
          </p>
        ))}
      </footer>
      <p className="mt-4 text-[9pt]">{t("footnote")}</p>
    </>
  );
}
