import "server-only";
import { notFound } from "next/navigation";
import { AccessError, requirePermission } from "@/lib/auth/guard";
import { formatInZone, localDateOfColumn } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { db, reportDb } from "@/lib/db";
import type { Permission } from "@/lib/permissions";
import { average, currentDeadline, scoreAverages, stepDeadlineState, type ScoreCell } from "./rules";
import { SURVEY_ITEM_STATES } from "./schema";

/** Results of a round (§3.2): averages per question and building, items by department and state, the trend over the site's rounds. */

/** A round of the user's sites; another site's or an unknown one is the 404 page, or for the export route a refusal. */
async function scopedRound(id: string, permission: Permission, missing: () => never = notFound) {
  const actor = await requirePermission(permission);
  const round = await db.surveyRound.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      title: true,
      state: true,
      periodStart: true,
      periodEnd: true,
      site: { select: { name: true, timeZone: true } },
      questionnaire: { select: { version: true, questions: { select: { id: true, label: true }, orderBy: { position: "asc" } } } },
    },
  });
  if (!round) missing();
  return round;
}

export async function roundResults(id: string) {
  const round = await scopedRound(id, "survey:read");
  const [cells, itemGroups, departments, trendRows, rounds] = await Promise.all([
    db.$queryRaw<ScoreCell[]>`
      SELECT a."questionId" AS "questionId", coalesce(r.building, '') AS building, sum(a.score)::int AS sum, count(*)::int AS count
        FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
       WHERE r."roundId" = ${round.id}
       GROUP BY 1, 2`,
    db.surveyOpinionItem.groupBy({ by: ["departmentId", "state"], where: { roundId: round.id }, _count: { _all: true } }),
    db.department.findMany({ where: { siteId: round.siteId }, select: { id: true, name: true } }),
    db.$queryRaw<{ roundId: string; sum: number; count: number; responses: number }[]>`
      SELECT r."roundId" AS "roundId", sum(a.score)::int AS sum, count(*)::int AS count, count(DISTINCT r.id)::int AS responses
        FROM "SurveyAnswer" a
        JOIN "SurveyResponse" r ON r.id = a."responseId"
        JOIN "SurveyRound" s ON s.id = r."roundId"
       WHERE s."siteId" = ${round.siteId}
       GROUP BY 1`,
    db.surveyRound.findMany({
      where: { siteId: round.siteId },
      select: { id: true, title: true, periodStart: true },
      orderBy: { periodStart: "asc" },
    }),
  ]);
  const averages = scoreAverages(round.questionnaire.questions, cells);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const byDepartment = new Map<string, Record<string, number>>();
  for (const g of itemGroups) {
    const row = byDepartment.get(g.departmentId) ?? Object.fromEntries(SURVEY_ITEM_STATES.map((s) => [s, 0]));
    row[g.state] += g._count._all;
    byDepartment.set(g.departmentId, row);
  }
  const trendBy = new Map(trendRows.map((t) => [t.roundId, t]));
  return {
    round,
    questions: round.questionnaire.questions.map((q) => ({
      ...q,
      average: averages.perQuestion.find((p) => p.questionId === q.id)?.average ?? null,
    })),
    buildings: averages.perBuilding,
    overall: averages.overall,
    itemsByDepartment: [...byDepartment.entries()]
      .map(([id, counts]) => ({ id, name: deptName.get(id) ?? "", counts }))
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    trend: rounds.map((r) => {
      const t = trendBy.get(r.id);
      return {
        id: r.id,
        title: r.title,
        start: localDateOfColumn(r.periodStart),
        average: t ? average(t.sum, t.count) : null,
        responses: t?.responses ?? 0,
        current: r.id === round.id,
      };
    }),
  };
}

/** The export: every submitted response with its scores, and every opinion item with its chain. */
export async function roundExport(id: string) {
  const round = await scopedRound(id, "survey:export", () => {
    throw new AccessError("not_found");
  });
  const tz = round.site.timeZone;
  const [responses, items, calendar] = await Promise.all([
    reportDb.surveyResponse.findMany({
      where: { roundId: round.id, submittedAt: { not: null } },
      select: {
        tenant: { select: { name: true } },
        building: true,
        channel: true,
        submittedAt: true,
        opinion: true,
        answers: { select: { questionId: true, score: true } },
      },
      orderBy: { submittedAt: "asc" },
    }),
    reportDb.surveyOpinionItem.findMany({
      where: { roundId: round.id },
      select: {
        summary: true,
        state: true,
        summarisedAt: true,
        deliveryDueAt: true,
        deliveredAt: true,
        deliveredTo: true,
        answerDueAt: true,
        answeredAt: true,
        measures: true,
        rectifiedAt: true,
        revisitDueAt: true,
        revisitedAt: true,
        tenant: { select: { name: true } },
        department: { select: { name: true } },
      },
      orderBy: { summarisedAt: "asc" },
    }),
    loadSiteCalendar(round.siteId),
  ]);
  const fmt = (d: Date | null) => (d ? formatInZone(d, tz) : null);
  const now = new Date();
  return {
    round: { ...round, start: localDateOfColumn(round.periodStart) },
    responses: responses.map((r) => ({
      tenantName: r.tenant.name,
      building: r.building ?? "",
      channel: r.channel,
      submittedAt: fmt(r.submittedAt),
      opinion: r.opinion,
      scores: round.questionnaire.questions.map((q) => r.answers.find((a) => a.questionId === q.id)?.score ?? null),
    })),
    items: items.map((i) => {
      const deadline = currentDeadline(i);
      return {
        ...i,
        local: {
          summarisedAt: fmt(i.summarisedAt),
          deliveryDueAt: fmt(i.deliveryDueAt),
          deliveredAt: fmt(i.deliveredAt),
          answerDueAt: fmt(i.answerDueAt),
          answeredAt: fmt(i.answeredAt),
          rectifiedAt: fmt(i.rectifiedAt),
          revisitDueAt: fmt(i.revisitDueAt),
          revisitedAt: fmt(i.revisitedAt),
        },
        dueState: deadline && calendar ? stepDeadlineState(calendar, deadline.dueAt, null, now) : null,
      };
    }),
  };
}
