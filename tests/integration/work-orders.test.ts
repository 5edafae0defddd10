/**
 * Work orders against PostgreSQL (R-INS-5): open → fixed by engineering → sent back / verified by the
 * supervisor, each step once only, who may do which step, site scope, the list's order and age, and
 * turning a fault that affects a tenant into exactly one complaint (R-CMP-1).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pageRequest } from "@/lib/pagination";
import {
  markWorkOrderFixedAction,
  sendBackWorkOrderAction,
  verifyWorkOrderAction,
  workOrderToComplaintAction,
} from "@/lib/work-orders/actions";
import { openWorkOrderAges } from "@/lib/work-orders/dashboard.queries";
import { getWorkOrder, listWorkOrders } from "@/lib/work-orders/queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
let n = 0;

/** A work order as an inspection round would leave it (written directly: rounds are another module). */
async function workOrder(site: "a" | "b" = "a", over: { createdAt?: Date; description?: string } = {}) {
  const wo = await db.workOrder.create({
    data: {
      number: `WO-${Date.now()}-${n++}`,
      siteId: site === "a" ? world.siteA : world.siteB,
      areaId: world[site].area,
      description: over.description ?? "大堂自动门感应器失灵",
      createdById: world.users.SUPERVISOR,
      createdAt: over.createdAt,
    },
  });
  return wo.id;
}

