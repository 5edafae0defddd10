import { AccessError } from "@/lib/auth/guard";
import { contractorMonthlyReport } from "@/lib/contractors/report.queries";
import { DISH_COUNT_FIELDS, DISH_MINIMUMS } from "@/lib/contractors/rules";
import { DAY_ITEMS } from "@/lib/cleaning-supervision/rules";
import { translator } from "@/lib/i18n/server";
import { param } from "@/lib/pagination";
import { refusalResponse, xlsxResponse } from "@/lib/xlsx/response";
import type { XlsxCell, XlsxSheet } from "@/lib/xlsx/xlsx";

export const dynamic = "force-dynamic";

/**
 * GET /contractors/report/export?site=&month=YYYY-MM — the monthly contractor report as .xlsx: a summary
 * sheet (the printed report's figures), violations by kind, the items charged at cost, the trainings and
 * the weekly papers. The data layer checks contractor:assessment and the site.
 */
export async function GET(request: Request) {
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  let report: Awaited<ReturnType<typeof contractorMonthlyReport>>;
  try {
    report = await contractorMonthlyReport({ site: param(sp.site), month: param(sp.month) });
  } catch (err) {
    if (err instanceof AccessError) return refusalResponse(err);
    throw err;
  }

  // An office document: Chinese headers whatever the UI language.
  const t = translator("zh-CN");
  const h = (key: string) => t(`contractorReports.report.${key}`);
  const c = (key: string) => h(`columns.${key}`);
  const docState = (state: string) => t(`contractors.canteen.docStates.${state}`);
  const nameOf = new Map(report.contractors.map((x) => [x.id, x.name]));
  const { canteen, cleaning } = report;

  const summaryRows: XlsxCell[][] = [
    [h("site"), report.site.name],
    [h("month"), report.month],
    ...report.contractors.flatMap((x): XlsxCell[][] => [
      [`${x.name} · ${c("violations")}`, x.violations],
      [`${x.name} · ${c("open")}`, x.open],
      [`${x.name} · ${c("charges")}`, Number(x.charges)],
      [`${x.name} · ${c("trainings")}`, x.trainings.length],
    ]),
    [h("canteen.done"), canteen.done],
    [h("canteen.failed"), canteen.failed],
    [h("canteen.escalated"), canteen.escalated],
    [h("canteen.shortDays"), canteen.shortDays],
    ...DISH_COUNT_FIELDS.map((f): XlsxCell[] => [
      `${t(`contractors.canteen.countLabels.${f}`)}（≥${DISH_MINIMUMS[f]}）· ${c("shortDays")}`,
      canteen.short[f].days,
    ]),
    ...(["onTime", "late", "missing", "pending"] as const).flatMap((s): XlsxCell[][] => [
      [`${c("menu")} · ${docState(s)}`, canteen.menus[s]],
      [`${c("summary")} · ${docState(s)}`, canteen.summaries[s]],
    ]),
    ...(cleaning
      ? [
          [h("cleaning.workingDays"), cleaning.workingDays],
          [h("cleaning.recordedDays"), cleaning.recordedDays],
          [h("cleaning.reportsSent"), cleaning.reportsSent],
          [h("cleaning.daysWithMissed"), cleaning.daysWithMissed],
          [h("cleaning.missed"), cleaning.missed],
          ...DAY_ITEMS.map((k): XlsxCell[] => [
            `${h("cleaning.missedBy")}：${t(`cleaningSupervision.items.${k}`)}`,
            cleaning.missedByItem[k] ?? 0,
          ]),
        ]
      : [[h("sections.cleaning"), h("cleaning.notInUse")]]),
    [h("sections.vacant"), report.vacant?.score ?? h("vacant.notAvailable")],
  ];

  const sheets: XlsxSheet[] = [
    {
      name: h("sheets.summary"),
      columns: [
        { header: c("item"), width: 44 },
        { header: c("value"), width: 16 },
      ],
      rows: summaryRows,
    },
    {
      name: h("sheets.violations"),
      columns: [
        { header: c("contractor"), width: 20 },
        { header: c("kind"), width: 10 },
        { header: c("violationKind"), width: 30 },
        { header: c("count"), width: 8 },
        { header: c("amount"), width: 12, numFmt: "0.00" },
      ],
      rows: report.contractors.flatMap((x) =>
        x.byKind.map((k): XlsxCell[] => [
          x.name,
          t(`contractors.kinds.${x.kind}`),
          t(`contractors.violations.kinds.${k.kind}`),
          k.count,
          Number(k.charges),
        ]),
      ),
    },
    {
      name: h("sheets.charged"),
      columns: [
        { header: c("date"), width: 12 },
        { header: c("contractor"), width: 20 },
        { header: c("staff"), width: 10 },
        { header: c("violationKind"), width: 24 },
        { header: c("description"), width: 40 },
        { header: c("amount"), width: 12, numFmt: "0.00" },
      ],
      rows: report.contractors.flatMap((x) =>
        x.charged.map((v): XlsxCell[] => [
          { localDate: v.occurredOn },
          nameOf.get(x.id) ?? "",
          v.staff ?? "",
          t(`contractors.violations.kinds.${v.kind}`),
          v.description,
          Number(v.amount),
        ]),
      ),
    },
    {
      name: h("sheets.trainings"),
      columns: [
        { header: c("date"), width: 12 },
        { header: c("contractor"), width: 20 },
        { header: c("trainer"), width: 12 },
        { header: c("content"), width: 50 },
        { header: c("attendees"), width: 10 },
      ],
      rows: report.contractors.flatMap((x) =>
        x.trainings.map((tr): XlsxCell[] => [{ localDate: tr.heldOn }, x.name, tr.trainer, tr.content, tr.attendees]),
      ),
    },
    {
      name: h("sheets.weekly"),
      columns: [
        { header: c("week"), width: 12 },
        { header: c("menu"), width: 12 },
        { header: c("summary"), width: 12 },
      ],
      rows: canteen.menus.weeks.map((w, i): XlsxCell[] => [
        { localDate: w.week },
        docState(w.state),
        docState(canteen.summaries.weeks[i]!.state),
      ]),
    },
  ];
  return xlsxResponse(sheets, `外包单位月报-${report.site.code}-${report.month}.xlsx`);
}
