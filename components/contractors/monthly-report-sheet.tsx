import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { ContractorMonthlyReport } from "@/lib/contractors/report.queries";
import { DISH_COUNT_FIELDS, DISH_MINIMUMS } from "@/lib/contractors/rules";
import { DAY_ITEMS } from "@/lib/cleaning-supervision/rules";

const cell = "border border-black px-1.5 py-1 align-top";
const head = `${cell} bg-slate-50 text-left font-normal print:bg-white`;

/** A bordered table like the paper report; `empty` fills one row when there are no rows. */
function Table({ caption, headers, rows, empty }: { caption?: string; headers: string[]; rows: ReactNode[][]; empty: string }) {
  return (
    <table className="mb-3 w-full border-collapse text-[10pt]" data-not-records>
      {caption ? <caption className="mb-1 text-left text-[10.5pt] font-medium">{caption}</caption> : null}
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col" className={head}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={headers.length} className={cell}>
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className={`${cell} ${typeof v === "number" ? "text-right tabular-nums" : ""}`}>
                  {v}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-4 break-inside-avoid-page">
      <h2 className="mb-1.5 text-[11.5pt] font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * The monthly contractor report as a paper report (A4): the same sheet on the report page and on its
 * print page. Figures from lib/contractors/report.queries.ts; words from the message files.
 */
export async function MonthlyReportSheet({ report }: { report: ContractorMonthlyReport }) {
  const [t, tc, tcs] = await Promise.all([
    getTranslations("contractorReports.report"),
    getTranslations("contractors"),
    getTranslations("cleaningSupervision"),
  ]);
  const c = (key: string) => t(`columns.${key}`);
  const monthLabel = t("monthLabel", { year: report.month.slice(0, 4), month: Number(report.month.slice(5, 7)) });
  const nameOf = new Map(report.contractors.map((x) => [x.id, x.name]));
  const { canteen, cleaning } = report;
  const docs = (d: { onTime: number; late: number; missing: number; pending: number }) => t("canteen.docs", d);
  return (
    <div data-testid="contractor-report-sheet">
      <h1 className="mb-1 text-center text-[15pt] font-bold tracking-wide">{t("heading")}</h1>
      <p className="mb-3 flex flex-wrap justify-between gap-x-4 text-[10.5pt]">
        <span>
          {t("site")}：{report.site.name}
        </span>
        <span>
          {t("month")}：{monthLabel}
        </span>
        <span>
          {t("generatedAt")}：{report.generatedAt}
        </span>
      </p>

      <Section title={t("sections.contractors")}>
        <Table
          headers={[c("contractor"), c("kind"), c("violations"), c("open"), c("charges"), c("trainings")]}
          empty={t("noContractors")}
          rows={report.contractors.map((x) => [x.name, tc(`kinds.${x.kind}`), x.violations, x.open, x.charges, x.trainings.length])}
        />
        <Table
          caption={t("sections.byKind")}
          headers={[c("contractor"), c("violationKind"), c("count"), c("amount")]}
          empty={t("none")}
          rows={report.contractors.flatMap((x) => x.byKind.map((k) => [x.name, tc(`violations.kinds.${k.kind}`), k.count, k.charges]))}
        />
        <Table
          caption={t("sections.charged")}
          headers={[c("date"), c("contractor"), c("staff"), c("description"), c("amount")]}
          empty={t("none")}
          rows={report.contractors.flatMap((x) =>
            x.charged.map((v) => [v.occurredOn, nameOf.get(x.id) ?? "", v.staff ?? "—", v.description, v.amount]),
          )}
        />
      </Section>

      <Section title={t("sections.trainings")}>
        <Table
          headers={[c("date"), c("contractor"), c("trainer"), c("content"), c("attendees")]}
          empty={t("none")}
          rows={report.contractors.flatMap((x) => x.trainings.map((tr) => [tr.heldOn, x.name, tr.trainer, tr.content, tr.attendees]))}
        />
      </Section>

      <Section title={t("sections.canteen")}>
        <Table
          headers={[c("item"), c("value")]}
          empty={t("none")}
          rows={[
            [t("canteen.done"), canteen.done],
            [t("canteen.failed"), canteen.failed],
            [t("canteen.escalated"), canteen.escalated],
            [t("canteen.shortDays"), canteen.shortDays],
          ]}
        />
        <Table
          headers={[c("dish"), c("minimum"), c("shortDays"), c("lowest")]}
          empty={t("none")}
          rows={DISH_COUNT_FIELDS.map((f) => [
            tc(`canteen.countLabels.${f}`),
            DISH_MINIMUMS[f],
            canteen.short[f].days,
            canteen.short[f].lowest ?? "—",
          ])}
        />
        <Table
          caption={t("sections.weekly")}
          headers={[c("week"), c("menu"), c("summary")]}
          empty={t("none")}
          rows={[
            ...canteen.menus.weeks.map((w, i) => [
              w.week,
              tc(`canteen.docStates.${w.state}`),
              tc(`canteen.docStates.${canteen.summaries.weeks[i]!.state}`),
            ]),
            ["", docs(canteen.menus), docs(canteen.summaries)],
          ]}
        />
      </Section>

      <Section title={t("sections.cleaning")}>
        {cleaning ? (
          <Table
            headers={[c("item"), c("value")]}
            empty={t("none")}
            rows={[
              [t("cleaning.workingDays"), cleaning.workingDays],
              [t("cleaning.recordedDays"), cleaning.recordedDays],
              [t("cleaning.reportsSent"), cleaning.reportsSent],
              [t("cleaning.daysWithMissed"), cleaning.daysWithMissed],
              [t("cleaning.missed"), cleaning.missed],
              ...DAY_ITEMS.filter((k) => cleaning.missedByItem[k]).map((k) => [
                `${t("cleaning.missedBy")}：${tcs(`items.${k}`)}`,
                cleaning.missedByItem[k]!,
              ]),
            ]}
          />
        ) : (
          <p className="text-[10.5pt]">{t("cleaning.notInUse")}</p>
        )}
      </Section>

      <Section title={t("sections.vacant")}>
        <p className="text-[10.5pt]" data-testid="contractor-report-vacant">
          {report.vacant && report.vacant.score !== null
            ? t("vacant.value", { score: report.vacant.score, due: report.vacant.due, verified: report.vacant.verified })
            : t("vacant.notAvailable")}
        </p>
      </Section>

      <p className="mt-8 flex justify-end gap-16 text-[10.5pt]">
        <span>{t("signature.manager")}：＿＿＿＿＿＿</span>
        <span>{t("signature.date")}：＿＿＿＿＿＿</span>
      </p>
    </div>
  );
}
