/**
 * Demo data for solid waste and packaging (§12, §13), per seeded site: four collection points with
 * their containers (in use since 90 days ago), the owner of the battery stream named, and 60 days of
 * clearances — daily garbage with a few missed days, weekly recyclables with one late week, batteries,
 * toner and pest-control packaging now and then. On HQ the toner and the daily garbage are overdue
 * now; on SP everything is on schedule except a late recyclables week in the log (R-WST-2/3).
 * Dates relative to `now` in the site's zone; idempotent per site (a site with any point gets nothing);
 * no audit rows.
 */
import { addDays, dateColumn, instantFromLocalDateTime, localDateInZone } from "../../lib/calendar";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { WasteStream, WasteUnit } from "../../lib/generated/prisma/enums";
import { SITES } from "./data";

const POINTS: { name: string; location: string; containers: { stream: WasteStream; label: string }[] }[] = [
  {
    name: "B1 垃圾房分类站点",
    location: "B1 层东侧",
    containers: [
      { stream: "RECYCLABLE", label: "可回收物桶" },
      { stream: "NON_RECYCLABLE", label: "不可回收物桶" },
    ],
  },
  { name: "大堂", location: "1F 服务台旁", containers: [{ stream: "BATTERIES", label: "废旧电池回收箱" }] },
  { name: "复印室", location: "A座 2F", containers: [{ stream: "TONER", label: "废旧墨盒回收箱" }] },
  { name: "保洁工具间", location: "B1 层西侧", containers: [{ stream: "PACKAGING", label: "杀虫灭鼠药包装回收箱" }] },
];

/** Days ago of each stream's clearances, per site; quantities and collectors by stream. */
function plan(code: string): Record<Exclude<WasteStream, "HAZARDOUS">, number[]> {
  const daily = (skip: number[], from: number) =>
    Array.from({ length: 60 }, (_, i) => 60 - i).filter((d) => d >= from && !skip.includes(d));
  return code === "HQ"
    ? {
        // Last daily clearance 3 days ago: overdue now (period 1 day); two missed days earlier.
        NON_RECYCLABLE: daily([41, 40, 22], 3),
        // Weekly, one late week (10 days between 35 and 25).
        RECYCLABLE: [60, 53, 46, 39, 35, 25, 18, 11, 4],
        BATTERIES: [58],
        // Toner: period 60 days, never cleared since the box was set up 90 days ago → overdue.
        TONER: [],
        PACKAGING: [52, 20],
      }
    : {
        NON_RECYCLABLE: daily([30], 0),
        RECYCLABLE: [60, 53, 41, 34, 27, 20, 13, 6],
        BATTERIES: [45],
        TONER: [30],
        PACKAGING: [50, 21],
      };
}

const DETAIL: Record<Exclude<WasteStream, "HAZARDOUS">, { quantity: number; unit: WasteUnit; takenBy: string }> = {
  NON_RECYCLABLE: { quantity: 6, unit: "BIN", takenBy: "区环卫所清运车" },
  RECYCLABLE: { quantity: 85.5, unit: "KG", takenBy: "绿源再生资源回收站" },
  BATTERIES: { quantity: 3.2, unit: "KG", takenBy: "蓄电池供应商（工程部联系）" },
  TONER: { quantity: 12, unit: "PIECE", takenBy: "办公耗材供应商" },
  PACKAGING: { quantity: 2, unit: "BAG", takenBy: "保洁公司虫控组" },
};

export async function seedWaste(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const clerk = await db.user.findUnique({ where: { username: "clerk" }, select: { id: true } });
  if (!clerk) return;
  for (const def of SITES) {
    const site = await db.site.findUnique({ where: { code: def.code }, select: { id: true, code: true, timeZone: true } });
    if (!site) continue;
    if ((await db.wasteCollectionPoint.count({ where: { siteId: site.id } })) > 0) {
      options.log(`waste ${site.code}: already seeded`);
      continue;
    }
    const today = localDateInZone(now, site.timeZone);
    const since = instantFromLocalDateTime(`${addDays(today, -90)}T09:00`, site.timeZone);
    const days = plan(site.code);
    const count = await db.$transaction(
      async (tx) => {
        for (const point of POINTS) {
          await tx.wasteCollectionPoint.create({
            data: {
              siteId: site.id,
              name: point.name,
              location: point.location,
              createdAt: since,
              containers: {
                create: point.containers.map((c) => ({ siteId: site.id, stream: c.stream, label: c.label, createdAt: since })),
              },
            },
          });
        }
        await tx.wasteStreamSetting.create({
          data: {
            siteId: site.id,
            stream: "BATTERIES",
            responsible: "ENGINEERING",
            responsibleName: "孙志强",
            clearanceDays: 90,
            version: 1,
          },
        });
        const rows = Object.entries(days).flatMap(([stream, list]) =>
          list.map((daysAgo, i) => {
            const detail = DETAIL[stream as keyof typeof DETAIL];
            const clearedOn = addDays(today, -daysAgo);
            return {
              requestId: `00000000-0000-4000-9${site.code === "HQ" ? "1" : "2"}${stream.slice(0, 2)}-${String(i).padStart(12, "0")}`,
              siteId: site.id,
              stream: stream as WasteStream,
              clearedOn: dateColumn(clearedOn),
              quantity: detail.quantity,
              unit: detail.unit,
              takenBy: detail.takenBy,
              recordedById: clerk.id,
              createdAt: instantFromLocalDateTime(`${clearedOn}T17:30`, site.timeZone),
            };
          }),
        );
        await tx.wasteClearance.createMany({ data: rows });
        return rows.length;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    options.log(`waste ${site.code}: ${POINTS.length} points, ${count} clearances`);
  }
}
