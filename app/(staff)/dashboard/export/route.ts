import { AccessError } from "@/lib/auth/guard";
import { refusalResponse, xlsxResponse } from "@/lib/xlsx/response";
import { exportOpenDeadlines } from "@/lib/complaints/dashboard.queries";
import { EXPORT_MAX_ROWS, exportFileName, parseDashboardFilter } from "@/lib/complaints/dashboard.rules";
import { translator } from "@/lib/i18n/server";
import { buildXlsx, type XlsxCell } from "@/lib/xlsx/xlsx";

export const dynamic = "force-dynamic";

/**
 * GET /dashboard/export?<the dashboard's filter> — the filtered deadline list as .xlsx,
 * all matching rows up to EXPORT_MAX_ROWS. The data layer checks complaint:export and the sites.
 */
export async function GET(request: Request) {
  const filter = parseDashboardFilter(Object.fromEntries(new URL(request.url).searchParams));
  let result: Awaited<ReturnType<typeof exportOpenDeadlines>>;
  try {
    result = await exportOpenDeadlines(filter);
  } catch (err) {
    if (err instanceof AccessError) return refusalResponse(err);
    throw err;
  }

  // The spreadsheet is an office document: Chinese headers and values whatever the UI language.
  const t = translator("zh-CN");
  const columns = [
    { header: t("complaints.number"), width: 20 },
    { header: t("dashboard.list.site"), width: 16 },
    { header: t("complaints.tenant"), width: 28 },
    { header: t("complaints.unit"), width: 10 },
    { header: t("complaints.department"), width: 14 },
    { header: t("complaints.category"), width: 10 },
    { header: t("complaints.severity"), width: 10 },
    { header: t("complaints.state"), width: 10 },
    { header: t("dashboard.list.deadline"), width: 10 },
    { header: t("dashboard.list.dueAt"), width: 18 },
    { header: t("dashboard.list.dueState"), width: 10 },
    { header: t("dashboard.list.provisional"), width: 10 },
    { header: t("complaints.receivedAt"), width: 18 },
  ];
  const rows: XlsxCell[][] = result.rows.map((r) => [
    r.number,
    r.site.name,
    r.tenantName,
    r.unitCode,
    r.departmentName,
    t(`complaints.categories.${r.category}`),
    t(`complaints.severities.${r.severity}`),
    t(`complaints.states.${r.state}`),
    t(`complaints.deadlineKinds.${r.kind}`),
    // Local wall-clock time of the complaint's site, as a real Excel date-time.
    { localDateTime: r.dueLocal },
    t(`complaints.deadlineStates.${r.dueState}`),
    r.provisional ? t("dashboard.list.provisionalYes") : "",
    { localDateTime: r.receivedLocal },
  ]);
  const file = await buildXlsx({ name: t("dashboard.export.sheet"), columns, rows });
  // More rows matched than one file holds (the page says the limit next to the button).
  return xlsxResponse(file, exportFileName(result.today), {
    ...(result.truncated ? { "X-Export-Truncated": String(EXPORT_MAX_ROWS) } : {}),
  });
}
