import "server-only";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone, localDateOfColumn } from "@/lib/calendar";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { paged, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { currentDeadline, itemDeadlineStates, responseRates, stepDeadlineState, tenantBuilding } from "./rules";

/**
 * Reads of the survey module: every function checks the permission itself and reads only the user's
 * sites. Tenants' contact data is never read here (§1.9): a survey needs the company name only.
 */

/** Rounds of the user's sites, newest period first, with their response and open-item counts. */
export async function listRounds(filter: { site?: string }, page: PageRequest) {
  const actor = await requirePermission("survey:read");
  const where = { siteId: { in: siteScope(actor, filter.site) } };
  const [rows, total] = await Promise.all([
    db.surveyRound.findMany({
      where,
      select: {
        id: true,
        title: true,
        state: true,
        periodStart: true,
        periodEnd: true,
        site: { select: { name: true, code: true } },
        questionnaire: { select: { version: true } },
        _count: { select: { responses: { where: { submittedAt: { not: null } } }, items: { where: { state: { not: "REVISITED" } } } } },
      },
      orderBy: [{ periodStart: "desc" }, { title: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.surveyRound.count({ where }),
  ]);
  return paged(
    rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.state,
      site: r.site,
      period: `${localDateOfColumn(r.periodStart)} – ${localDateOfColumn(r.periodEnd)}`,
      questionnaireVersion: r.questionnaire.version,
      responses: r._count.responses,
      openItems: r._count.items,
    })),
    total,
    page,
  );
}

/** What the "open a round" form offers: the user's sites, the current questionnaire and each site's open round. */
export async function roundFormOptions() {
  const actor = await requirePermission("survey:read");
  const [sites, questionnaire, open] = await Promise.all([
    sitesWith(actor.siteIds, "id", "name"),
    currentQuestionnaire(),
    db.surveyRound.findMany({ where: { siteId: { in: actor.siteIds }, state: "OPEN" }, select: { siteId: true } }),
  ]);
  const openSites = new Set(open.map((r) => r.siteId));
  return { sites: sites.map((s) => ({ ...s, hasOpenRound: openSites.has(s.id) })), questionnaire };
}

export async function currentQuestionnaire() {
  return db.surveyQuestionnaire.findFirst({
    where: { current: true },
    select: { id: true, version: true, createdAt: true, questions: { select: { id: true, label: true }, orderBy: { position: "asc" } } },
  });
}

/** The questionnaire page: the current version and how many rounds use each version. */
export async function questionnaireForEditing() {
  await requirePermission("template:manage");
  const [current, versions] = await Promise.all([
    currentQuestionnaire(),
    db.surveyQuestionnaire.findMany({ select: { version: true, _count: { select: { rounds: true } } }, orderBy: { version: "desc" } }),
  ]);
  return { current, versions: versions.map((v) => ({ version: v.version, rounds: v._count.rounds })) };
}

async function loadRoundOrNotFound(id: string, siteIds: string[]) {
  const round = await db.surveyRound.findFirst({
    where: { id, siteId: { in: siteIds } },
    select: {
      id: true,
      siteId: true,
      title: true,
      state: true,
      periodStart: true,
      periodEnd: true,
      closedAt: true,
      site: { select: { name: true, timeZone: true } },
      questionnaire: { select: { version: true, questions: { select: { id: true, label: true }, orderBy: { position: "asc" } } } },
    },
  });
  if (!round) notFound();
  return round;
}

/**
 * One round as the clerk works it: the tenants of the site (counted under their building) with their
 * response state, the response rate per building, the answered opinions not yet summarised, and the
 * opinion items with their current deadline.
 */
export async function getRound(id: string) {
  const actor = await requirePermission("survey:read");
  const round = await loadRoundOrNotFound(id, actor.siteIds);
  const [tenants, responses, items, departments, calendar] = await Promise.all([
    db.tenant.findMany({
      where: { siteId: round.siteId, units: { some: {} } },
      select: { id: true, name: true, units: { select: { code: true, building: true } } },
      orderBy: { name: "asc" },
    }),
    db.surveyResponse.findMany({
      where: { roundId: round.id },
      select: { id: true, tenantId: true, submittedAt: true, channel: true, opinion: true, _count: { select: { items: true } } },
    }),
    db.surveyOpinionItem.findMany({
      where: { roundId: round.id },
      select: {
        id: true,
        state: true,
        summary: true,
        deliveryDueAt: true,
        deliveredAt: true,
        answerDueAt: true,
        answeredAt: true,
        revisitDueAt: true,
        revisitedAt: true,
        tenant: { select: { name: true } },
        department: { select: { name: true } },
      },
      orderBy: { summarisedAt: "asc" },
    }),
    db.department.findMany({
      where: { siteId: round.siteId },
      select: { id: true, name: true },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
    loadSiteCalendar(round.siteId),
  ]);
  const tz = round.site.timeZone;
  const byTenant = new Map(responses.map((r) => [r.tenantId, r]));
  const tenantRows = tenants.map((t) => {
    const response = byTenant.get(t.id);
    return {
      id: t.id,
      name: t.name,
      building: tenantBuilding(t.units),
      answered: !!response?.submittedAt,
      channel: response?.submittedAt ? response.channel : null,
      submittedAt: response?.submittedAt ? formatInZone(response.submittedAt, tz) : null,
    };
  });
  const now = new Date();
  const nameOf = new Map(tenants.map((t) => [t.id, t.name]));
  return {
    ...round,
    period: `${localDateOfColumn(round.periodStart)} – ${localDateOfColumn(round.periodEnd)}`,
    tenants: tenantRows,
    rates: responseRates(tenantRows.map((t) => ({ building: t.building, responded: t.answered }))),
    opinions: responses
      .filter((r) => r.submittedAt && r.opinion)
      .map((r) => ({ responseId: r.id, tenantName: nameOf.get(r.tenantId) ?? "", opinion: r.opinion!, items: r._count.items })),
    items: items.map((item) => {
      const deadline = currentDeadline(item);
      return {
        id: item.id,
        state: item.state,
        summary: item.summary,
        tenantName: item.tenant.name,
        departmentName: item.department.name,
        deadline:
          deadline && calendar
            ? {
                kind: deadline.kind,
                dueLocal: formatInZone(deadline.dueAt, tz),
                state: stepDeadlineState(calendar, deadline.dueAt, null, now),
              }
            : null,
      };
    }),
    departments,
  };
}

/** One tenant's questionnaire of a round, for the paper entry (the round's own questions). */
export async function getResponseForm(roundId: string, tenantId: string) {
  const actor = await requirePermission("survey:respond");
  const round = await loadRoundOrNotFound(roundId, actor.siteIds);
  const tenant = await db.tenant.findFirst({ where: { id: tenantId, siteId: round.siteId }, select: { id: true, name: true } });
  if (!tenant) notFound();
  const response = await db.surveyResponse.findUnique({
    where: { roundId_tenantId: { roundId: round.id, tenantId: tenant.id } },
    select: { submittedAt: true },
  });
  return { round, tenant, answered: !!response?.submittedAt };
}

/** One opinion item with its chain, deadlines, revisit and audit trail. */
export async function getItem(id: string) {
  const actor = await requirePermission("survey:read");
  const item = await db.surveyOpinionItem.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      state: true,
      summary: true,
      summarisedAt: true,
      deliveryDueAt: true,
      deliveredAt: true,
      deliveredTo: true,
      answerDueAt: true,
      measures: true,
      answeredAt: true,
      rectifiedAt: true,
      rectificationNote: true,
      revisitDueAt: true,
      revisitedAt: true,
      round: { select: { id: true, title: true } },
      response: { select: { opinion: true, respondentName: true } },
      tenant: { select: { name: true } },
      department: { select: { name: true } },
      site: { select: { name: true, timeZone: true } },
      revisit: {
        select: {
          id: true,
          method: true,
          revisitedAt: true,
          satisfaction: true,
          clientName: true,
          comments: true,
          signatureFileId: true,
          signedAt: true,
          completedAt: true,
          dueAt: true,
          by: { select: { name: true } },
        },
      },
    },
  });
  if (!item) notFound();
  const [calendar, trail] = await Promise.all([
    loadSiteCalendar(item.siteId),
    db.auditLog.findMany({
      where: { entity: "SurveyOpinionItem", entityId: item.id },
      select: { id: true, at: true, changes: true, actor: { select: { name: true } } },
      orderBy: { at: "asc" },
    }),
  ]);
  const tz = item.site.timeZone;
  const fmt = (d: Date | null) => (d ? formatInZone(d, tz) : null);
  const now = new Date();
  return {
    ...item,
    local: {
      summarisedAt: fmt(item.summarisedAt),
      deliveredAt: fmt(item.deliveredAt),
      answeredAt: fmt(item.answeredAt),
      rectifiedAt: fmt(item.rectifiedAt),
      revisitedAt: fmt(item.revisitedAt),
    },
    deadlines: calendar ? itemDeadlineStates(calendar, item, now).map((d) => ({ ...d, dueLocal: formatInZone(d.dueAt, tz) })) : [],
    revisit: item.revisit && {
      ...item.revisit,
      local: {
        revisitedAt: formatInZone(item.revisit.revisitedAt, tz),
        signedAt: fmt(item.revisit.signedAt),
        dueAt: formatInZone(item.revisit.dueAt, tz),
      },
      onTime: item.revisit.completedAt ? item.revisit.completedAt.getTime() <= item.revisit.dueAt.getTime() : null,
    },
    trail: trail.map((row) => {
      const changes = (row.changes ?? {}) as Record<string, { after?: unknown }>;
      const state = changes.state?.after;
      return {
        id: String(row.id),
        at: formatInZone(row.at, tz),
        actor: row.actor?.name ?? null,
        state: typeof state === "string" ? state : null,
        signedThroughLink: !!changes.signedThroughLink,
      };
    }),
  };
}
