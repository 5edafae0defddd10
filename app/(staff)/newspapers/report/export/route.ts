import { AccessError } from "@/lib/auth/guard";
import { refusalResponse, xlsxResponse } from "@/lib/xlsx/response";
import { translator } from "@/lib/i18n/server";
import { newspaperMonthlyReport } from "@/lib/newspapers/report.queries";
import type { XlsxCell } from "@/lib/xlsx/xlsx";
import { param } from "@/lib/pagination";

export const dynamic = "force-dynamic";

/**
 * GET /newspapers/report/export?site=&month=YYYY-MM — the monthly newspaper report as
 * .xlsx: one sheet per title, one per tenant. The data layer checks newspaper:report and the site.
 */
export async function GET(request: Request) {
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  let report: Awaited<ReturnType<typeof newspaperMonthlyReport>>;
  try {
    report = await newspaperMonthlyReport({ site: param(sp.site), month: param(sp.month) });
  } catch (err) {
    if (err instanceof AccessError) return refusalResponse(err);
    throw err;
  }

  // An office document: Chinese headers whatever the UI language.
  const t = translator("zh-CN");
  const h = (key: string) => t(`newspaperReports.${key}`);
  const lead = (): XlsxCell[] => [report.site.name, report.month];
  const byTitle = {
    name: h("sheets.byTitle"),
    columns: [
      { header: h("columns.site"), width: 12 },
      { header: h("columns.month"), width: 8 },
      { header: h("byTitle.name"), width: 16 },
      { header: h("byTitle.daysReceived"), width: 8 },
      { header: h("byTitle.received"), width: 8 },
      { header: h("byTitle.expected"), width: 8 },
      { header: h("byTitle.shortfall"), width: 6 },
      { header: h("byTitle.delivered"), width: 8 },
      { header: h("byTitle.held"), width: 6 },
      { header: h("byTitle.pickedUp"), width: 8 },
      { header: h("byTitle.stillHeld"), width: 8 },
      { header: h("byTitle.returned"), width: 6 },
      { header: h("byTitle.discrepancy"), width: 8 },
      { header: h("columns.discrepancyDates"), width: 30 },
      { header: h("byTitle.openDays"), width: 10 },
    ],
    rows: report.titles.map((r): XlsxCell[] => [
      ...lead(),
      r.name,
      r.daysReceived,
      r.received,
      r.expected,
      r.shortfall,
      r.delivered,
      r.held,
      r.pickedUp,
      r.stillHeld,
      r.returned,
      r.discrepancyDates.length,
      r.discrepancyDates.join("、"),
      r.openDays,
    ]),
  };
  const byTenant = {
    name: h("sheets.byTenant"),
    columns: [
      { header: h("columns.site"), width: 12 },
      { header: h("columns.month"), width: 8 },
      { header: h("byTenant.name"), width: 28 },
      { header: h("byTenant.titles"), width: 30 },
      { header: h("byTenant.delivered"), width: 8 },
      { header: h("byTenant.held"), width: 6 },
      { header: h("byTenant.pickedUp"), width: 8 },
      { header: h("byTenant.stillHeld"), width: 8 },
    ],
    rows: report.tenants.map((r): XlsxCell[] => [...lead(), r.name, r.titles.join("、"), r.delivered, r.held, r.pickedUp, r.stillHeld]),
  };
  return xlsxResponse([byTitle, byTenant], `报纸月报-${report.site.code}-${report.month}.xlsx`);
}
