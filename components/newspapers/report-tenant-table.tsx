import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { NewspaperMonthlyReport } from "@/lib/newspapers/report.queries";

type TenantRow = NewspaperMonthlyReport["tenants"][number];

/** Per tenant (R-NEWS-3): what was signed for, held at the desk and picked up. */
export async function TenantTable(props: { rows: TenantRow[] }) {
  const t = await getTranslations("newspaperReports.byTenant");
  return (
    <DataTable
      notRecords="figures"
      caption={t("title")}
      rows={props.rows}
      rowKey={(r) => r.tenantId}
      empty={t("empty")}
      columns={[
        { header: t("name"), cell: (r) => <span className="block min-w-32">{r.name}</span> },
        { header: t("titles"), cell: (r) => r.titles.join("、"), wide: true },
        { header: t("delivered"), cell: (r) => r.delivered },
        { header: t("held"), cell: (r) => r.held },
        { header: t("pickedUp"), cell: (r) => r.pickedUp, wide: true },
        { header: t("stillHeld"), cell: (r) => <span className={r.stillHeld > 0 ? "font-medium text-amber-700" : ""}>{r.stillHeld}</span> },
      ]}
    />
  );
}
