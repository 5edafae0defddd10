import { AccessError } from "@/lib/auth/guard";
import { refusalResponse, xlsxResponse } from "@/lib/xlsx/response";
import { translator } from "@/lib/i18n/server";
import { quarterAttendanceReport } from "@/lib/meetings/report.queries";
import type { XlsxCell } from "@/lib/xlsx/xlsx";
import { param } from "@/lib/pagination";

export const dynamic = "force-dynamic";

/**
 * GET /meetings/compliance/export/attendance?site=&quarter=YYYY-Qn — the quarter's attendance per
 * person and series (R-MTG-3) as .xlsx. The data layer checks meeting:export and the site.
 */
export async function GET(request: Request) {
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  let report: Awaited<ReturnType<typeof quarterAttendanceReport>>;
  try {
    report = await quarterAttendanceReport({ site: param(sp.site), quarter: param(sp.quarter) });
  } catch (err) {
    if (err instanceof AccessError) return refusalResponse(err);
    throw err;
  }

  const t = translator("zh-CN");
  const h = (key: string) => t(`meetingReports.export.columns.${key}`);
  const a = (key: string) => t(`meetingReports.attendance.${key}`);
  const quarter = t("meetingReports.attendance.quarter", { year: report.quarter.year, quarter: report.quarter.quarter });
  const rows: XlsxCell[][] = report.series.flatMap((s) =>
    s.people.map((p) => [
      quarter,
      s.name,
      s.meetings,
      p.name,
      p.organization ?? a("department"),
      p.tally.meetings,
      p.tally.present,
      p.tally.late,
      p.tally.leftEarly,
      p.tally.absent,
      p.tally.excused,
      p.tally.notRecorded,
      // A number Excel can format, rounded to 0.1 %; empty when nothing counts.
      p.tally.rate === null ? null : Math.round(p.tally.rate * 1000) / 10,
    ]),
  );
  const sheet = {
    name: t("meetingReports.export.sheets.quarter"),
    columns: [
      { header: h("quarter"), width: 16 },
      { header: h("series"), width: 14 },
      { header: h("meetings"), width: 8 },
      { header: a("person"), width: 10 },
      { header: a("organization"), width: 24 },
      { header: a("expected"), width: 6 },
      { header: a("present"), width: 6 },
      { header: a("late"), width: 6 },
      { header: a("leftEarly"), width: 6 },
      { header: a("absent"), width: 6 },
      { header: a("excused"), width: 6 },
      { header: a("notRecorded"), width: 6 },
      { header: `${a("rate")} %`, width: 8, numFmt: "0.0" },
    ],
    rows,
  };
  return xlsxResponse([sheet], `例会出勤-${report.site.name}-${report.quarter.key}.xlsx`);
}
