import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import {
  COUNTED_DUE_STATES,
  classifyOpenDeadline,
  dueBounds,
  type CountedDueState,
  type OpenDueState,
} from "@/lib/complaints/dashboard.rules";
import { db } from "@/lib/db";
import { siteScope } from "@/lib/registry/site.queries";
import { currentDeadline, type SurveyDeadlineKind, type SurveyItemState } from "./rules";

/** The opinion states with a deadline running (R-SUR-1 delivery, R-SUR-2 answer, R-SUR-3 revisit). */
const OPEN_ITEM_STATES = ["SUMMARISED", "DELIVERED", "RECTIFIED"] as const satisfies readonly SurveyItemState[];
export const SURVEY_DEADLINE_KINDS = ["delivery", "answer", "revisit"] as const satisfies readonly SurveyDeadlineKind[];

export interface SurveyDashboardDeadline {
  id: string;
  roundTitle: string;
  site: { code: string; name: string };
  tenantName: string;
  departmentName: string;
  state: SurveyItemState;
  kind: SurveyDeadlineKind;
  dueAt: Date;
  dueLocal: string;
  /** The complaint dashboard's states (R-CMP-5): overdue, due today, due soon, on track. */
  dueState: OpenDueState;
  /** Calendar-day deadlines never depend on a provisional holiday table. */
  provisional: false;
}

/**
 * The open survey-opinion deadlines of the manager's sites beside the complaint deadlines: the same
 * states, classified with the complaint dashboard's per-site bounds (calendar-day "due soon", as the
 * complaint revisit), oldest overdue first, with counts per kind and state. Open items are few (tens
 * per round), so they are classified here rather than in SQL.
 */
export async function surveyOpenDeadlines(filter: { site?: string } = {}, limit = 50) {
  const actor: Actor = await requirePermission("complaint:dashboard");
  const siteIds = siteScope(actor, filter.site);
  const [items, calendars] = await Promise.all([
    db.surveyOpinionItem.findMany({
      where: { siteId: { in: siteIds }, state: { in: [...OPEN_ITEM_STATES] } },
      select: {
        id: true,
        siteId: true,
        state: true,
        deliveryDueAt: true,
        deliveredAt: true,
        answerDueAt: true,
        answeredAt: true,
        revisitDueAt: true,
        revisitedAt: true,
        round: { select: { title: true } },
        site: { select: { code: true, name: true, timeZone: true } },
        tenant: { select: { name: true } },
        department: { select: { name: true } },
      },
    }),
    loadSiteCalendars(siteIds),
  ]);
  const now = new Date();
  const bounds = new Map([...calendars].map(([id, calendar]) => [id, dueBounds(calendar, now)]));
  const counts = Object.fromEntries(
    SURVEY_DEADLINE_KINDS.map((k) => [k, Object.fromEntries(COUNTED_DUE_STATES.map((s) => [s, 0]))]),
  ) as Record<SurveyDeadlineKind, Record<CountedDueState, number>>;
  const rows: SurveyDashboardDeadline[] = [];
  for (const item of items) {
    const deadline = currentDeadline(item);
    const siteBounds = bounds.get(item.siteId);
    if (!deadline || !siteBounds) continue;
    const dueState = classifyOpenDeadline(siteBounds, deadline.dueAt, now, "revisit");
    if (dueState !== "on_track") counts[deadline.kind][dueState] += 1;
    rows.push({
      id: item.id,
      roundTitle: item.round.title,
      site: { code: item.site.code, name: item.site.name },
      tenantName: item.tenant.name,
      departmentName: item.department.name,
      state: item.state,
      kind: deadline.kind,
      dueAt: deadline.dueAt,
      dueLocal: formatInZone(deadline.dueAt, item.site.timeZone),
      dueState,
      provisional: false,
    });
  }
  rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return { rows: rows.slice(0, limit), total: rows.length, counts };
}
