import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { endOfLocalDayInZone, localDateInZone } from "@/lib/calendar";
import { Prisma } from "@/lib/generated/prisma/client";
import { sitesWith } from "@/lib/registry/site.store";
import { sqlInstant } from "@/lib/sql-time";
import { firstInstant, versionedMemo } from "@/lib/cache-version";
import { translator } from "@/lib/i18n/server";
import { roleHas } from "@/lib/permissions";
import { siteScope } from "@/lib/registry/site.queries";
import { exportOpenServiceRevisits } from "@/lib/special-services/dashboard.queries";
import { nextSurveyDeadlineSql, surveyOpenDeadlines } from "@/lib/surveys/dashboard.queries";
import { xlsxBytes } from "@/lib/xlsx/response";
import { mapRows, type XlsxSheet } from "@/lib/xlsx/xlsx";
import { exportOpenDeadlines, nextComplaintDeadlineSql } from "./dashboard.queries";
import { EXPORT_MAX_ROWS, exportFileName, type DashboardFilter } from "./dashboard.rules";

/** A deadline export as the route sends it. */
export interface DeadlineExportFile {
  bytes: Uint8Array;
  filename: string;
  /** More rows matched than one file holds (EXPORT_MAX_ROWS). */
  truncated: boolean;
}

/**
 * Made files kept in memory (lib/cache-version.ts versionedMemo, decision 026) while nothing behind
 * them is written and no deadline in them changes state: the same export asked for again, or by ten
 * managers at once, is written once. One file of 10 000 rows cost a second of the server's CPU.
 * A few files only (each under ~1 MB).
 */
const files = versionedMemo<DeadlineExportFile>(["complaint", "survey", "service", "site", "calendar"], 8);

/**
 * GET /dashboard/export's file: the filtered deadline list, all matching rows up to EXPORT_MAX_ROWS, and
 * beside it the survey-opinion deadlines (R-SUR-1..3) and the special services' phone revisits (R-SVC-2)
 * of the same sites and due state, each on its own sheet for a reader with those modules' dashboard
 * rights. The permission and the sites are checked before anything is read or served from memory.
 */
export async function deadlineExportFile(filter: DashboardFilter): Promise<DeadlineExportFile> {
  const actor = await requirePermission("complaint:export");
  const siteIds = [...siteScope(actor, filter.site)].sort();
  const withSurveys = roleHas(actor.role, "complaint:dashboard");
  const withServices = roleHas(actor.role, "service:dashboard");
  const at = new Date();
  return files.get(JSON.stringify([siteIds, filter, withSurveys, withServices]), () => writeFile(filter, withSurveys, withServices), {
    at,
    until: () => horizonOf(siteIds, at),
  });
}

/**
 * The first instant at or after `at` at which time alone changes the file: a complaint deadline, a survey
 * opinion's or a special service's revisit falls due (a row turns overdue), or a site's local day ends
 * (due today / due soon move on).
 */
async function horizonOf(siteIds: string[], at: Date): Promise<Date> {
  if (siteIds.length === 0) return at;
  const now = sqlInstant(at);
  const inSites = Prisma.join(siteIds);
  const sites = await sitesWith(siteIds, "id", "timeZone");
  return firstInstant(
    Prisma.sql`LEAST(
        ${nextComplaintDeadlineSql(siteIds, at)},
        ${nextSurveyDeadlineSql(siteIds, at)},
        (SELECT min(o."revisitDueAt") FROM "SpecialServiceOrder" o
          WHERE o."siteId" IN (${inSites}) AND o.state = 'DONE' AND o."revisitedAt" IS NULL AND o."revisitDueAt" >= ${now}))`,
    sites.map((s) => new Date(endOfLocalDayInZone(localDateInZone(at, s.timeZone), s.timeZone).getTime() + 1)),
  );
}

async function writeFile(filter: DashboardFilter, withSurveys: boolean, withServices: boolean): Promise<DeadlineExportFile> {
  const [result, surveys, services] = await Promise.all([
    exportOpenDeadlines(filter),
    // The other deadlines of the dashboard, with the same site and due-state filter.
    withSurveys ? surveyOpenDeadlines({ site: filter.site, due: filter.due }, EXPORT_MAX_ROWS) : null,
    withServices ? exportOpenServiceRevisits({ site: filter.site, due: filter.due }, { maxRows: EXPORT_MAX_ROWS }) : null,
  ]);
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
  return { bytes: await xlsxBytes(sheets), filename: exportFileName(result.today), truncated: result.truncated };
}
