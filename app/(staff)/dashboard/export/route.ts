import { AccessError, requirePermission } from "@/lib/auth/guard";
import { refusalResponse, xlsxResponse } from "@/lib/xlsx/response";
import { exportOpenDeadlines } from "@/lib/complaints/dashboard.queries";
import { roleHas } from "@/lib/permissions";
import { exportOpenServiceRevisits } from "@/lib/special-services/dashboard.queries";
import { surveyOpenDeadlines } from "@/lib/surveys/dashboard.queries";
import { EXPORT_MAX_ROWS, exportFileName, parseDashboardFilter } from "@/lib/complaints/dashboard.rules";
import { translator } from "@/lib/i18n/server";
import { mapRows, type XlsxSheet } from "@/lib/xlsx/xlsx";

export const dynamic = "force-dynamic";

/**
 * GET /dashboard/export?<the dashboard's filter> — the filtered deadline list as .xlsx, all matching
 * rows up to EXPORT_MAX_ROWS, and beside it the survey-opinion deadlines (R-SUR-1..3) and the special
 * services' phone revisits (R-SVC-2) of the same sites and due state, each on its own sheet. The data
 * layer checks complaint:export (and the other modules' dashboard rights) and the sites before the
 * file starts; the rows are read in batches while it is streamed.
 */
export async function GET(request: Request) {
  const filter = parseDashboardFilter(Object.fromEntries(new URL(request.url).searchParams));
  let result: Awaited<ReturnType<typeof exportOpenDeadlines>>;
  let surveys: Awaited<ReturnType<typeof surveyOpenDeadlines>> | null;
  let services: Awaited<ReturnType<typeof exportOpenServiceRevisits>> | null;
  try {
    result = await exportOpenDeadlines(filter);
    // The other deadlines of the dashboard, with the same site and due-state filter.
    const actor = await requirePermission("complaint:export");
    [surveys, services] = await Promise.all([
      roleHas(actor.role, "complaint:dashboard") ? surveyOpenDeadlines({ site: filter.site, due: filter.due }, EXPORT_MAX_ROWS) : null,
      roleHas(actor.role, "service:dashboard")
        ? exportOpenServiceRevisits({ site: filter.site, due: filter.due }, { maxRows: EXPORT_MAX_ROWS })
        : null,
    ]);
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
  const rows = mapRows(result.rows, (r) => [
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
  const sheets: XlsxSheet[] = [{ name: t("dashboard.export.sheet"), columns, rows }];
  if (surveys)
    sheets.push({
      name: t("surveys.dashboard.title"),
      columns: [
        { header: t("surveys.site"), width: 16 },
        { header: t("surveys.round"), width: 24 },
        { header: t("complaints.tenant"), width: 28 },
        { header: t("surveys.items.department"), width: 14 },
        { header: t("surveys.state"), width: 14 },
        { header: t("dashboard.list.deadline"), width: 10 },
        { header: t("dashboard.list.dueAt"), width: 18 },
        { header: t("dashboard.list.dueState"), width: 10 },
      ],
      rows: surveys.rows.map((r) => [
        r.site.name,
        r.roundTitle,
        r.tenantName,
        r.departmentName,
        t(`surveys.itemStates.${r.state}`),
        t(`surveys.deadlineKinds.${r.kind}`),
        { localDateTime: r.dueLocal },
        t(`complaints.deadlineStates.${r.dueState}`),
      ]),
    });
  if (services)
    sheets.push({
      name: t("specialServices.card.title"),
      columns: [
        { header: t("specialServices.notice"), width: 20 },
        { header: t("specialServices.site"), width: 16 },
        { header: t("specialServices.service"), width: 20 },
        { header: t("complaints.tenant"), width: 28 },
        { header: t("specialServices.unit"), width: 10 },
        { header: t("specialServices.revisitDeadline"), width: 18 },
        { header: t("dashboard.list.dueState"), width: 10 },
        { header: t("dashboard.list.provisional"), width: 10 },
      ],
      rows: mapRows(services, (r) => [
        r.number ?? "",
        r.site.name,
        r.serviceName,
        r.tenantName,
        r.unitCode ?? "",
        { localDateTime: r.dueLocal },
        t(`complaints.deadlineStates.${r.dueState}`),
        r.provisional ? t("dashboard.list.provisionalYes") : "",
      ]),
    });
  // More rows matched than one file holds (the page says the limit next to the button).
  return xlsxResponse(sheets, exportFileName(result.today), {
    ...(result.truncated ? { "X-Export-Truncated": String(EXPORT_MAX_ROWS) } : {}),
  });
}
