import { AccessError } from "@/lib/auth/guard";
import { translator } from "@/lib/i18n/server";
import { roundExport } from "@/lib/surveys/results.queries";
import { refusalResponse, xlsxResponse } from "@/lib/xlsx/response";
import type { XlsxCell, XlsxSheet } from "@/lib/xlsx/xlsx";

export const dynamic = "force-dynamic";

/** GET /surveys/<id>/export — the round's responses and opinion items as .xlsx (survey:export, the user's sites). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let data: Awaited<ReturnType<typeof roundExport>>;
  try {
    data = await roundExport(id);
  } catch (err) {
    if (err instanceof AccessError) return refusalResponse(err);
    throw err;
  }
  // An office document: Chinese headers and values whatever the UI language.
  const t = translator("zh-CN");
  const when = (v: string | null): XlsxCell => (v ? { localDateTime: v } : null);
  const questions = data.round.questionnaire.questions;
  const sheets: XlsxSheet[] = [
    {
      name: t("surveys.export.responses"),
      columns: [
        { header: t("surveys.tenant"), width: 28 },
        { header: t("surveys.building"), width: 10 },
        { header: t("surveys.export.channel"), width: 10 },
        { header: t("surveys.export.submittedAt"), width: 18 },
        ...questions.map((q) => ({ header: q.label, width: 14 })),
        { header: t("surveys.opinion"), width: 40 },
      ],
      rows: data.responses.map((r) => [
        r.tenantName,
        r.building,
        r.channel ? t(`surveys.channels.${r.channel}`) : "",
        when(r.submittedAt),
        ...r.scores,
        r.opinion ?? "",
      ]),
    },
    {
      name: t("surveys.export.items"),
      columns: [
        { header: t("surveys.tenant"), width: 28 },
        { header: t("surveys.items.department"), width: 14 },
        { header: t("surveys.items.summary"), width: 40 },
        { header: t("surveys.state"), width: 14 },
        { header: t("surveys.export.summarisedAt"), width: 18 },
        { header: t("surveys.export.deliveryDueAt"), width: 18 },
        { header: t("surveys.item.deliveredAt"), width: 18 },
        { header: t("surveys.export.answerDueAt"), width: 18 },
        { header: t("surveys.item.answeredAt"), width: 18 },
        { header: t("surveys.item.measures"), width: 40 },
        { header: t("surveys.item.rectifiedAt"), width: 18 },
        { header: t("surveys.export.revisitDueAt"), width: 18 },
        { header: t("surveys.item.revisitedAt"), width: 18 },
        { header: t("surveys.export.dueState"), width: 12 },
      ],
      rows: data.items.map((i) => [
        i.tenant.name,
        i.department.name,
        i.summary,
        t(`surveys.itemStates.${i.state}`),
        when(i.local.summarisedAt),
        when(i.local.deliveryDueAt),
        when(i.local.deliveredAt),
        when(i.local.answerDueAt),
        when(i.local.answeredAt),
        i.measures ?? "",
        when(i.local.rectifiedAt),
        when(i.local.revisitDueAt),
        when(i.local.revisitedAt),
        i.dueState ? t(`complaints.deadlineStates.${i.dueState}`) : "",
      ]),
    },
  ];
  return xlsxResponse(sheets, `survey-${data.round.start.replaceAll("-", "")}.xlsx`);
}
