/**
 * Contractors against PostgreSQL (§6, §7, §10, §11): the companies of a site, their staff on the one
 * register of people without accounts (shared with the vacant-unit cleaners), catering staff's health
 * certificates and their reminders, training records and the violation log. Every bad input is refused
 * with a Chinese message under its field and writes nothing; another site's records do not exist.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays, localDateInZone } from "@/lib/calendar";
import {
  createContractorAction,
  createContractorStaffAction,
  recordHealthCertificateAction,
  recordTrainingAction,
  recordViolationAction,
  recordViolationResponseAction,
  updateContractorAction,
  updateContractorStaffAction,
} from "@/lib/contractors/actions";
import { db } from "@/lib/db";
import { runReminders } from "@/lib/reminders/run";
import { newRequestId } from "@/lib/request-id";
import { assignUnitCleanerAction } from "@/lib/vacant-units/actions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { uploadedFile } from "../support/files";

const TZ = "Asia/Shanghai";
let world: World;
let caterer: string;
let cleaning: string;
let cook: string;
let cleanerOfB: string;
const today = () => localDateInZone(new Date(), TZ);
const day = (d: string) => new Date(`${d}T00:00:00Z`);

const contractor = (over: Record<string, unknown> = {}) => ({
  siteId: world.siteA,
  kind: "CATERING",
  name: "美味送餐公司",
  contractStart: "2026-01-01",
  contractEnd: "2027-12-31",
  contactName: "周经理",
  contactPhone: "13900000000",
  ...over,
});
const certificate = (over: Record<string, unknown> = {}) => ({
  requestId: newRequestId(),
  staffId: cook,
  number: "JK-2026-0001",
  issuedOn: "2026-01-05",
  expiresOn: "2027-01-04",
  ...over,
});
const counts = async () => ({
  contractors: await db.contractor.count(),
  cleaners: await db.cleaner.count(),
  certificates: await db.healthCertificate.count(),
  trainings: await db.contractorTraining.count(),
  violations: await db.contractorViolation.count(),
  audits: await db.auditLog.count(),
});

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await signInAs(world.users.SUPERVISOR);
  caterer = ((await createContractorAction(contractor())) as { data: { id: string } }).data.id;
  cleaning = ((await createContractorAction(contractor({ kind: "CLEANING", name: "洁美保洁公司" }))) as { data: { id: string } }).data.id;
  const staff = await createContractorStaffAction({
    contractorId: caterer,
    name: "赵厨师",
    post: "厨师",
    workArea: "厨房",
    workingHours: "06:00-14:00",
    badgeNo: "C-01",
  });
  cook = (staff as { data: { id: string } }).data.id;
  const b = await db.contractor.create({
    data: {
      siteId: world.siteB,
      kind: "CLEANING",
      name: "B保洁",
      contractStart: day("2026-01-01"),
      contractEnd: day("2026-12-31"),
      contactName: "甲",
      contactPhone: "13700000000",
    },
  });
  cleanerOfB = (await db.cleaner.create({ data: { siteId: world.siteB, name: "B保洁员", contractorId: b.id, post: "保洁员" } })).id;
});

beforeEach(async () => {
  await signInAs(world.users.SUPERVISOR);
});

describe("contractors and their staff (§10.1, §11)", () => {
  it("a company with its contract and contact; staff on the cleaner register with post, area, hours and badge", async () => {
    expect(await db.contractor.findUniqueOrThrow({ where: { id: caterer } })).toMatchObject({ kind: "CATERING", contactName: "周经理" });
    expect(await db.cleaner.findUniqueOrThrow({ where: { id: cook } })).toMatchObject({
      contractorId: caterer,
      company: "美味送餐公司",
      post: "厨师",
      workArea: "厨房",
      workingHours: "06:00-14:00",
      badgeNo: "C-01",
    });
  });

  it("a contract ending before it starts, or a name already used, is refused; nothing written", async () => {
    const before = await counts();
    expect(await createContractorAction(contractor({ name: "新公司", contractEnd: "2025-12-31" }))).toMatchObject({
      ok: false,
      fieldErrors: { contractEnd: "合同结束日期不能早于开始日期" },
    });
    expect(await createContractorAction(contractor())).toMatchObject({ ok: false, fieldErrors: { name: "本项目已有同名的外包单位" } });
    expect(await createContractorAction(contractor({ siteId: world.siteB, name: "别处" }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await counts()).toEqual(before);
  });

  it("a vacant-unit cleaner already on the register joins the cleaning company instead of being registered twice", async () => {
    const vacantCleaner = await db.cleaner.create({ data: { siteId: world.siteA, name: "王阿姨" } });
    const result = await createContractorStaffAction({ contractorId: cleaning, name: "王阿姨", post: "保洁员", workArea: "A座 1-5F" });
    expect(result).toMatchObject({ ok: true, data: { id: vacantCleaner.id } });
    expect(await db.cleaner.findUniqueOrThrow({ where: { id: vacantCleaner.id } })).toMatchObject({
      contractorId: cleaning,
      post: "保洁员",
    });
    // Another company's employee of the same name is refused.
    expect(await createContractorStaffAction({ contractorId: caterer, name: "王阿姨", post: "服务员" })).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.stringContaining("同名") },
    });
  });

  it("catering staff cannot be a vacant unit's dedicated cleaner; the cleaning company's can", async () => {
    const unit = await db.unit.create({ data: { siteId: world.siteA, code: "V-1", building: "A座", floor: "3F", status: "VACANT" } });
    await signInAs(world.users.MANAGER);
    expect(await assignUnitCleanerAction({ unitId: unit.id, cleanerId: cook })).toMatchObject({
      ok: false,
      fieldErrors: { cleanerId: expect.any(String) },
    });
    const cleaner = await db.cleaner.findFirstOrThrow({ where: { contractorId: cleaning } });
    expect(await assignUnitCleanerAction({ unitId: unit.id, cleanerId: cleaner.id })).toMatchObject({ ok: true });
  });

  it("an employee's edit keeps the record; a stale version or another site's employee is refused", async () => {
    const version = (await db.cleaner.findUniqueOrThrow({ where: { id: cook } })).version;
    const input = {
      id: cook,
      version,
      name: "赵厨师",
      post: "厨师长",
      workArea: "厨房",
      workingHours: "06:00-14:00",
      badgeNo: "C-01",
      active: true,
    };
    expect(await updateContractorStaffAction(input)).toMatchObject({ ok: true });
    expect(await updateContractorStaffAction(input)).toMatchObject({ ok: false, code: "stale" });
    expect(await updateContractorStaffAction({ ...input, id: cleanerOfB, version: 0 })).toMatchObject({ ok: false, code: "not_found" });
    const c = await db.contractor.findUniqueOrThrow({ where: { id: caterer } });
    expect(
      await updateContractorAction({ ...contractor(), siteId: undefined, kind: undefined, id: caterer, version: c.version, active: true }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});

describe("health certificates (健康证, §11.3(4))", () => {
  it("recorded with its photo; a replay records it once", async () => {
    const photo = await uploadedFile(world.users.SUPERVISOR, world.siteA);
    const input = certificate({ photoFileIds: [photo] });
    const first = await recordHealthCertificateAction(input);
    expect(first).toMatchObject({ ok: true });
    expect(await recordHealthCertificateAction(input)).toEqual(first);
    expect(await db.fileAttachment.count({ where: { fileId: photo, entity: "HEALTH_CERTIFICATE" } })).toBe(1);
  });

  it("an expiry before the issue date is refused with a Chinese message, nothing written", async () => {
    const before = await counts();
    expect(await recordHealthCertificateAction(certificate({ issuedOn: "2026-03-01", expiresOn: "2026-02-28" }))).toMatchObject({
      ok: false,
      fieldErrors: { expiresOn: "有效期不能早于发证日期" },
    });
    expect(
      await recordHealthCertificateAction(certificate({ issuedOn: addDays(today(), 1), expiresOn: addDays(today(), 400) })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { issuedOn: "发证日期不能晚于今天" },
    });
    const cleaner = await db.cleaner.findFirstOrThrow({ where: { contractorId: cleaning } });
    expect(await recordHealthCertificateAction(certificate({ staffId: cleaner.id }))).toMatchObject({
      ok: false,
      fieldErrors: { staffId: "只有送餐公司人员需要登记健康证" },
    });
    expect(await recordHealthCertificateAction(certificate({ staffId: cleanerOfB }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await counts()).toEqual(before);
  });

  it("a reminder 30 days before expiry and one when expired, each once, to managers and coordination supervisors", async () => {
    const coordinator = await db.user.create({
      data: {
        username: "coord",
        name: "协调主管",
        role: "SUPERVISOR",
        duty: "COORDINATION",
        passwordHash: "x",
        sites: { create: [{ siteId: world.siteA }] },
      },
    });
    const waiter = await db.cleaner.create({ data: { siteId: world.siteA, name: "孙服务员", contractorId: caterer, post: "服务员" } });
    await db.healthCertificate.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteA,
        cleanerId: waiter.id,
        number: "JK-9",
        issuedOn: day("2025-07-01"),
        expiresOn: day("2026-07-20"),
        createdById: world.users.MANAGER,
      },
    });
    const at = (d: string) => new Date(`${d}T09:00:00+08:00`);
    await runReminders(at("2026-06-19"), [world.siteA]); // 31 days before: nothing
    expect(await db.notification.count({ where: { kind: { startsWith: "contractor.certificate" } } })).toBe(0);
    await runReminders(at("2026-06-20"), [world.siteA]);
    await runReminders(at("2026-06-21"), [world.siteA]);
    const soon = await db.notification.findMany({ where: { kind: "contractor.certificate_soon" } });
    expect(soon.map((n) => n.userId).sort()).toEqual([world.users.MANAGER, coordinator.id].sort());
    expect(soon[0]!.title).toBe("孙服务员 的健康证将于 2026-07-20 到期，请督促送餐公司及时更换");
    await runReminders(at("2026-07-21"), [world.siteA]);
    await runReminders(at("2026-07-22"), [world.siteA]);
    expect(await db.notification.count({ where: { kind: "contractor.certificate_expired" } })).toBe(2);
    // The cleaning-duty supervisor of the world hears nothing of the canteen.
    expect(await db.notification.count({ where: { userId: world.users.SUPERVISOR, kind: { startsWith: "contractor." } } })).toBe(0);
  });
});

describe("training records (§10, §11.4(4))", () => {
  const training = (over: Record<string, unknown> = {}) => ({
    requestId: newRequestId(),
    contractorId: caterer,
    heldOn: today(),
    trainer: "李主管",
    content: "《食品卫生法》与餐具高温消毒",
    attendeeIds: [cook],
    ...over,
  });

  it("date, trainer, content and attendees from the staff register", async () => {
    const result = await recordTrainingAction(training());
    expect(result).toMatchObject({ ok: true });
    const row = await db.contractorTraining.findUniqueOrThrow({
      where: { id: (result as { data: { id: string } }).data.id },
      include: { attendees: true },
    });
    expect(row.attendees.map((a) => a.cleanerId)).toEqual([cook]);
  });

  it("no attendee, another contractor's employee, a future date or another site is refused", async () => {
    const before = await counts();
    expect(await recordTrainingAction(training({ attendeeIds: [] }))).toMatchObject({
      ok: false,
      fieldErrors: { attendeeIds: "请选择参加人员" },
    });
    const cleaner = await db.cleaner.findFirstOrThrow({ where: { contractorId: cleaning } });
    expect(await recordTrainingAction(training({ attendeeIds: [cleaner.id] }))).toMatchObject({
      ok: false,
      fieldErrors: { attendeeIds: "参加人员必须是该外包单位的人员" },
    });
    expect(await recordTrainingAction(training({ heldOn: addDays(today(), 1) }))).toMatchObject({
      ok: false,
      fieldErrors: { heldOn: "日期不能晚于今天" },
    });
    const b = await db.cleaner.findUniqueOrThrow({ where: { id: cleanerOfB } });
    expect(await recordTrainingAction(training({ contractorId: b.contractorId, attendeeIds: [cleanerOfB] }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await counts()).toEqual(before);
  });
});

describe("violations (§6, §7)", () => {
  const violation = (over: Record<string, unknown> = {}) => ({
    requestId: newRequestId(),
    contractorId: cleaning,
    staffId: "",
    kind: "GARBAGE_ROOM_SMOKING_OR_FIRE",
    occurredOn: today(),
    description: "垃圾房内吸烟",
    chargeAmount: "",
    ...over,
  });

  it("lost tools are charged at cost with an exact amount; a photo is evidence; the response is recorded once", async () => {
    const photo = await uploadedFile(world.users.SUPERVISOR, world.siteA);
    const staff = await db.cleaner.findFirstOrThrow({ where: { contractorId: cleaning } });
    const result = await recordViolationAction(
      violation({
        kind: "TOOLS_LOST_OR_DAMAGED",
        staffId: staff.id,
        description: "遗失尘推",
        chargeAmount: "35.10",
        photoFileIds: [photo],
      }),
    );
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: string } }).data.id;
    const row = await db.contractorViolation.findUniqueOrThrow({ where: { id } });
    expect(row.chargeAmount?.toString()).toBe("35.1");
    expect(row.chargeAmount?.toFixed(2)).toBe("35.10");
    expect(await db.fileAttachment.count({ where: { fileId: photo, entity: "CONTRACTOR_VIOLATION", entityId: id } })).toBe(1);

    expect(await recordViolationResponseAction({ violationId: id, response: "已照价赔偿" })).toMatchObject({ ok: true });
    expect(await recordViolationResponseAction({ violationId: id, response: "已照价赔偿" })).toMatchObject({ ok: true });
    expect(await recordViolationResponseAction({ violationId: id, response: "另一答复" })).toMatchObject({
      ok: false,
      fieldErrors: { response: "该违规已登记答复" },
    });
    expect(await db.auditLog.count({ where: { entity: "ContractorViolation", entityId: id } })).toBe(2);
  });

  it("bad amounts, a missing amount for lost tools, another contractor's employee or another site are refused", async () => {
    const before = await counts();
    for (const bad of ["-5", "12.345", "abc"])
      expect(await recordViolationAction(violation({ chargeAmount: bad }))).toMatchObject({
        ok: false,
        fieldErrors: { chargeAmount: "请填写金额，最多两位小数" },
      });
    expect(await recordViolationAction(violation({ kind: "TOOLS_LOST_OR_DAMAGED" }))).toMatchObject({
      ok: false,
      fieldErrors: { chargeAmount: "损坏、遗失工具须填写照价赔偿金额" },
    });
    expect(await recordViolationAction(violation({ staffId: cook }))).toMatchObject({
      ok: false,
      fieldErrors: { staffId: "该人员不属于所选外包单位" },
    });
    const b = await db.cleaner.findUniqueOrThrow({ where: { id: cleanerOfB } });
    expect(await recordViolationAction(violation({ contractorId: b.contractorId }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(world.users.CLERK);
    expect(await recordViolationAction(violation())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await counts()).toEqual(before);
  });
});
