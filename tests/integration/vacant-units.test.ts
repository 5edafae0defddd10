/**
 * Vacant-unit cleaning against PostgreSQL (§8, R-VAC-1..3): the clerk enters the monthly record for the
 * cleaner, a supervisor other than the one who entered it verifies it or sends it back, a corrected
 * record is submitted again. Every bad input is refused with a Chinese message under its field and
 * writes nothing; the month view and score follow the units' status history.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import {
  resubmitVacantCleaningAction,
  sendBackVacantCleaningAction,
  submitVacantCleaningAction,
  verifyVacantCleaningAction,
} from "@/lib/vacant-units/actions";
import { vacantMonthView, vacantScoreSummary } from "@/lib/vacant-units/queries";
import { getCleaningRecord, printableMonth } from "@/lib/vacant-units/record.queries";
import { addMonths, currentMonth, endOfMonth, firstDayOf } from "@/lib/vacant-units/rules";
import { CHECK_ITEMS } from "@/lib/vacant-units/schema";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

const TZ = "Asia/Shanghai";
const LONG_AGO = new Date("2025-01-01T00:00:00Z");
let world: World;
let n = 0;
let vacantA: string;
let renovationA: string;
let cleanerA: string;
let cleanerB: string;

const today = () => localDateInZone(new Date(), TZ);
const thisMonth = () => currentMonth(new Date(), TZ);

async function unit(siteId: string, code: string, status: "VACANT" | "OCCUPIED" | "RENOVATION") {
  // R-VAC-1: site A's units have their dedicated cleaner (专人) unless a test says otherwise.
  const cleanerId = siteId === world.siteA ? cleanerA : undefined;
  const u = await db.unit.create({ data: { siteId, code, building: "A座", floor: "9F", status, createdAt: LONG_AGO, cleanerId } });
  await db.unitStatusChange.create({ data: { unitId: u.id, status, changedAt: LONG_AGO } });
  return u.id;
}

const photo = (userId: string, siteId = world.siteA) => uploadedFile(userId, siteId);

function record(over: Record<string, unknown> = {}) {
  return {
    requestId: newRequestId(),
    unitId: vacantA,
    month: thisMonth(),
    cleanedOn: today(),
    cleanerId: cleanerA,
    checks: CHECK_ITEMS.map((item) => ({ item, result: "PASS", note: "", photoFileIds: [] as string[] })),
    ...over,
  };
}

async function written() {
  const [records, checks, audits] = await Promise.all([
    db.vacantCleaningRecord.count(),
    db.vacantCleaningCheck.count(),
    db.auditLog.count({ where: { entity: "VacantCleaningRecord" } }),
  ]);
  return { records, checks, audits };
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  cleanerA = (await db.cleaner.create({ data: { siteId: world.siteA, name: "王阿姨", company: "洁美保洁公司" } })).id;
  cleanerB = (await db.cleaner.create({ data: { siteId: world.siteB, name: "李师傅" } })).id;
  vacantA = await unit(world.siteA, "V-901", "VACANT");
  renovationA = await unit(world.siteA, "R-902", "RENOVATION");
});

beforeEach(async () => {
  await db.vacantCleaningRecord.deleteMany();
  await signInAs(world.users.CLERK);
});

describe("R-VAC-3: the clerk enters the record, another supervisor checks it", () => {
  it("a record is submitted once, a replay returns the same record", async () => {
    const input = record();
    const first = await submitVacantCleaningAction(input);
    expect(first).toMatchObject({ ok: true, message: "清洁记录已提交，等待主管检查" });
    const again = await submitVacantCleaningAction(input);
    expect(again).toMatchObject({ ok: true, data: first.ok ? first.data : null });
    expect(await written()).toEqual({ records: 1, checks: 4, audits: 1 });
  });

  it("four eyes: whoever entered the record cannot verify it; another supervisor can, once", async () => {
    await signInAs(world.users.SUPERVISOR);
    const own = await submitVacantCleaningAction(record());
    expect(own.ok).toBe(true);
    const id = own.ok ? own.data.id : "";
    const self = await verifyVacantCleaningAction({ recordId: id });
    expect(self).toMatchObject({ ok: false, message: "不能检查自己填写的记录，须由另一位主管或经理检查" });
    await signInAs(world.users.MANAGER);
    expect(await verifyVacantCleaningAction({ recordId: id })).toMatchObject({ ok: true });
    const twice = await verifyVacantCleaningAction({ recordId: id });
    expect(twice).toMatchObject({ ok: false, code: "conflict" });
    const r = await db.vacantCleaningRecord.findUniqueOrThrow({ where: { id } });
    expect(r).toMatchObject({ state: "VERIFIED", verifiedById: world.users.MANAGER });
  });

  it("sent back with a reason, corrected by the clerk, then verified", async () => {
    const photoId = await photo(world.users.CLERK);
    const created = await submitVacantCleaningAction(record());
    const id = created.ok ? created.data.id : "";
    await signInAs(world.users.SUPERVISOR);
    expect(await sendBackVacantCleaningAction({ recordId: id, reason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: "此项为必填项" },
    });
    expect(await sendBackVacantCleaningAction({ recordId: id, reason: "门窗未拍照确认" })).toMatchObject({ ok: true });
    expect(await db.vacantCleaningRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "SENT_BACK",
      sentBackReason: "门窗未拍照确认",
    });

    await signInAs(world.users.CLERK);
    const checks = CHECK_ITEMS.map((item) =>
      item === "DOORS_WINDOWS"
        ? { item, result: "FAIL", note: "北侧窗户锁扣损坏，已报工程部", photoFileIds: [photoId] }
        : { item, result: "PASS", note: "", photoFileIds: [] },
    );
    const resubmitted = await resubmitVacantCleaningAction({ recordId: id, cleanedOn: today(), cleanerId: cleanerA, checks });
    expect(resubmitted).toMatchObject({ ok: true });
    const checksNow = await db.vacantCleaningCheck.findMany({ where: { recordId: id } });
    expect(checksNow).toHaveLength(4);
    expect(checksNow.find((c) => c.item === "DOORS_WINDOWS")).toMatchObject({ result: "FAIL", photoFileIds: [photoId] });

    await signInAs(world.users.SUPERVISOR);
    expect(await verifyVacantCleaningAction({ recordId: id })).toMatchObject({ ok: true });
  });

  it("another site's record does not exist for the user", async () => {
    const other = await unit(world.siteB, `VB-${n++}`, "VACANT");
    const r = await db.vacantCleaningRecord.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteB,
        unitId: other,
        month: thisMonth(),
        cleanedOn: new Date(`${today()}T00:00:00Z`),
        cleanerId: cleanerB,
        createdById: world.users.CLERK,
      },
    });
    await signInAs(world.users.SUPERVISOR);
    expect(await verifyVacantCleaningAction({ recordId: r.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await submitVacantCleaningAction(record({ unitId: other, cleanerId: cleanerB }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("bad input is refused next to its field, nothing written", () => {
  const refused = async (input: Record<string, unknown>, field: string, message: string) => {
    const before = await written();
    const result = await submitVacantCleaningAction(input);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? {} : result.fieldErrors).toMatchObject({ [field]: message });
    expect(await written()).toEqual(before);
  };

  it("R-VAC-1: a second record for the same unit and month", async () => {
    expect((await submitVacantCleaningAction(record())).ok).toBe(true);
    await refused(record(), "month", "该单元本月已有清洁记录，不能重复填写");
  });

  it("R-VAC-1: a record for an occupied or under-renovation unit", async () => {
    await refused(record({ unitId: world.a.unit }), "unitId", "该单元在本月不是空置单元（已入住或装修中），不能填写空置清洁记录");
    await refused(record({ unitId: renovationA }), "unitId", "该单元在本月不是空置单元（已入住或装修中），不能填写空置清洁记录");
  });

  it("a cleaning date in the future or outside the record's month", async () => {
    await refused(record({ cleanedOn: addDays(today(), 1) }), "cleanedOn", "清洁日期不能晚于今天");
    await refused(record({ cleanedOn: addDays(firstDayOf(thisMonth()), -1) }), "cleanedOn", "清洁日期须在记录的月份之内");
    await refused(record({ month: addMonths(thisMonth(), -1), cleanedOn: today() }), "cleanedOn", "清洁日期须在记录的月份之内");
  });

  it("a failed check without a note", async () => {
    const checks = CHECK_ITEMS.map((item) => ({ item, result: item === "WALLS" ? "FAIL" : "PASS", note: "  ", photoFileIds: [] }));
    await refused(record({ checks }), "checks.1.note", "不合格项请填写情况说明");
  });

  it("a cleaner of another site", async () => {
    await refused(record({ cleanerId: cleanerB }), "cleanerId", "请选择本项目在岗的保洁员");
  });

  it("photos of another site, or someone else's", async () => {
    const otherSite = await photo(world.users.CLERK, world.siteB);
    const checks = CHECK_ITEMS.map((item, i) => ({ item, result: "PASS", note: "", photoFileIds: i === 0 ? [otherSite] : [] }));
    await refused(record({ checks }), "checks.0.photoFileIds", "照片或签名无效：只能使用您本人为本项目上传的文件，请重新上传");
    const notMine = await photo(world.users.SUPERVISOR);
    const checks2 = CHECK_ITEMS.map((item, i) => ({ item, result: "PASS", note: "", photoFileIds: i === 2 ? [notMine] : [] }));
    await refused(record({ checks: checks2 }), "checks.2.photoFileIds", "照片或签名无效：只能使用您本人为本项目上传的文件，请重新上传");
  });
});

describe("R-VAC-1, R-VAC-3: the month view and the score", () => {
  it("rows of due units with state; occupied units leave, newly vacant ones join; score counts verified all-pass", async () => {
    const joined = await unit(world.siteA, `J-${n++}`, "OCCUPIED");
    await db.unit.update({ where: { id: joined }, data: { status: "VACANT" } });
    await db.unitStatusChange.create({ data: { unitId: joined, status: "VACANT" } });
    const left = await unit(world.siteA, `L-${n++}`, "VACANT");
    await db.unit.update({ where: { id: left }, data: { status: "OCCUPIED" } });
    await db.unitStatusChange.create({ data: { unitId: left, status: "OCCUPIED" } });

    const created = await submitVacantCleaningAction(record());
    await signInAs(world.users.SUPERVISOR);
    await verifyVacantCleaningAction({ recordId: created.ok ? created.data.id : "" });

    await signInAs(world.users.MANAGER);
    const view = await vacantMonthView({ site: world.siteA });
    const codes = view.rows.map((r) => r.id);
    expect(codes).toContain(vacantA);
    expect(codes).toContain(joined);
    expect(codes).not.toContain(left);
    expect(codes).not.toContain(renovationA);
    expect(view.rows.find((r) => r.id === vacantA)).toMatchObject({
      state: "verified",
      lastCleanedOn: today(),
      cleaner: { name: "王阿姨" },
      noCleaner: false,
    });
    expect(view.rows.find((r) => r.id === joined)).toMatchObject({ state: "notYet" });
    const score = view.siteScores[0];
    expect(score.current).toMatchObject({ due: 2, done: 1, verified: 1, verifiedPassed: 1, score: 50 });
    expect(score.history).toHaveLength(6);
    // Last month: the left unit was still vacant at its end and nobody cleaned it.
    const lastMonth = score.history[4];
    expect(lastMonth).toMatchObject({ month: addMonths(thisMonth(), -1), overdue: lastMonth.due, score: 0 });

    // The managers' dashboard card: the same figures, this month and last, only for the manager's sites.
    const card = await vacantScoreSummary();
    expect(card.map((c) => c.site.id)).toEqual([world.siteA]);
    expect(card[0].current).toMatchObject({ month: thisMonth(), due: 2, done: 1, verified: 1, score: 50 });
    expect(card[0].last).toMatchObject({ month: addMonths(thisMonth(), -1), score: lastMonth.score, overdue: lastMonth.overdue });
    // It reads the units and their status history in its own statement (scoreUnitsIn): every figure is the view's.
    expect(card[0].current).toEqual(score.current);
    expect(card[0].last).toEqual(lastMonth);

    // The clerk sees the view but not the score history, and has no score card.
    await signInAs(world.users.CLERK);
    expect((await vacantMonthView({ site: world.siteA })).siteScores[0].history).toEqual([]);
    await expect(vacantScoreSummary()).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a unit cleaned this month and then let stays visible with its record, but is no longer counted as due", async () => {
    const let_ = await unit(world.siteA, `C-${n++}`, "VACANT");
    await signInAs(world.users.CLERK);
    expect(await submitVacantCleaningAction(record({ unitId: let_ }))).toMatchObject({ ok: true });
    await db.unit.update({ where: { id: let_ }, data: { status: "OCCUPIED" } });
    await db.unitStatusChange.create({ data: { unitId: let_, status: "OCCUPIED" } });

    await signInAs(world.users.MANAGER);
    const view = await vacantMonthView({ site: world.siteA });
    expect(view.rows.find((r) => r.id === let_)).toMatchObject({ state: "submitted", statusNow: "OCCUPIED" });
    const due = view.siteScores[0].current.due;
    expect(view.rows.filter((r) => r.statusNow === "VACANT").length).toBe(due);
  });
});

describe("R-VAC-1..3: the score counts each unit as the rules read it (in SQL)", () => {
  it("an ended month: due by the status at its end; done, verified, all passed, overdue and substitutes", async () => {
    const last = addMonths(thisMonth(), -1);
    const monthEnd = endOfMonth(last, TZ);
    const lastOf = async () => (await vacantMonthView({ site: world.siteA })).siteScores[0].history[4];
    await signInAs(world.users.MANAGER);
    const before = await lastOf();
    expect(before.month).toBe(last);

    const created = async (status: "VACANT" | "OCCUPIED", history: [string, number][], createdAt = LONG_AGO) => {
      const u = await db.unit.create({
        data: { siteId: world.siteA, code: `S-${n++}`, building: "B座", floor: "3F", status, createdAt, cleanerId: cleanerA },
      });
      for (const [s, at] of history)
        await db.unitStatusChange.create({ data: { unitId: u.id, status: s as never, changedAt: new Date(at) } });
      return u.id;
    };
    const kept = async (unitId: string, state: "SUBMITTED" | "VERIFIED" | "SENT_BACK", failed = 0, substituteReason?: string) =>
      db.vacantCleaningRecord.create({
        data: {
          requestId: newRequestId(),
          siteId: world.siteA,
          unitId,
          month: last,
          cleanedOn: new Date(`${firstDayOf(last)}T00:00:00Z`),
          cleanerId: cleanerA,
          state,
          substituteReason,
          createdById: world.users.CLERK,
          checks: { create: CHECK_ITEMS.map((item, i) => ({ item, result: i < failed ? "FAIL" : "PASS" })) },
        },
      });
    const end = monthEnd.getTime();
    const vacantSince = [["VACANT", LONG_AGO.getTime()]] as [string, number][];
    // Due: vacant at the month's end.
    await kept(await created("VACANT", vacantSince), "VERIFIED"); // verified, all four passed
    await kept(await created("VACANT", vacantSince), "VERIFIED", 1); // verified, a check failed
    await kept(await created("VACANT", vacantSince), "SUBMITTED", 0, "王阿姨病假"); // done by a substitute
    await kept(await created("VACANT", vacantSince), "SENT_BACK"); // still sent back at the month's end: overdue
    await created("VACANT", []); // no history, vacant since before the month: no record, overdue
    await created("OCCUPIED", [...vacantSince, ["OCCUPIED", end + 1]]); // let just after the month ended: overdue
    await kept(
      await created("VACANT", [
        ["OCCUPIED", LONG_AGO.getTime()],
        ["VACANT", end - 10 * 86_400_000],
      ]),
      "SUBMITTED",
    ); // vacated in the month
    // Not due: let at the month's end, or not there yet.
    await created("OCCUPIED", [...vacantSince, ["OCCUPIED", end - 10 * 86_400_000]]);
    await created("VACANT", [
      ["OCCUPIED", LONG_AGO.getTime()],
      ["VACANT", end + 1],
    ]);
    await created("VACANT", [], new Date(end + 1));

    const after = await lastOf();
    const delta = (k: "due" | "done" | "verified" | "verifiedPassed" | "overdue" | "substitutes") => after[k] - before[k];
    expect({
      due: delta("due"),
      done: delta("done"),
      verified: delta("verified"),
      verifiedPassed: delta("verifiedPassed"),
      overdue: delta("overdue"),
      substitutes: delta("substitutes"),
    }).toEqual({ due: 7, done: 4, verified: 2, verifiedPassed: 1, overdue: 3, substitutes: 1 });
    expect(after.score).toBe(after.due === 0 ? null : Math.round((1000 * after.verifiedPassed) / after.due) / 10);
    // The dashboard card reads the same statement.
    expect((await vacantScoreSummary())[0].last).toEqual(after);
  });
});

describe("R-VAC-1 (专人): the unit's dedicated cleaner, or a substitute with a reason", () => {
  it("a substitute without a reason is refused under the field and nothing is written; with one it is kept and shown", async () => {
    const stand_in = (await db.cleaner.create({ data: { siteId: world.siteA, name: `张阿姨${n++}` } })).id;
    const before = await written();
    const refused = await submitVacantCleaningAction(record({ cleanerId: stand_in }));
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { substituteReason: "不是本单元的专人保洁员，请填写代班原因" },
    });
    expect(await written()).toEqual(before);

    const saved = await submitVacantCleaningAction(record({ cleanerId: stand_in, substituteReason: " 王阿姨病假 " }));
    expect(saved).toMatchObject({ ok: true });
    const id = (saved as { data: { id: string } }).data.id;
    expect(await db.vacantCleaningRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ substituteReason: "王阿姨病假" });
    const detail = await getCleaningRecord(id);
    expect(detail).toMatchObject({ substituteReason: "王阿姨病假", unit: { cleaner: { name: "王阿姨" } } });
    const sheet = await printableMonth(world.siteA, thisMonth());
    expect(sheet.rows.find((r) => r.id === vacantA)?.record).toMatchObject({ substituteReason: "王阿姨病假" });

    await signInAs(world.users.MANAGER);
    const view = await vacantMonthView({ site: world.siteA });
    expect(view.rows.find((r) => r.id === vacantA)?.record).toMatchObject({ substituteReason: "王阿姨病假" });
    expect(view.siteScores[0].current.substitutes).toBe(1);

    // The assigned cleaner needs no reason, and one typed anyway is not kept.
    await db.vacantCleaningRecord.deleteMany();
    await signInAs(world.users.CLERK);
    const own = await submitVacantCleaningAction(record({ substituteReason: "无" }));
    expect(own).toMatchObject({ ok: true });
    expect(await db.vacantCleaningRecord.findFirstOrThrow()).toMatchObject({ substituteReason: null });
  });

  it("a correction by a substitute also needs the reason", async () => {
    const stand_in = (await db.cleaner.create({ data: { siteId: world.siteA, name: `赵阿姨${n++}` } })).id;
    const first = await submitVacantCleaningAction(record());
    const id = (first as { data: { id: string } }).data.id;
    await signInAs(world.users.SUPERVISOR);
    expect(await sendBackVacantCleaningAction({ recordId: id, reason: "照片不清" })).toMatchObject({ ok: true });
    await signInAs(world.users.CLERK);
    const checks = CHECK_ITEMS.map((item) => ({ item, result: "PASS", note: "", photoFileIds: [] as string[] }));
    expect(await resubmitVacantCleaningAction({ recordId: id, cleanedOn: today(), cleanerId: stand_in, checks })).toMatchObject({
      ok: false,
      fieldErrors: { substituteReason: expect.any(String) },
    });
    expect(
      await resubmitVacantCleaningAction({
        recordId: id,
        cleanedOn: today(),
        cleanerId: stand_in,
        substituteReason: "重做时专人休假",
        checks,
      }),
    ).toMatchObject({ ok: true });
    expect(await db.vacantCleaningRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ substituteReason: "重做时专人休假" });
  });

  it("a vacant unit without a dedicated cleaner is listed as a problem, and every record for it names a reason", async () => {
    const orphan = await unit(world.siteA, `O-${n++}`, "VACANT");
    await db.unit.update({ where: { id: orphan }, data: { cleanerId: null } });
    expect(await submitVacantCleaningAction(record({ unitId: orphan }))).toMatchObject({
      ok: false,
      fieldErrors: { substituteReason: expect.any(String) },
    });
    expect(await submitVacantCleaningAction(record({ unitId: orphan, substituteReason: "专人尚未指定" }))).toMatchObject({ ok: true });
    await signInAs(world.users.MANAGER);
    const view = await vacantMonthView({ site: world.siteA });
    expect(view.rows.find((r) => r.id === orphan)).toMatchObject({ cleaner: null, noCleaner: true });
    expect(view.siteScores[0].withoutCleaner).toBeGreaterThanOrEqual(1);
    await db.unit.update({ where: { id: orphan }, data: { status: "OCCUPIED" } });
  });
});
