import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { NewspaperMonthlyReport } from "@/lib/newspapers/report.queries";

type TitleRow = NewspaperMonthlyReport["titles"][number];
type Summed = "daysReceived" | "received" | "expected" | "shortfall" | "delivered" | "held" | "pickedUp" | "stillHeld" | "returned";

/** Per title: receipt (R-NEWS-1) against deliveries (R-NEWS-2/3); days that do not reconcile in red. */
export async function TitleTable(props: { rows: TitleRow[] }) {
  const t = await getTranslations("newspaperReports.byTitle");
  const sum = (field: Summed | "openDays" | "short" | "pending") => props.rows.reduce((s, r) => s + r[field], 0);
  const total: TitleRow = {
    titleId: "__total",
    name: t("total"),
    daysReceived: sum("daysReceived"),
    received: sum("received"),
    expected: sum("expected"),
    shortfall: sum("shortfall"),
    delivered: sum("delivered"),
    held: sum("held"),
    pickedUp: sum("pickedUp"),
    stillHeld: sum("stillHeld"),
    returned: sum("returned"),
    short: sum("short"),
    pending: sum("pending"),
    openDays: sum("openDays"),
    discrepancyDates: props.rows.flatMap((r) => r.discrepancyDates),
  };
  const isTotal = (r: TitleRow) => r.titleId === "__total";
  const warn = (n: number) => (n > 0 ? "font-medium text-red-700" : "");
  return (
    <DataTable
      notRecords="figures"
      caption={t("title")}
      rows={props.rows.length > 0 ? [...props.rows, total] : []}
      rowKey={(r) => r.titleId}
      empty={t("empty")}
      columns={[
        { header: t("name"), cell: (r) => (isTotal(r) ? <strong>{r.name}</strong> : r.name) },
        { header: t("daysReceived"), cell: (r) => (isTotal(r) ? "" : r.daysReceived), wide: true },
        { header: t("received"), cell: (r) => r.received },
        { header: t("expected"), cell: (r) => r.expected, wide: true },
        { header: t("shortfall"), cell: (r) => <span className={warn(r.shortfall)}>{r.shortfall}</span> },
        { header: t("delivered"), cell: (r) => r.delivered },
        { header: t("held"), cell: (r) => r.held },
        { header: t("pickedUp"), cell: (r) => r.pickedUp, wide: true },
        { header: t("stillHeld"), cell: (r) => r.stillHeld },
        { header: t("returned"), cell: (r) => r.returned, wide: true },
        {
          header: t("discrepancy"),
          cell: (r) =>
            r.discrepancyDates.length === 0 ? (
              <span className="text-slate-500">{t("none")}</span>
            ) : (
              <span className="flex flex-col rounded bg-red-50 px-1 text-red-800" data-testid="discrepancy">
                <span className="font-medium">{t("discrepancyDays", { count: r.discrepancyDates.length })}</span>
                {isTotal(r) ? null : <span className="text-xs">{r.discrepancyDates.map((d) => d.slice(5)).join("、")}</span>}
              </span>
            ),
        },
        { header: t("openDays"), cell: (r) => <span className={r.openDays > 0 ? "text-amber-700" : ""}>{r.openDays}</span>, wide: true },
      ]}
    />
  );
}