const audits = (id: string) => db.auditLog.findMany({ where: { entity: "WorkOrder", entityId: id }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("open → fixed → sent back → fixed → verified", () => {
  it("engineering fixes, the supervisor sends back, engineering fixes again, the supervisor verifies", async () => {
    const id = await workOrder();

    await signInAs(world.users.ENGINEER);
    expect(await markWorkOrderFixedAction({ workOrderId: id, fixNote: "  " })).toMatchObject({ ok: false, code: "invalid" });
    expect(await markWorkOrderFixedAction({ workOrderId: id, fixNote: "x".repeat(1001) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await markWorkOrderFixedAction({ workOrderId: id, fixNote: "已清洁感应器" })).toMatchObject({ ok: true });
    let wo = await db.workOrder.findUniqueOrThrow({ where: { id } });
    expect(wo).toMatchObject({ state: "FIXED", fixedById: world.users.ENGINEER, fixNote: "已清洁感应器" });
    expect(wo.fixedAt).toBeInstanceOf(Date);

    await signInAs(world.users.SUPERVISOR);
    expect(await sendBackWorkOrderAction({ workOrderId: id, reason: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await sendBackWorkOrderAction({ workOrderId: id, reason: "仍然无法感应" })).toMatchObject({ ok: true });
    wo = await db.workOrder.findUniqueOrThrow({ where: { id } });
    expect(wo).toMatchObject({
      state: "OPEN",
      sentBackCount: 1,
      sentBackNote: "仍然无法感应",
      fixedAt: null,
      fixedById: null,
      fixNote: null,
    });
    // The refused fix survives in the audit trail.
    const sentBack = (await audits(id)).at(-1)!;
    expect(sentBack.actorId).toBe(world.users.SUPERVISOR);
    expect(sentBack.changes).toMatchObject({
      state: { before: "FIXED", after: "OPEN" },
      fixNote: { before: "已清洁感应器", after: null },
      sentBackCount: { before: 0, after: 1 },
    });

    await signInAs(world.users.ENGINEER);
    expect(await markWorkOrderFixedAction({ workOrderId: id, fixNote: "更换感应器" })).toMatchObject({ ok: true });
    await signInAs(world.users.SUPERVISOR);
    expect(await verifyWorkOrderAction({ workOrderId: id })).toMatchObject({ ok: true });
    wo = await db.workOrder.findUniqueOrThrow({ where: { id } });
    expect(wo).toMatchObject({ state: "VERIFIED", verifiedById: world.users.SUPERVISOR, fixNote: "更换感应器", sentBackCount: 1 });

    const trail = await audits(id);
    expect(trail.map((a) => (a.changes as { state: { after: string } }).state.after)).toEqual(["FIXED", "OPEN", "FIXED", "VERIFIED"]);

    // The detail names the people with their names.
    const detail = await getWorkOrder(id);
    expect(detail).toMatchObject({ fixedBy: "测试ENGINEER", verifiedBy: "测试SUPERVISOR", createdBy: "测试SUPERVISOR", ageDays: 0 });
  });
});

describe("each step happens once", () => {
  it("a double submit of every step changes nothing twice", async () => {
    const id = await workOrder();
    await signInAs(world.users.ENGINEER);
    const fixes = await Promise.all([
      markWorkOrderFixedAction({ workOrderId: id, fixNote: "第一次" }),
      markWorkOrderFixedAction({ workOrderId: id, fixNote: "第二次" }),
    ]);
    expect(fixes.filter((r) => r.ok)).toHaveLength(1);
    expect(fixes.find((r) => !r.ok)).toMatchObject({ code: "conflict", message: "维修单当前状态不能执行此操作，请刷新" });
    expect(await markWorkOrderFixedAction({ workOrderId: id, fixNote: "再次" })).toMatchObject({ ok: false, code: "conflict" });

    await signInAs(world.users.SUPERVISOR);
    const sendBacks = await Promise.all([
      sendBackWorkOrderAction({ workOrderId: id, reason: "不行" }),
      sendBackWorkOrderAction({ workOrderId: id, reason: "不行" }),
    ]);
    expect(sendBacks.filter((r) => r.ok)).toHaveLength(1);
    expect((await db.workOrder.findUniqueOrThrow({ where: { id } })).sentBackCount).toBe(1);

    await signInAs(world.users.ENGINEER);
    expect(await markWorkOrderFixedAction({ workOrderId: id, fixNote: "修好了" })).toMatchObject({ ok: true });
    await signInAs(world.users.SUPERVISOR);
    const verifies = await Promise.all([verifyWorkOrderAction({ workOrderId: id }), verifyWorkOrderAction({ workOrderId: id })]);
    expect(verifies.filter((r) => r.ok)).toHaveLength(1);
    // Nothing can follow verification.
    expect(await sendBackWorkOrderAction({ workOrderId: id, reason: "晚了" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await audits(id)).toHaveLength(4);
  });

  it("a step from the wrong state is refused", async () => {
    const id = await workOrder();
    await signInAs(world.users.SUPERVISOR);
    expect(await verifyWorkOrderAction({ workOrderId: id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await sendBackWorkOrderAction({ workOrderId: id, reason: "没修" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await audits(id)).toHaveLength(0);
  });
});

describe("who may do what, where", () => {
  it("engineering cannot verify or send back; a supervisor cannot mark fixed", async () => {
    const id = await workOrder();
    await signInAs(world.users.SUPERVISOR);
    expect(await markWorkOrderFixedAction({ workOrderId: id, fixNote: "我来修" })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(world.users.ENGINEER);
    expect(await markWorkOrderFixedAction({ workOrderId: id, fixNote: "已修" })).toMatchObject({ ok: true });
    expect(await verifyWorkOrderAction({ workOrderId: id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await sendBackWorkOrderAction({ workOrderId: id, reason: "自己退" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await workOrderToComplaintAction({ workOrderId: id, tenantId: world.a.tenant, severity: "GENERAL" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect((await db.workOrder.findUniqueOrThrow({ where: { id } })).state).toBe("FIXED");
  });

  it("another site's work order does not exist for the user", async () => {
    const other = await workOrder("b");
    await signInAs(world.users.ENGINEER);
    expect(await markWorkOrderFixedAction({ workOrderId: other, fixNote: "已修" })).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(world.users.MANAGER);
    await db.workOrder.update({ where: { id: other }, data: { state: "FIXED" } });
    expect(await verifyWorkOrderAction({ workOrderId: other })).toMatchObject({ ok: false, code: "not_found" });
    expect(await sendBackWorkOrderAction({ workOrderId: other, reason: "不行" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await workOrderToComplaintAction({ workOrderId: other, tenantId: world.b.tenant, severity: "MAJOR" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await getWorkOrder(other)).toBeNull();
    expect(await audits(other)).toHaveLength(0);
    expect(await db.complaint.count({ where: { siteId: world.siteB } })).toBe(0);
  });

  it("anonymous callers are refused", async () => {
    const id = await workOrder();
    await signInAs(null);
    expect(await verifyWorkOrderAction({ workOrderId: id })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("the list", () => {
  it("shows the user's sites only, open first and oldest first, with the age in site days", async () => {
    const day = 86_400_000;
    const old = await workOrder("a", { createdAt: new Date(Date.now() - 5 * day), description: "列表-旧" });
    const recent = await workOrder("a", { createdAt: new Date(Date.now() - 1 * day), description: "列表-新" });
    const fixed = await workOrder("a", { createdAt: new Date(Date.now() - 9 * day), description: "列表-已修" });
    await db.workOrder.update({ where: { id: fixed }, data: { state: "FIXED" } });
    await workOrder("b", { description: "列表-外站" });

    await signInAs(world.users.ENGINEER);
    const result = await listWorkOrders({ q: "列表" }, pageRequest("1"));
    expect(result.rows.map((r) => r.id)).toEqual([old, recent, fixed]);
    expect(result.rows.map((r) => r.ageDays)).toEqual([5, 1, 9]);
    expect(result.rows[0].area).toMatchObject({ name: "大堂A", building: "A座", floor: "1F" });

    const open = await listWorkOrders({ q: "列表", state: "OPEN" }, pageRequest("1"));
    expect(open.total).toBe(2);
    const paged = await listWorkOrders({ q: "列表" }, { page: 2, skip: 2, take: 2 });
    expect(paged).toMatchObject({ total: 3, pageCount: 2 });
    expect(paged.rows.map((r) => r.id)).toEqual([fixed]);
  });
});

describe("turning a work order into a complaint", () => {
  it("creates exactly one complaint for the engineering department and links it", async () => {
    const id = await workOrder("a", { description: "空调漏水滴到业户办公桌" });
    await signInAs(world.users.SUPERVISOR);
    const input = { workOrderId: id, tenantId: world.a.tenant, unitId: world.a.unit, severity: "MAJOR" };
    const [first, second] = await Promise.all([workOrderToComplaintAction(input), workOrderToComplaintAction(input)]);
    const ok = [first, second].filter((r) => r.ok);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of [first, second].filter((x) => !x.ok)) expect(r).toMatchObject({ code: "conflict" });

    const complaints = await db.complaint.findMany({ where: { description: { contains: "空调漏水滴到业户办公桌" } } });
    expect(complaints).toHaveLength(1);
    const [complaint] = complaints;
    expect(complaint).toMatchObject({
      siteId: world.siteA,
      tenantId: world.a.tenant,
      unitId: world.a.unit,
      departmentId: world.a.department,
      source: "INSPECTION",
      category: "REPAIR",
      severity: "MAJOR",
      receivedById: world.users.SUPERVISOR,
    });
    expect((await db.workOrder.findUniqueOrThrow({ where: { id } })).complaintId).toBe(complaint.id);
    expect(await audits(id)).toHaveLength(1);

    // A later attempt is refused and creates nothing.
    await signInAs(world.users.MANAGER);
    expect(await workOrderToComplaintAction({ ...input, severity: "GENERAL" })).toMatchObject({
      ok: false,
      code: "conflict",
      message: "该维修单已转为投诉",
    });
    expect(await db.complaint.count({ where: { description: { contains: "空调漏水滴到业户办公桌" } } })).toBe(1);
    expect(await getWorkOrder(id)).toMatchObject({ complaint: { id: complaint.id, number: complaint.number, mayOpen: true } });
  });

  it("refuses another site's tenant and a site without an engineering department", async () => {
    const id = await workOrder();
    await signInAs(world.users.MANAGER);
    expect(await workOrderToComplaintAction({ workOrderId: id, tenantId: world.b.tenant, severity: "GENERAL" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { tenantId: expect.any(String) },
    });
    expect((await db.workOrder.findUniqueOrThrow({ where: { id } })).complaintId).toBeNull();

    await db.department.update({ where: { id: world.a.department }, data: { kind: "SECURITY" } });
    try {
      expect(await workOrderToComplaintAction({ workOrderId: id, tenantId: world.a.tenant, severity: "GENERAL" })).toMatchObject({
        ok: false,
        code: "invalid",
      });
    } finally {
      await db.department.update({ where: { id: world.a.department }, data: { kind: "ENGINEERING" } });
    }
    expect(await db.complaint.count({ where: { workOrder: { id } } })).toBe(0);
  });
});

describe("the managers' dashboard (R-INS-5)", () => {
  it("shows the unfinished work orders of the manager's sites, oldest first, with their age", async () => {
    await db.workOrder.deleteMany();
    const day = 86_400_000;
    const old = await workOrder("a", { createdAt: new Date(Date.now() - 4 * day) });
    const fixed = await workOrder("a", { createdAt: new Date(Date.now() - 6 * day) });
    await db.workOrder.update({ where: { id: fixed }, data: { state: "FIXED" } });
    const done = await workOrder("a", { createdAt: new Date(Date.now() - 8 * day) });
    await db.workOrder.update({ where: { id: done }, data: { state: "VERIFIED", verifiedAt: new Date() } });
    const today = await workOrder("a");
    await workOrder("b", { createdAt: new Date(Date.now() - 10 * day) });

    await signInAs(world.users.MANAGER);
    const summary = await openWorkOrderAges();
    expect(summary).toMatchObject({ open: 2, fixed: 1 });
    expect(summary.oldest.map((w) => [w.id, w.ageDays, w.state])).toEqual([
      [fixed, 6, "FIXED"],
      [old, 4, "OPEN"],
      [today, 0, "OPEN"],
    ]);

    await signInAs(world.users.FRONT_DESK);
    await expect(openWorkOrderAges()).rejects.toThrow();
  });
});
