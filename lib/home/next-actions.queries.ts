import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { dateColumn } from "@/lib/calendar/date-column";
import { formatInZone, localDateInZone } from "@/lib/calendar/local-date";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import { roleHas } from "@/lib/permissions";
import { earliestOpenStart } from "@/lib/goods-passes/rules";

/** How many actions of one kind the home page lists; the rest are one link away. */
const SHOWN = 6;

export type NextActionKind = "passRelease" | "newspaperReceipt" | "newspaperDeliveries" | "revisit" | "workOrder";

/**
 * One thing the signed-in person should do next, with the time it is due at its site (site-local,
 * "HH:mm" today or a full date-time otherwise) and the page where it is done.
 */
export interface NextAction {
  key: string;
  kind: NextActionKind;
  siteName: string;
  /** What: a pass number and tenant, a complaint number, a work order's description … */
  subject: string;
  /** Site-local time ("2026-12-04 09:30"), or null when it is due "today" without an hour. */
  at: string | null;
  /** What the time is: the deadline, the start of a pass's window, or when a repair was reported. */
  timeKind: "due" | "starts" | "opened";
  overdue: boolean;
  /** For counts (households waiting for their papers). */
  count?: number;
  href: string;
}

/**
 * The home page's "next actions" for the roles that have no dashboard of their own (front desk,
 * clerk, engineer): what the permission table lets them do, due soonest first. A fixed number of
 * queries whatever the number of sites; every read is scoped to the actor's sites.
 */
export async function nextActions(now: Date = new Date()): Promise<NextAction[]> {
  const actor = await requirePermission("home:view");
  const siteIds = actor.siteIds;
  if (siteIds.length === 0) return [];
  const sites = await sitesWith(siteIds, "id", "name", "timeZone");
  const siteOf = new Map(sites.map((s) => [s.id, s]));
  const todayOf = new Map(sites.map((s) => [s.id, localDateInZone(now, s.timeZone)]));
  const dueText = (at: Date, siteId: string) => formatInZone(at, siteOf.get(siteId)!.timeZone);
  const in24h = new Date(now.getTime() + 24 * 3600_000);

  const [passes, days, revisits, workOrders] = await Promise.all([
    // R-GP-7: stamped passes whose window is open now or opens within a day, waiting at the gate.
    roleHas(actor.role, "goodspass:release")
      ? db.goodsPass.findMany({
          where: {
            siteId: { in: siteIds },
            state: "APPROVED",
            windowEnd: { gt: now },
            windowStart: { lt: in24h, gte: earliestOpenStart(now) },
          },
          select: { id: true, siteId: true, number: true, windowStart: true, windowEnd: true, tenant: { select: { name: true } } },
          orderBy: [{ windowStart: "asc" }, { id: "asc" }],
          take: SHOWN,
        })
      : [],
    // R-NEWS-1..3: today's receipt at each site, and the households still waiting for their papers.
    roleHas(actor.role, "newspaper:log")
      ? db.newspaperDay.findMany({
          where: { OR: sites.map((s) => ({ siteId: s.id, date: dateColumn(todayOf.get(s.id)!) })) },
          select: { id: true, siteId: true, closedAt: true },
        })
      : [],
    // R-CMP-3: rectified complaints waiting for their revisit, the nearest deadline first.
    roleHas(actor.role, "complaint:revisit")
      ? db.complaint.findMany({
          where: { siteId: { in: siteIds }, state: "RECTIFIED" },
          select: { id: true, siteId: true, number: true, revisitDueAt: true, tenant: { select: { name: true } } },
          orderBy: [{ revisitDueAt: "asc" }, { id: "asc" }],
          take: SHOWN,
        })
      : [],
    // R-INS-5: open work orders, the oldest first.
    roleHas(actor.role, "workorder:fix")
      ? db.workOrder.findMany({
          where: { siteId: { in: siteIds }, state: "OPEN" },
          select: { id: true, siteId: true, number: true, createdAt: true, area: { select: { name: true } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: SHOWN,
        })
      : [],
  ]);

  const openDays = days.filter((d) => d.closedAt === null).map((d) => d.id);
  const waiting = openDays.length
    ? await db.newspaperDelivery.groupBy({
        by: ["dayId", "tenantId"],
        where: { dayId: { in: openDays }, state: "PENDING" },
      })
    : [];
  const householdsByDay = new Map<string, number>();
  for (const w of waiting) householdsByDay.set(w.dayId, (householdsByDay.get(w.dayId) ?? 0) + 1);

  const actions: NextAction[] = [];
  for (const p of passes)
    actions.push({
      key: `pass-${p.id}`,
      kind: "passRelease",
      siteName: siteOf.get(p.siteId)!.name,
      subject: `${p.number ?? ""} ${p.tenant.name}`.trim(),
      at: dueText(p.windowStart, p.siteId),
      timeKind: "starts",
      overdue: false,
      href: `/gate?q=${encodeURIComponent(p.number ?? p.id)}`,
    });
  if (roleHas(actor.role, "newspaper:log")) {
    for (const s of sites) {
      const day = days.find((d) => d.siteId === s.id);
      if (!day)
        actions.push({
          key: `news-${s.id}`,
          kind: "newspaperReceipt",
          siteName: s.name,
          subject: "",
          at: null,
          timeKind: "due",
          overdue: false,
          href: `/newspapers?site=${encodeURIComponent(s.id)}`,
        });
      else if (householdsByDay.get(day.id))
        actions.push({
          key: `news-${day.id}`,
          kind: "newspaperDeliveries",
          siteName: s.name,
          subject: "",
          at: null,
          timeKind: "due",
          overdue: false,
          count: householdsByDay.get(day.id),
          href: `/newspapers?site=${encodeURIComponent(s.id)}`,
        });
    }
  }
  for (const c of revisits)
    actions.push({
      key: `revisit-${c.id}`,
      kind: "revisit",
      siteName: siteOf.get(c.siteId)!.name,
      subject: `${c.number} ${c.tenant.name}`,
      at: c.revisitDueAt ? dueText(c.revisitDueAt, c.siteId) : null,
      timeKind: "due",
      overdue: c.revisitDueAt !== null && c.revisitDueAt.getTime() < now.getTime(),
      href: `/complaints/${c.id}`,
    });
  for (const w of workOrders)
    actions.push({
      key: `wo-${w.id}`,
      kind: "workOrder",
      siteName: siteOf.get(w.siteId)!.name,
      subject: `${w.number} ${w.area.name}`,
      at: dueText(w.createdAt, w.siteId),
      timeKind: "opened",
      overdue: false,
      href: `/work-orders/${w.id}`,
    });
  return actions;
}
