/**
 * The complaint workflow against PostgreSQL: intake → rectification → revisit → close,
 * deadlines fixed on the record (R-CMP-2/3), an unsatisfied revisit reopening (R-CMP-4), double
 * submissions, steps out of order, and another site's complaint.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  closeComplaintAction,
  createComplaintAction,
  recordRectificationAction,
  recordRevisitAction,
  startRectificationAction,
} from "@/lib/complaints/actions";
import { getComplaint } from "@/lib/complaints/queries";
import { addDays, createCalendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
let world: World;
let department: string;

const intake = (over: Record<string, unknown> = {}) => ({
  requestId: newRequestId(),
  siteId: world.siteA,
  tenantId: world.a.tenant,
  unitId: world.a.unit,
  source: "PHONE",
  category: "REPAIR",
  severity: "MAJOR",
  description: "B座12层男卫生间水龙头漏水",
  departmentId: department,
  receivedAt: "",
  photoIds: [],
  ...over,
});

const signature = (userId: string, siteId = world.siteA) => uploadedFile(userId, siteId, "SIGNATURE");

async function created(result: Awaited<ReturnType<typeof createComplaintAction>>) {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: { id: string; number: string } }).data;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  department = world.a.department;
});

describe("the whole workflow", () => {
  it("front desk logs, supervisor rectifies, clerk revisits with a signature, manager closes", async () => {
    await signInAs(world.users.FRONT_DESK);
    const before = Date.now();
    const { id, number } = await created(await createComplaintAction(intake()));
    expect(number).toMatch(/^SA-\d{8}-001$/);
    let c = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(c.state).toBe("RECEIVED");
    // R-CMP-2: major → the end of the next working day (Shanghai), fixed on the record at receipt.
    expect(c.rectificationDueAt).toEqual(shanghai.addWorkingDays(c.receivedAt, 1).dueAt);
    expect(c.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(c.revisitDueAt).toBeNull();

    // The front desk has no right to rectify.
    expect(await startRectificationAction({ complaintId: id, round: 1 })).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs(world.users.SUPERVISOR);
    // No skipping: recording a rectification before it was started is refused.
    expect(await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "已更换阀芯", photoIds: [] })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await startRectificationAction({ complaintId: id, round: 1 })).toMatchObject({ ok: true });
    // A double click: the second start changes nothing.
    expect(await startRectificationAction({ complaintId: id, round: 1 })).toMatchObject({ ok: false, code: "conflict" });
    const rectified = await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "已更换水龙头阀芯", photoIds: [] });
    expect(rectified).toMatchObject({ ok: true });
    c = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(c.state).toBe("RECTIFIED");
    // R-CMP-3: major → the end of the local day one week after the rectification.
    expect(c.revisitDueAt).toEqual(shanghai.endOfLocalDay(addDays(shanghai.localDateOf(c.rectifiedAt!), 7)));

    await signInAs(world.users.CLERK);
    // A visit revisit without the client's signature is refused, in Chinese, and writes nothing.
    const unsigned = await recordRevisitAction({
      complaintId: id,
      round: 1,
      method: "VISIT",
      satisfaction: "SATISFIED",
      clientName: "张三",
      comments: "",
      signatureFileId: "",
    });
    expect(unsigned).toMatchObject({ ok: false, code: "invalid", fieldErrors: { signatureFileId: "上门回访须由客户签字确认" } });
    expect(await db.complaintRevisit.count({ where: { complaintId: id } })).toBe(0);

    const sig = await signature(world.users.CLERK);
    expect(
      await recordRevisitAction({
        complaintId: id,
        round: 1,
        method: "VISIT",
        satisfaction: "SATISFIED",
        clientName: "张三",
        comments: "处理及时",
        signatureFileId: sig,
      }),
    ).toMatchObject({ ok: true });
    const revisit = await db.complaintRevisit.findFirstOrThrow({ where: { complaintId: id } });
    expect(revisit).toMatchObject({ signatureFileId: sig, satisfaction: "SATISFIED", round: 1 });
    expect(revisit.signedAt).not.toBeNull();
    // A replayed revisit does not create a second record.
    expect(
      await recordRevisitAction({ complaintId: id, round: 1, method: "PHONE", satisfaction: "SATISFIED", clientName: "张三" }),
    ).toMatchObject({ ok: false, code: "conflict" });

    await signInAs(world.users.MANAGER);
    expect(await closeComplaintAction({ complaintId: id, round: 1 })).toMatchObject({ ok: true });
    expect(await closeComplaintAction({ complaintId: id, round: 1 })).toMatchObject({ ok: false, code: "conflict" });
    // A rectification on a closed complaint is refused.
    expect(await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "再次整改", photoIds: [] })).toMatchObject({
      ok: false,
      code: "conflict",
    });

    const detail = await getComplaint(id);
    expect(detail).toMatchObject({ state: "CLOSED", rectificationState: "met", revisitState: "met" });
    const audit = await db.auditLog.findMany({ where: { entity: "Complaint", entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "UPDATE", "UPDATE", "UPDATE", "UPDATE"]);
  });

  it("an unsatisfied revisit reopens the complaint with a new rectification deadline from the revisit", async () => {
    await signInAs(world.users.SUPERVISOR);
    const { id } = await created(await createComplaintAction(intake({ severity: "GENERAL" })));
    await startRectificationAction({ complaintId: id, round: 1 });
    await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "已清理", photoIds: [] });
    const revisitedAt = new Date();
    expect(
      await recordRevisitAction({
        complaintId: id,
        round: 1,
        method: "VISIT",
        satisfaction: "UNSATISFIED",
        clientName: "张三",
        comments: "仍有异味",
        signatureFileId: await signature(world.users.SUPERVISOR),
      }),
    ).toMatchObject({
      ok: true,
      data: { reopened: true },
    });
    const c = await db.complaint.findUniqueOrThrow({ where: { id }, include: { rectifications: { orderBy: { round: "asc" } } } });
    expect(c).toMatchObject({ state: "IN_RECTIFICATION", round: 2, rectifiedAt: null, revisitDueAt: null });
    expect(c.rectificationDueAt).toEqual(shanghai.addWorkingDays(c.revisitedAt!, 3).dueAt);
    expect(c.revisitedAt!.getTime()).toBeGreaterThanOrEqual(revisitedAt.getTime());
    expect(c.rectifications.map((r) => r.round)).toEqual([1, 2]);
    expect(c.rectifications[1].dueAt.getTime()).toBe(c.rectificationDueAt.getTime());
    // The old round's replay is refused; the new round goes on.
    expect(await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "x", photoIds: [] })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await recordRectificationAction({ complaintId: id, round: 2, actionTaken: "更换排风扇", photoIds: [] })).toMatchObject({
      ok: true,
    });
  });
});

describe("intake", () => {
  it("a double submission (same request id) creates one complaint", async () => {
    await signInAs(world.users.FRONT_DESK);
    const input = intake();
    const [a, b] = await Promise.all([createComplaintAction(input), createComplaintAction(input)]);
    expect((await created(a)).id).toBe((await created(b)).id);
    expect(await db.complaint.count({ where: { requestId: input.requestId } })).toBe(1);
  });

  it("refuses bad input with Chinese messages and writes nothing", async () => {
    await signInAs(world.users.FRONT_DESK);
    const count = await db.complaint.count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [intake({ description: "" }), "description", /必填/],
      [intake({ departmentId: "unknown-department" }), "departmentId", /责任部门/],
      [intake({ departmentId: world.b.department }), "departmentId", /责任部门/],
      [intake({ tenantId: world.b.tenant }), "tenantId", /业户/],
      [intake({ severity: "CRITICAL" }), "severity", /请从列表中选择/],
      [intake({ receivedAt: new Date(Date.now() - 2 * 86400_000).toISOString() }), "receivedAt", /只有主管或经理/],
    ];
    for (const [input, field, message] of cases) {
      const result = await createComplaintAction(input);
      expect((result as { fieldErrors?: Record<string, string> }).fieldErrors?.[field], `${field}: ${JSON.stringify(result)}`).toMatch(
        message,
      );
    }
    await signInAs(world.users.SUPERVISOR);
    const tooOld = await createComplaintAction(intake({ receivedAt: new Date(Date.now() - 8 * 86400_000).toISOString() }));
    expect((tooOld as { fieldErrors?: Record<string, string> }).fieldErrors?.receivedAt).toMatch(/7 天/);
    const future = await createComplaintAction(intake({ receivedAt: new Date(Date.now() + 3600_000).toISOString() }));
    expect((future as { fieldErrors?: Record<string, string> }).fieldErrors?.receivedAt).toMatch(/不能晚于现在/);
    expect(await db.complaint.count()).toBe(count);
  });

  it("a supervisor may backdate up to 7 days; the record and the audit trail show it", async () => {
    await signInAs(world.users.SUPERVISOR);
    const receivedAt = new Date(Date.now() - 3 * 86400_000);
    const { id } = await created(await createComplaintAction(intake({ receivedAt: receivedAt.toISOString() })));
    const c = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ backdated: true, receivedAt });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "Complaint", entityId: id } });
    expect(audit.changes).toMatchObject({ backdated: { after: true }, receivedAt: { after: receivedAt.toISOString() } });
  });
});

describe("site isolation", () => {
  it("a revisit on a complaint of another site is refused and the complaint is invisible", async () => {
    await signInAs(world.users.ADMIN); // the admin sees both sites but has no complaint rights
    const siteB = await db.complaint.create({
      data: {
        number: "SB-20261127-001",
        requestId: newRequestId(),
        siteId: world.siteB,
        tenantId: world.b.tenant,
        departmentId: world.b.department,
        source: "PHONE",
        category: "REPAIR",
        severity: "GENERAL",
        description: "B site",
        receivedAt: new Date(),
        receivedById: world.users.ADMIN,
        state: "RECTIFIED",
        rectificationDueAt: new Date(),
        rectifiedAt: new Date(),
        revisitDueAt: new Date(Date.now() + 86400_000),
        rectifications: { create: { round: 1, dueAt: new Date() } },
      },
    });
    await signInAs(world.users.CLERK);
    expect(
      await recordRevisitAction({ complaintId: siteB.id, round: 1, method: "PHONE", satisfaction: "SATISFIED", clientName: "X" }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await getComplaint(siteB.id)).toBeNull();
    expect(await db.complaintRevisit.count({ where: { complaintId: siteB.id } })).toBe(0);
  });

  it("a signature uploaded for another site cannot be attached", async () => {
    await signInAs(world.users.SUPERVISOR);
    const { id } = await created(await createComplaintAction(intake({ severity: "GENERAL" })));
    await startRectificationAction({ complaintId: id, round: 1 });
    await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "ok", photoIds: [] });
    const foreign = await signature(world.users.SUPERVISOR, world.siteB);
    const result = await recordRevisitAction({
      complaintId: id,
      round: 1,
      method: "VISIT",
      satisfaction: "SATISFIED",
      clientName: "张三",
      signatureFileId: foreign,
    });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).state).toBe("RECTIFIED");
  });
});
