import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import type { Prisma } from "@/lib/generated/prisma/client";
import { WasteStream } from "@/lib/generated/prisma/enums";
import { BY_SITE, countLimit, oneOf, pagedCapped, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { clearanceLateBy, STREAM_DEFAULTS, streamStatus } from "./rules";
import { containsText } from "@/lib/text-search";

// Not from ./schema: the reminder run imports this file, and it must not carry the form's messages.
const WASTE_STREAMS = Object.values(WasteStream);

/**
 * Every stream of the given sites with its owner, period, last clearance and state (R-WST-1/2), in three
 * queries whatever the number of sites. Also used by the reminder run (no permission check there).
 */
export async function streamStatusesOf(sites: { id: string; name: string; timeZone: string }[], now: Date) {
  const siteIds = sites.map((s) => s.id);
  const [settings, inUse, cleared] = await Promise.all([
    db.wasteStreamSetting.findMany({
      where: { siteId: { in: siteIds } },
      select: { siteId: true, stream: true, responsible: true, responsibleName: true, clearanceDays: true, version: true },
    }),
    db.wasteContainer.groupBy({ by: ["siteId", "stream"], where: { siteId: { in: siteIds }, active: true }, _min: { createdAt: true } }),
    db.wasteClearance.groupBy({ by: ["siteId", "stream"], where: { siteId: { in: siteIds } }, _max: { clearedOn: true } }),
  ]);
  return sites.flatMap((site) => {
    const today = localDateInZone(now, site.timeZone);
    return WASTE_STREAMS.map((stream) => {
      const setting = settings.find((s) => s.siteId === site.id && s.stream === stream);
      const firstContainer = inUse.find((c) => c.siteId === site.id && c.stream === stream)?._min.createdAt ?? null;
      const last = cleared.find((c) => c.siteId === site.id && c.stream === stream)?._max.clearedOn ?? null;
      const clearanceDays = setting?.clearanceDays ?? STREAM_DEFAULTS[stream].clearanceDays;
      const inUseSince = firstContainer ? localDateInZone(firstContainer, site.timeZone) : null;
      const lastClearedOn = last ? localDateOfColumn(last) : null;
      return {
        siteId: site.id,
        siteName: site.name,
        stream,
        responsible: setting?.responsible ?? STREAM_DEFAULTS[stream].responsible,
        responsibleName: setting?.responsibleName ?? null,
        clearanceDays,
        version: setting?.version ?? 0,
        inUseSince,
        lastClearedOn,
        today,
        ...streamStatus({ clearanceDays, lastClearedOn, inUseSince, today }),
      };
    });
  });
}

export type StreamOverview = Awaited<ReturnType<typeof streamStatusesOf>>[number];

/** The waste page: each site's streams and whether one is overdue, on each site's local today at `now`. */
export async function wasteOverview(filter: { site?: string }, now: Date = new Date()) {
  const actor = await requirePermission("waste:read");
  const sites = await sitesWith(siteScope(actor, filter.site), "id", "name", "timeZone");
  return streamStatusesOf(sites, now);
}

/**
 * The clearance log, newest first, filtered by site and stream and paginated in SQL. Each row says by
 * how many days it was late against the clearance before it (R-WST-3), read with one window query.
 */
export async function listClearances(filter: { site?: string; stream?: string; q?: string }, page: PageRequest) {
  const actor = await requirePermission("waste:read");
  const sites = siteScope(actor, filter.site);
  const stream = oneOf(WASTE_STREAMS, filter.stream);
  const where: Prisma.WasteClearanceWhereInput = {
    siteId: { in: sites },
    ...(stream ? { stream } : {}),
    ...(filter.q ? { takenBy: containsText(filter.q) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.wasteClearance.findMany({
      where,
      select: {
        id: true,
        siteId: true,
        stream: true,
        clearedOn: true,
        quantity: true,
        unit: true,
        takenBy: true,
        receiptFileId: true,
        note: true,
        recordedById: true,
        site: { select: { name: true, timeZone: true } },
      },
      orderBy: [{ clearedOn: "desc" }, { createdAt: "desc" }],
      skip: page.skip,
      take: page.take,
    }),
    // Capped (pagination.COUNT_CAP): the log grows every week of every site.
    db.wasteClearance.count({ where, orderBy: BY_SITE, take: countLimit(page) }),
  ]);
  const ids = rows.map((r) => r.id);
  const [previous, settings, firstUse, recorders] = await Promise.all([
    ids.length
      ? // The clearance before each shown one, of its site and stream: one index probe per shown row
        // on (siteId, stream, clearedOn, createdAt), not a window over the whole log.
        db.$queryRaw<{ id: string; previous: Date | null }[]>`
          SELECT c.id, (
            SELECT p."clearedOn" FROM "WasteClearance" p
            WHERE p."siteId" = c."siteId" AND p.stream = c.stream
              AND (p."clearedOn", p."createdAt") < (c."clearedOn", c."createdAt")
            ORDER BY p."clearedOn" DESC, p."createdAt" DESC
            LIMIT 1
          ) AS previous
          FROM "WasteClearance" c WHERE c.id = ANY(${ids})`
      : [],
    db.wasteStreamSetting.findMany({ where: { siteId: { in: sites } }, select: { siteId: true, stream: true, clearanceDays: true } }),
    db.wasteContainer.groupBy({ by: ["siteId", "stream"], where: { siteId: { in: sites } }, _min: { createdAt: true } }),
    db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.recordedById))] } }, select: { id: true, name: true } }),
  ]);
  const daysOf = (siteId: string, s: WasteStream) =>
    settings.find((x) => x.siteId === siteId && x.stream === s)?.clearanceDays ?? STREAM_DEFAULTS[s].clearanceDays;
  return pagedCapped(
    rows.map((r) => {
      const clearedOn = localDateOfColumn(r.clearedOn);
      const before = previous.find((p) => p.id === r.id)?.previous ?? null;
      const first = firstUse.find((f) => f.siteId === r.siteId && f.stream === r.stream)?._min.createdAt ?? null;
      const from = before ? localDateOfColumn(before) : first ? localDateInZone(first, r.site.timeZone) : null;
      return {
        id: r.id,
        siteName: r.site.name,
        stream: r.stream,
        clearedOn,
        quantity: r.quantity.toString(),
        unit: r.unit,
        takenBy: r.takenBy,
        receiptFileId: r.receiptFileId,
        note: r.note,
        recordedBy: recorders.find((u) => u.id === r.recordedById)?.name ?? "",
        lateBy: from && from <= clearedOn ? clearanceLateBy(from, clearedOn, daysOf(r.siteId, r.stream)) : 0,
      };
    }),
    total,
    page,
  );
}

/** Set-up of the user's sites: points with their containers (managers edit them on /waste/setup). */
export async function wasteSetup() {
  const actor = await requirePermission("waste:read");
  return db.wasteCollectionPoint.findMany({
    where: { siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      name: true,
      location: true,
      active: true,
      version: true,
      site: { select: { name: true } },
      containers: { select: { id: true, stream: true, label: true, active: true }, orderBy: [{ active: "desc" }, { stream: "asc" }] },
    },
    orderBy: [{ site: { code: "asc" } }, { name: "asc" }],
  });
}
