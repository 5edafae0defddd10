import { getTranslations } from "next-intl/server";
import type { printableMonth } from "@/lib/vacant-units/record.queries";
import { CHECK_ITEMS } from "@/lib/vacant-units/schema";

type Sheet = Awaited<ReturnType<typeof printableMonth>>;

const cell = "border border-black px-1.5 py-1 align-top";

/** 《空置单元清洁记录表》 (§8.5) of one site and month: every unit due, its cleaning, the four checks and the supervisor's check. */
export async function RecordSheet({ sheet }: { sheet: Sheet }) {
  const t = await getTranslations("vacant");
  const mark = (result: string | undefined) => (result === undefined ? "" : result === "PASS" ? t("sheet.ok") : t("sheet.ng"));
  return (
    <>
      <header className="mb-3 text-center">
        <p className="text-[10pt]">
          {sheet.site.name} · {t("sheet.dept")}
        </p>
        <h1 className="text-[16pt] font-bold tracking-widest">{t("sheet.title")}</h1>
      </header>
      <p className="mb-2 flex justify-between text-[10.5pt]">
        <span>
          {t("sheet.site")}：{sheet.site.name}
        </span>
        <span>
          {t("sheet.month")}：{sheet.month}
        </span>
      </p>
      <table className="w-full border-collapse text-[9pt]">
        <thead>
          <tr>
            <th className={`${cell} w-[5%]`}>{t("sheet.no")}</th>
            <th className={`${cell} w-[12%]`}>{t("sheet.unit")}</th>
            <th className={`${cell} w-[11%]`}>{t("sheet.date")}</th>
            <th className={`${cell} w-[9%]`}>{t("sheet.cleaner")}</th>
            {CHECK_ITEMS.map((item) => (
              <th key={item} className={`${cell} w-[7%]`}>
                {t(item === "DOORS_WINDOWS" ? "sheet.doors" : `itemsShort.${item}`)}
              </th>
            ))}
            <th className={cell}>{t("sheet.notes")}</th>
            <th className={`${cell} w-[13%]`}>{t("sheet.check")}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.length === 0 ? (
            <tr>
              <td colSpan={10} className={`${cell} text-center`}>
                {t("sheet.empty")}
              </td>
            </tr>
          ) : (
            sheet.rows.map((r, i) => (
              <tr key={r.id} className="break-inside-avoid">
                <td className={`${cell} text-center`}>{i + 1}</td>
                <td className={cell}>
                  {r.code}
                  <br />
                  <span className="text-[8pt]">
                    {r.building} {r.floor}
                  </span>
                </td>
                <td className={cell}>{r.record?.cleanedOn ?? (r.state === "overdue" ? t("sheet.notCleaned") : "")}</td>
                <td className={cell}>
                  {r.record?.cleaner ?? ""}
                  {/* R-VAC-1: a substitute for the dedicated cleaner, with the reason. */}
                  {r.record?.substituteReason ? (
                    <span className="block text-[8pt]">{t("sheet.substitute", { reason: r.record.substituteReason })}</span>
                  ) : null}
                </td>
                {CHECK_ITEMS.map((item, k) => (
                  <td key={item} className={`${cell} text-center`}>
                    {mark(r.record?.checks[k]?.result)}
                  </td>
                ))}
                <td className={`${cell} text-[8pt]`}>
                  {r.record?.checks
                    .filter((c) => c && c.result === "FAIL")
                    .map((c) => (
                      <span key={c!.item} className="block">
                        {t(`itemsShort.${c!.item}`)}：{c!.note}
                      </span>
                    ))}
                </td>
                <td className={cell}>
                  {r.record?.verifiedBy
                    ? `${r.record.verifiedBy} ${r.record.verifiedOn ?? ""}`
                    : r.state === "submitted"
                      ? t("sheet.pending")
                      : r.state === "sentBack"
                        ? t("sheet.sentBack")
                        : ""}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p className="mt-3 text-[9pt]">{t("sheet.standard")}</p>
      <p className="mt-6 text-right text-[10.5pt]">{t("sheet.signature")}＿＿＿＿＿＿＿＿</p>
    </>
  );
}
