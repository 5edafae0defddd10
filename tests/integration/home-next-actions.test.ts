/**
 * The home page's "today's tasks" (issue 16): each role sees what it may do next at its own sites,
 * soonest first, with the time in the site's zone; nothing of another site, nothing another role does.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { nextActions } from "@/lib/home/next-actions.queries";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
const NOW = new Date("2026-12-04T01:00:00Z"); // 09:00 in Shanghai

async function pass(site: "a" | "b", number: string, start: string, end: string) {
  const siteId = site === "a" ? world.siteA : world.siteB;
  const route = await db.loadingRoute.create({ data: { siteId, name: `货梯-${number}` } });
  await db.goodsPass.create({
    data: {
      requestId: newRequestId(),
      siteId,
      tenantId: world[site].tenant,
      unitId: world[site].unit,
      direction: "OUT",
      carrierName: "王师傅",
      carrierIdLast4: "1234",
      routeId: route.id,
      windowStart: new Date(start),
      windowEnd: new Date(end),
      state: "APPROVED",
      number,
      approvedAt: NOW,
      createdById: world.users.FRONT_DESK,
      items: { create: [{ position: 1, name: "办公椅", quantity: 1, unit: "把" }] },
    },
  });
}

async function complaint(site: "a" | "b", number: string, revisitDueAt: Date) {
  await db.complaint.create({
    data: {
      number,
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: world[site].tenant,
      departmentId: world[site].department,
      source: "PHONE",
      category: "REPAIR",
      severity: "GENERAL",
      description: "空调不制冷",
      receivedAt: new Date("2026-11-20T02:00:00Z"),
      receivedById: world.users.FRONT_DESK,
      state: "RECTIFIED",
      rectificationDueAt: new Date("2026-11-25T10:00:00Z"),
      rectifiedAt: new Date("2026-11-24T06:00:00Z"),
      revisitDueAt,
    },
  });
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await db.site.updateMany({ data: { timeZone: "Asia/Shanghai" } });
  // Later first in time order: the list must sort them.
  await pass("a", "SA-20261204-002", "2026-12-04T06:00:00Z", "2026-12-04T07:00:00Z");
  await pass("a", "SA-20261204-001", "2026-12-04T02:30:00Z", "2026-12-04T03:30:00Z");
  await pass("a", "SA-20261203-009", "2026-12-03T02:00:00Z", "2026-12-03T03:00:00Z"); // window over
  await pass("b", "SB-20261204-001", "2026-12-04T02:00:00Z", "2026-12-04T03:00:00Z"); // another site
  await complaint("a", "SA-C-2", new Date("2026-12-08T09:59:59Z"));
  await complaint("a", "SA-C-1", new Date("2026-12-01T15:59:59Z"));
  await complaint("b", "SB-C-1", new Date("2026-12-01T15:59:59Z"));
  const area = await db.area.findUniqueOrThrow({ where: { id: world.a.area }, select: { id: true } });
  await db.workOrder.create({
    data: {
      number: "SA-WO-1",
      siteId: world.siteA,
      areaId: area.id,
      description: "灯不亮",
      createdById: world.users.SUPERVISOR,
      createdAt: NOW,
    },
  });
});

describe("today's tasks on the home page", () => {
  it("front desk: passes waiting at the gate by start time (site time), and today's newspapers to sign for", async () => {
    await signInAs(world.users.FRONT_DESK);
    const actions = await nextActions(NOW);
    expect(actions.map((a) => [a.kind, a.subject, a.at, a.timeKind])).toEqual([
      ["passRelease", "SA-20261204-001 业户A", "2026-12-04 10:30", "starts"],
      ["passRelease", "SA-20261204-002 业户A", "2026-12-04 14:00", "starts"],
      ["newspaperReceipt", "", null, "due"],
    ]);
    expect(actions[0].href).toBe("/gate?q=SA-20261204-001");
    // Not the clerk's revisits, not engineering's work orders.
    expect(actions.some((a) => a.kind === "revisit" || a.kind === "workOrder")).toBe(false);
  });

  it("clerk: revisits due, the overdue one first and marked, with the deadline in site time", async () => {
    await signInAs(world.users.CLERK);
    const actions = (await nextActions(NOW)).filter((a) => a.kind === "revisit");
    expect(actions.map((a) => [a.subject, a.at, a.overdue])).toEqual([
      ["SA-C-1 业户A", "2026-12-01 23:59", true],
      ["SA-C-2 业户A", "2026-12-08 17:59", false],
    ]);
    expect((await nextActions(NOW)).some((a) => a.kind === "passRelease")).toBe(false);
  });

  it("engineer: open work orders of the site, and nothing else", async () => {
    await signInAs(world.users.ENGINEER);
    const actions = await nextActions(NOW);
    expect(actions.map((a) => [a.kind, a.subject, a.href.startsWith("/work-orders/")])).toEqual([["workOrder", "SA-WO-1 大堂A", true]]);
  });
});
