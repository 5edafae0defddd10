import { getTranslations } from "next-intl/server";
import { A4Sheet } from "@/components/print/a4-sheet";
import type { NewspaperDayView } from "@/lib/newspapers/queries";

/**
 * 《报纸分发明细》 like the paper form: building / floor / unit / tenant / title / copies and a column
 * where the tenant signs (R-NEWS-3). Copies that did not come (SHORT) are not on the list.
 */
export async function DistributionSheet({ day, back }: { day: NewspaperDayView; back: string }) {
  const t = await getTranslations("newspapers");
  const rows = day.deliveries.filter((d) => d.state !== "SHORT");
  const cell = "border border-black px-1.5 py-1 align-middle";
  const c = (key: string) => t(`columns.${key}`);
  return (
    <A4Sheet back={back}>
      <h1 className="text-center text-[16pt] font-bold tracking-widest">《{t("print.title")}》</h1>
      <p className="mt-1 mb-1 text-center text-[10pt]">
        {t("print.meta", { site: day.site.name, date: day.date, courier: day.courierName })}
      </p>
      <p className="mb-2 text-[10pt]">
        {t("print.staff", { staff: day.deliveryStaffName ?? "________" })}　{t("print.handedBy")}
        {day.handedOverBy ?? "________"}
      </p>
      <table className="w-full border-collapse text-[10pt]" data-testid="distribution-sheet">
        <thead>
          <tr>
            {["building", "floor", "unit", "tenant", "title", "copies"].map((k) => (
              <th key={k} scope="col" className={`${cell} font-normal whitespace-nowrap`}>
                {c(k)}
              </th>
            ))}
            <th scope="col" className={`${cell} w-[25%] font-normal`}>
              {t("print.signature")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} className="break-inside-avoid">
              <td className={cell}>{d.building}</td>
              <td className={cell}>{d.floor}</td>
              <td className={cell}>{d.unitCode}</td>
              <td className={cell}>{d.tenantName}</td>
              <td className={cell}>{d.titleName}</td>
              <td className={`${cell} text-center`}>{d.copies}</td>
              <td className={`${cell} h-9`}>
                {d.state === "DELIVERED" && d.signatureFileId ? (
                  // eslint-disable-next-line @next/next/no-img-element -- the tenant's stored signature
                  <img src={`/api/files/${d.signatureFileId}`} alt={d.recipientName ?? ""} className="h-7 w-auto" />
                ) : d.state === "HELD" || d.state === "PICKED_UP" ? (
                  <span className="text-[9pt]">{t("states.HELD")}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-[9pt]">{t("print.footer")}</p>
    </A4Sheet>
  );
}
