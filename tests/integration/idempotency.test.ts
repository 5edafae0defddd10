/**
 * Creates with a request id and per-site daily numbers against PostgreSQL: a request id is a UUID and
 * nothing else, a replay or a burst of identical requests makes one record, a request id cannot link
 * one record to another (a work order finds its complaint by a foreign key), and the numbers of a
 * site's day are consecutive under concurrency with no gap left by a rolled-back transaction.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createComplaintAction } from "@/lib/complaints/actions";
import { nextDailyNumber } from "@/lib/daily-number";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { workOrderToComplaintAction } from "@/lib/work-orders/actions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
let n = 0;

const intake = (over: Record<string, unknown> = {}) => ({
  requestId: newRequestId(),
  siteId: world.siteA,
  tenantId: world.a.tenant,
  unitId: world.a.unit,
  source: "PHONE",
  category: "REPAIR",
  severity: "GENERAL",
  description: "电梯按钮失灵",
  departmentId: world.a.department,
  receivedAt: "",
  photoIds: [],
  ...over,
});

type Created = { ok: true; data: { id: string; number: string } };
const sequenceOf = (number: string) => Number(number.split("-").at(-1));

async function workOrder(site: "a" | "b" = "a") {
  const wo = await db.workOrder.create({
    data: {
      number: `WO-T-${n++}`,
      siteId: site === "a" ? world.siteA : world.siteB,
      areaId: world[site].area,
      description: "空调漏水滴到业户办公桌",
      createdById: world.users.SUPERVISOR,
    },
  });
  return wo.id;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

beforeEach(async () => {
  await db.workOrder.deleteMany();
  await db.complaint.deleteMany();
  await db.dailyCounter.deleteMany();
  await signInAs(world.users.FRONT_DESK);
});

describe("request ids", () => {
  it("anything but a UUID is refused with a field message, and nothing is written", async () => {
    for (const requestId of ["12345678", "workorder:abc", "x".repeat(40), "", " ", 42]) {
      const result = await createComplaintAction(intake({ requestId }));
      expect(result, JSON.stringify(requestId)).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { requestId: "请求编号无效，请刷新页面后重新提交" },
      });
    }
    expect(await db.complaint.count()).toBe(0);
    expect(await db.dailyCounter.count()).toBe(0);
  });

  it("a replay returns the first result and writes nothing more", async () => {
    const input = intake();
    const first = await createComplaintAction(input);
    expect(first).toMatchObject({ ok: true });
    const again = await createComplaintAction({ ...input, description: "改过的描述" });
    expect(again).toEqual(first);
    expect(await db.complaint.count()).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "Complaint", entityId: (first as Created).data.id } })).toBe(1);
  });

  it("another user's request id is refused, not answered with their record", async () => {
    const input = intake();
    expect(await createComplaintAction(input)).toMatchObject({ ok: true });
    await signInAs(world.users.CLERK);
    expect(await createComplaintAction(input)).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.complaint.count()).toBe(1);
  });

  it("20 identical creates at once make one record, and the lost ones leave no gap in the numbers", async () => {
    const input = intake();
    const results = await Promise.all(Array.from({ length: 20 }, () => createComplaintAction(input)));
    for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const ids = new Set(results.map((r) => (r as Created).data.id));
    expect(ids.size).toBe(1);
    expect(await db.complaint.count({ where: { requestId: input.requestId } })).toBe(1);
    // 19 transactions drew a number and rolled back: the next complaint still follows the first.
    const next = (await createComplaintAction(intake())) as Created;
    expect(sequenceOf(next.data.number)).toBe(sequenceOf((results[0] as Created).data.number) + 1);
  });
});

describe("per-site daily numbers", () => {
  it("concurrent creates on one site and day get consecutive numbers without duplicates", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => createComplaintAction(intake())));
    for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const numbers = results.map((r) => (r as Created).data.number);
    const days = new Set(numbers.map((x) => x.split("-").slice(0, -1).join("-")));
    expect(days.size).toBe(1);
    expect(numbers.map(sequenceOf).toSorted((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("a transaction that rolls back takes its number back", async () => {
    const first = (await createComplaintAction(intake())) as Created;
    const [, day] = /-(\d{8})-\d+$/.exec(first.data.number)!;
    const localDate = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;
    await expect(
      db.$transaction(async (tx) => {
        expect(await nextDailyNumber(tx, "COMPLAINT", { id: world.siteA, code: "SA" }, localDate)).toBe(`SA-${day}-002`);
        throw new Error("refused after drawing");
      }),
    ).rejects.toThrow("refused after drawing");
    // A refused intake (a photo that is not the user's) leaves the counter as it was.
    const refused = await createComplaintAction(intake({ photoIds: ["no-such-photo"] }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { photoIds: expect.any(String) } });
    const next = (await createComplaintAction(intake())) as Created;
    expect(next.data.number).toBe(`SA-${day}-002`);
  });

  it("each site and each kind of record counts on its own", async () => {
    const a = (await createComplaintAction(intake())) as Created;
    await db.userSite.create({ data: { userId: world.users.FRONT_DESK, siteId: world.siteB } });
    try {
      await signInAs(world.users.FRONT_DESK);
      const b = (await createComplaintAction(
        intake({ siteId: world.siteB, tenantId: world.b.tenant, unitId: world.b.unit, departmentId: world.b.department }),
      )) as Created;
      expect(sequenceOf(a.data.number)).toBe(1);
      expect(b.data.number).toMatch(/^SB-\d{8}-001$/);
    } finally {
      await db.userSite.deleteMany({ where: { userId: world.users.FRONT_DESK, siteId: world.siteB } });
    }
  });
});

describe("a work order's complaint is found by its link, never by a request id", () => {
  it("a pre-created look-alike complaint cannot capture the conversion", async () => {
    const id = await workOrder();
    // The old key: a complaint whose request id names the work order. The form refuses it outright…
    expect(await createComplaintAction(intake({ requestId: `workorder:${id}` }))).toMatchObject({
      ok: false,
      fieldErrors: { requestId: expect.any(String) },
    });
    // …and one written behind the form's back is not taken for the work order's complaint.
    const lookAlike = await db.complaint.create({
      data: {
        number: "SA-LOOKALIKE-001",
        requestId: `workorder:${id}`,
        siteId: world.siteA,
        tenantId: world.a.tenant,
        departmentId: world.a.department,
        source: "PHONE",
        category: "OTHER",
        severity: "GENERAL",
        description: "冒名的投诉",
        receivedAt: new Date(),
        receivedById: world.users.FRONT_DESK,
        rectificationDueAt: new Date(),
        rectifications: { create: { round: 1, dueAt: new Date() } },
      },
    });
    await signInAs(world.users.SUPERVISOR);
    const converted = await workOrderToComplaintAction({ workOrderId: id, tenantId: world.a.tenant, severity: "MAJOR" });
    expect(converted).toMatchObject({ ok: true });
    const { complaintId } = (converted as { data: { complaintId: string } }).data;
    expect(complaintId).not.toBe(lookAlike.id);
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: complaintId } });
    expect(complaint).toMatchObject({ siteId: world.siteA, source: "INSPECTION", receivedById: world.users.SUPERVISOR });
    expect(complaint.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await db.workOrder.findUniqueOrThrow({ where: { id } })).complaintId).toBe(complaintId);
  });

  it("a link that does not lead to this site's inspection complaint is not answered as a replay", async () => {
    const id = await workOrder();
    const other = (await createComplaintAction(intake())) as Created;
    await db.workOrder.update({ where: { id }, data: { complaintId: other.data.id } });
    await signInAs(world.users.SUPERVISOR);
    expect(await workOrderToComplaintAction({ workOrderId: id, tenantId: world.a.tenant, severity: "MAJOR" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("concurrent conversions by the same person make one complaint and give everyone its answer", async () => {
    const id = await workOrder();
    await signInAs(world.users.SUPERVISOR);
    const input = { workOrderId: id, tenantId: world.a.tenant, severity: "GENERAL" };
    const results = await Promise.all(Array.from({ length: 8 }, () => workOrderToComplaintAction(input)));
    for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const linked = new Set(results.map((r) => (r as { data: { complaintId: string } }).data.complaintId));
    expect(linked.size).toBe(1);
    expect(await db.complaint.count()).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "WorkOrder", entityId: id } })).toBe(1);
    // The lost conversions drew numbers too, and gave them back.
    const [complaint] = await db.complaint.findMany({ select: { number: true } });
    expect(sequenceOf(complaint.number)).toBe(1);
  });
});
