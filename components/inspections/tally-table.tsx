import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { Tally } from "@/lib/inspections/compliance.rules";

const percent = (rate: number | null) => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);

/** One compliance table (R-INS-4): a label column, then due / done / missed / failed items / rate. */
export async function TallyTable<T extends { tally: Tally }>(props: {
  title: string;
  labelHeader: string;
  rows: T[];
  rowKey: (row: T) => string;
  label: (row: T) => ReactNode;
  total?: Tally;
}) {
  const t = await getTranslations("compliance");
  const rows = props.total ? [...props.rows, { tally: props.total, total: true } as unknown as T] : props.rows;
  const isTotal = (r: T) => (r as { total?: boolean }).total === true;
  return (
    <section aria-label={props.title} className="flex min-w-0 flex-col gap-2">
      <h2 className="text-base font-semibold text-slate-900">{props.title}</h2>
      <DataTable
        notRecords="figures"
        caption={props.title}
        rows={rows}
        rowKey={(r) => (isTotal(r) ? "__total" : props.rowKey(r))}
        empty={t("noRate")}
        columns={[
          { header: props.labelHeader, cell: (r) => (isTotal(r) ? <strong>{t("total")}</strong> : props.label(r)) },
          { header: t("due"), cell: (r) => r.tally.due },
          { header: t("done"), cell: (r) => r.tally.done },
          {
            header: t("missed"),
            cell: (r) => <span className={r.tally.missed > 0 ? "font-medium text-red-700" : ""}>{r.tally.missed}</span>,
          },
          { header: t("failures"), cell: (r) => r.tally.failures, wide: true },
          { header: t("rate"), cell: (r) => percent(r.tally.rate) ?? t("noRate") },
        ]}
      />
    </section>
  );
}
