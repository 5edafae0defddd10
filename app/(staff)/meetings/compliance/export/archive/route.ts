import { AccessError } from "@/lib/auth/guard";
import { refusalResponse, xlsxResponse } from "@/lib/xlsx/response";
import { translator } from "@/lib/i18n/server";
import { meetingArchive } from "@/lib/meetings/archive.queries";
import type { XlsxCell } from "@/lib/xlsx/xlsx";
import { dateParam, param } from "@/lib/pagination";

export const dynamic = "force-dynamic";

/**
 * GET /meetings/compliance/export/archive?site=&series=&from=&to= — the minutes archive (存档保管,
 * R-MTG-4) as .xlsx: meetings, attendance and action items on three sheets. The data
 * layer checks meeting:export and the site.
 */
export async function GET(request: Request) {
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  let archive: Awaited<ReturnType<typeof meetingArchive>>;
  try {
    archive = await meetingArchive({
      site: param(sp.site),
      series: param(sp.series),
      from: dateParam(sp.from),
      to: dateParam(sp.to),
    });
  } catch (err) {
    if (err instanceof AccessError) return refusalResponse(err);
    throw err;
  }

  // An office document: Chinese headers and values whatever the UI language.
  const t = translator("zh-CN");
  const h = (key: string) => t(`meetingReports.export.columns.${key}`);
  const when = (local: string | null): XlsxCell => (local ? { localDateTime: local } : null);
  // Meeting days and due dates are the site's calendar dates: real Excel dates, not text.
  const day = (local: string | null): XlsxCell => (local ? { localDate: local } : null);
  const meetings = {
    name: t("meetingReports.export.sheets.meetings"),
    columns: [
      { header: h("series"), width: 14 },
      { header: h("date"), width: 11 },
      { header: h("time"), width: 7 },
      { header: h("place"), width: 16 },
      { header: h("convener"), width: 9 },
      { header: h("minuteTaker"), width: 9 },
      { header: h("state"), width: 8 },
      { header: h("confirmedAt"), width: 17 },
      { header: h("confirmedBy"), width: 9 },
      { header: h("lastWeekReview"), width: 48 },
      { header: h("nextWeekPlan"), width: 48 },
      { header: h("assignments"), width: 48 },
      { header: h("amendments"), width: 8 },
    ],
    rows: archive.meetings.map((m): XlsxCell[] => [
      m.seriesName,
      day(m.date),
      m.time,
      m.place,
      m.convener,
      m.minuteTaker,
      t(`meetingReports.states.${m.state}`),
      when(m.confirmedLocal),
      m.confirmedBy,
      m.lastWeekReview,
      m.nextWeekPlan,
      m.assignments,
      m.amendments,
    ]),
  };
  const attendance = {
    name: t("meetingReports.export.sheets.attendance"),
    columns: [
      { header: h("series"), width: 14 },
      { header: h("meetingDate"), width: 11 },
      { header: h("person"), width: 10 },
      { header: h("organization"), width: 24 },
      { header: h("status"), width: 8 },
      { header: h("note"), width: 30 },
    ],
    rows: archive.attendance.map((a): XlsxCell[] => [
      a.seriesName,
      day(a.meetingDate),
      a.person,
      a.organization || t("meetingReports.attendance.department"),
      t(`meetingReports.statuses.${a.status ?? "none"}`),
      a.note,
    ]),
  };
  const actionItems = {
    name: t("meetingReports.export.sheets.actionItems"),
    columns: [
      { header: h("series"), width: 14 },
      { header: h("raisedOn"), width: 11 },
      { header: h("description"), width: 40 },
      { header: h("owner"), width: 10 },
      { header: h("dueOn"), width: 11 },
      { header: h("closedAt"), width: 17 },
      { header: h("closedBy"), width: 10 },
      { header: h("closedIn"), width: 11 },
      { header: h("closingNote"), width: 30 },
    ],
    rows: archive.actionItems.map((a): XlsxCell[] => [
      a.seriesName,
      day(a.raisedOn),
      a.description,
      a.owner,
      day(a.dueOn),
      when(a.closedLocal),
      a.closedBy,
      day(a.closedInDate),
      a.closingNote,
    ]),
  };
  const compact = (d: string) => d.replaceAll("-", "");
  return xlsxResponse(
    [meetings, attendance, actionItems],
    `例会纪要-${archive.site.code}${archive.series ? `-${archive.series.name}` : ""}-${compact(archive.from)}-${compact(archive.to)}.xlsx`,
  );
}
