/**
 * Reminders of the vacant-unit (R-VAC-1/3) and weekly-meeting (R-MTG-1/3) modules, run by the same
 * reminder run as the complaint deadlines (lib/reminders/run.ts) against real Postgres: recipients,
 * one notification per person and day, reruns, site scope, and what is NOT reminded.
 *
 * The days (Asia/Shanghai, the fixture sites' zone, 2026 statutory calendar): Friday 2026-02-27 is in
 * February's month-end window (Thu 26, Fri 27, make-up Sat 28) but not the week's last working day;
 * Saturday 2026-02-28 (调休上班) is both.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runRemindersAction } from "@/lib/reminders/actions";
import { runReminders, runScheduledReminders, type UserDigest } from "@/lib/reminders/run";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

let world: World;
let extra: { managerB: string; supervisorOffA: string; coordinatorA: string };
let ids: { recordWaiting: string; meetingLeave: string; meetingDecided: string };

const sh = (local: string) => new Date(`${local}+08:00`);
const day = (date: string) => new Date(`${date}T00:00:00Z`);
const LONG_AGO = new Date("2025-01-01T00:00:00Z");
const requestId = newRequestId;

async function user(
  username: string,
  role: "MANAGER" | "SUPERVISOR",
  siteId: string,
  opts: { disabled?: boolean; duty?: "CLEANING" | "COORDINATION" } = {},
) {
  const created = await db.user.create({
    data: {
      username,
      name: username,
      role,
      duty: opts.duty ?? null,
      passwordHash: "x",
      disabled: opts.disabled ?? false,
      sites: { create: [{ siteId }] },
    },
    select: { id: true },
  });
  return created.id;
}

async function vacantUnit(siteId: string, code: string) {
  return (
    await db.unit.create({
      data: { siteId, code, building: "B座", floor: "3F", status: "VACANT", createdAt: LONG_AGO },
      select: { id: true },
    })
  ).id;
}

async function cleaningRecord(
  siteId: string,
  unitId: string,
  cleanerId: string,
  state: "SUBMITTED" | "VERIFIED" | "SENT_BACK",
  submittedAt: Date,
) {
  const r = await db.vacantCleaningRecord.create({
    data: {
      requestId: requestId(),
      siteId,
      unitId,
      month: "2026-02",
      cleanedOn: day("2026-02-20"),
      cleanerId,
      state,
      createdById: world.users.CLERK,
      createdAt: submittedAt,
      updatedAt: submittedAt,
    },
    select: { id: true },
  });
  return r.id;
}

/** The notifications of one kind, as [user, site] pairs, sorted. */
async function holders(kind: string, where: { link?: string; dedupeKey?: { contains: string } } = {}) {
  const rows = await db.notification.findMany({ where: { kind, ...where }, select: { userId: true, siteId: true } });
  return rows.map((r) => `${r.userId}@${r.siteId}`).sort();
}
const at = (userId: string, siteId: string) => `${userId}@${siteId}`;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  const u = world.users;
  extra = {
    managerB: await user("manager-b", "MANAGER", world.siteB),
    supervisorOffA: await user("supervisor-off", "SUPERVISOR", world.siteA, { disabled: true, duty: "CLEANING" }),
    coordinatorA: await user("coordinator-a", "SUPERVISOR", world.siteA, { duty: "COORDINATION" }),
  };

  // Vacant units: on A one not cleaned, one verified, one sent back, one submitted a week ago; on B one not cleaned.
  const cleanerA = (await db.cleaner.create({ data: { siteId: world.siteA, name: "王阿姨" }, select: { id: true } })).id;
  await vacantUnit(world.siteA, "V-101");
  await cleaningRecord(world.siteA, await vacantUnit(world.siteA, "V-102"), cleanerA, "VERIFIED", sh("2026-02-10T10:00:00"));
  await cleaningRecord(world.siteA, await vacantUnit(world.siteA, "V-103"), cleanerA, "SENT_BACK", sh("2026-02-24T10:00:00"));
  const waiting = await cleaningRecord(
    world.siteA,
    await vacantUnit(world.siteA, "V-104"),
    cleanerA,
    "SUBMITTED",
    sh("2026-02-20T10:00:00"),
  );
  await vacantUnit(world.siteB, "V-201");

  // Meetings on A: the department meeting (Sat 08:00, one leave pending) and the cleaning meeting (same
  // day, its leave decided) are held this week; the canteen meeting is not. On B one series, not held.
  const series = (siteId: string, kind: "DEPARTMENT" | "CLEANING" | "CANTEEN", name: string, convenerId: string, minuteTakerId: string) =>
    db.meetingSeries.create({
      data: { siteId, kind, name, convenerId, minuteTakerId, place: "会议室", startsOn: day("2026-01-05") },
      select: { id: true },
    });
  const dept = await series(world.siteA, "DEPARTMENT", "部门例会", u.MANAGER, u.CLERK);
  const cleaning = await series(world.siteA, "CLEANING", "保洁例会", u.SUPERVISOR, u.SUPERVISOR);
  await series(world.siteA, "CANTEEN", "食堂例会", extra.coordinatorA, u.CLERK);
  await series(world.siteB, "DEPARTMENT", "B部门例会", extra.managerB, extra.managerB);

  const meetingWithLeave = async (
    seriesId: string,
    state: "PENDING" | "APPROVED",
    participant: { userId: string; name: string; superiorId?: string },
  ) => {
    const p = await db.meetingParticipant.create({ data: { seriesId, ...participant }, select: { id: true } });
    // The superior attends too: only someone who can open the meeting can decide its leave (R-MTG-4).
    const others = participant.superiorId
      ? [
          (await db.meetingParticipant.create({ data: { seriesId, userId: participant.superiorId, name: "上级" }, select: { id: true } }))
            .id,
        ]
      : [];
    const m = await db.meeting.create({
      data: {
        requestId: requestId(),
        seriesId,
        siteId: world.siteA,
        date: day("2026-02-28"),
        startsAt: sh("2026-02-28T08:00:00"),
        place: "会议室",
        createdById: u.CLERK,
        attendance: { create: [p.id, ...others].map((participantId) => ({ participantId })) },
      },
      select: { id: true },
    });
    await db.leaveRequest.create({
      data: {
        requestId: requestId(),
        meetingId: m.id,
        participantId: p.id,
        reason: "外出办事",
        state,
        requestedById: participant.userId,
        ...(state === "APPROVED" ? { decidedById: u.MANAGER, decidedAt: sh("2026-02-26T10:00:00") } : {}),
      },
    });
    return m.id;
  };
  ids = {
    recordWaiting: waiting,
    meetingLeave: await meetingWithLeave(dept.id, "PENDING", { userId: extra.coordinatorA, name: "协调主管", superiorId: u.SUPERVISOR }),
    meetingDecided: await meetingWithLeave(cleaning.id, "APPROVED", { userId: u.CLERK, name: "内勤" }),
  };
});

describe("Friday 2026-02-27 09:00 (month-end window; not the week's last working day)", () => {
  const now = sh("2026-02-27T09:00:00");
  let digests: UserDigest[] = [];

  it("creates the reminders once; reruns the same day create nothing", async () => {
    const first = await runReminders(now, undefined, { deliver: async (d) => void (digests = d) });
    // Matters: A month end, A awaiting, B month end, A department meeting leave.
    expect(first).toEqual({ sites: 2, reminders: 4, created: 7 }); // 3 month end, 2 awaiting, 2 leave
    expect(await runReminders(now)).toMatchObject({ created: 0 });
    expect(await runReminders(sh("2026-02-27T18:00:00"))).toMatchObject({ created: 0 });
    expect(await db.notification.count()).toBe(7);
  });

  it("month end: managers and cleaning supervisors of each site, counting only the units not done", async () => {
    const u = world.users;
    expect(await holders("vacant.month_end")).toEqual(
      [at(u.MANAGER, world.siteA), at(u.SUPERVISOR, world.siteA), at(extra.managerB, world.siteB)].sort(),
    );
    const row = await db.notification.findFirstOrThrow({ where: { kind: "vacant.month_end", userId: u.MANAGER } });
    // V-101 (nothing) and V-103 (sent back); V-102 verified and V-104 submitted this month are done.
    expect(row).toMatchObject({
      title: "月底将至：还有 2 个空置单元本月未完成保洁记录",
      body: "测试项目A · 本月（2026-02）每个空置单元须保洁一次并填写《空置单元清洁记录表》",
      link: "/vacant-units",
      dedupeKey: `vacant.month_end:${world.siteA}:2026-02-27:${u.MANAGER}`,
      texts: {
        en: {
          title: "Month end: 2 vacant units have no cleaning record this month",
          body: "测试项目A · every vacant unit must be cleaned and recorded once in 2026-02",
        },
      },
    });
    const b = await db.notification.findFirstOrThrow({ where: { kind: "vacant.month_end", userId: extra.managerB } });
    expect(b.title).toContain("还有 1 个");
  });

  it("awaiting verification: the verifiers of site A (not the clerk who entered it), linked to the record", async () => {
    const u = world.users;
    expect(await holders("vacant.awaiting_verification")).toEqual([at(u.MANAGER, world.siteA), at(u.SUPERVISOR, world.siteA)].sort());
    const row = await db.notification.findFirstOrThrow({ where: { kind: "vacant.awaiting_verification", userId: u.SUPERVISOR } });
    expect(row).toMatchObject({
      link: `/vacant-units/records/${ids.recordWaiting}`,
      body: "测试项目A · 最早提交于 2026-02-20 10:00 · V-104",
    });
  });

  it("pending leave within four days: the participant's superior and the site manager; a decided leave nobody", async () => {
    const u = world.users;
    expect(await holders("meeting.leave_pending", { link: `/meetings/${ids.meetingLeave}` })).toEqual(
      [at(u.MANAGER, world.siteA), at(u.SUPERVISOR, world.siteA)].sort(),
    );
    expect(await holders("meeting.leave_pending", { link: `/meetings/${ids.meetingDecided}` })).toEqual([]);
    const row = await db.notification.findFirstOrThrow({ where: { kind: "meeting.leave_pending", userId: u.SUPERVISOR } });
    expect(row.title).toBe("部门例会即将召开：1 条请假申请待审批");
    expect(row.texts).toEqual({
      en: {
        title: "部门例会 soon: 1 leave request awaits a decision",
        body: expect.stringMatching(
          /^测试项目A · starts 2026-\d\d-\d\d \d\d:\d\d · asking: .+ \(only leave approved before the meeting excuses\)$/,
        ),
      },
    });
    expect(await holders("meeting.week_missing")).toEqual([]);
  });

  it("nobody else: not clerks, front desk, admin, the coordination supervisor, the disabled supervisor or other sites' users", async () => {
    const u = world.users;
    const others = [u.CLERK, u.FRONT_DESK, u.ADMIN, extra.coordinatorA, extra.supervisorOffA];
    expect(await db.notification.count({ where: { userId: { in: others } } })).toBe(0);
    expect(await db.notification.count({ where: { userId: extra.managerB, siteId: { not: world.siteB } } })).toBe(0);
  });

  it("the email digest carries them", async () => {
    const manager = digests.find((d) => d.userId === world.users.MANAGER);
    expect(manager?.notifications.map((n) => n.title).sort()).toEqual(
      [
        "月底将至：还有 2 个空置单元本月未完成保洁记录",
        "1 份空置单元清洁记录待审核（已等待 2 个工作日以上）",
        "部门例会即将召开：1 条请假申请待审批",
      ].sort(),
    );
  });
});

describe("Saturday 2026-02-28 (make-up working day): the scheduled morning run", () => {
  it("reminds the series not held this week to its convener and minute-taker, and the month end once more", async () => {
    const u = world.users;
    const before = await db.notification.count();
    const result = await runScheduledReminders(sh("2026-02-28T08:30:00"), new Map());
    expect(result.siteIds.sort()).toEqual([world.siteA, world.siteB].sort());
    // Canteen (A): coordinator + clerk; B's series: its manager. Department and cleaning met this week.
    expect(await holders("meeting.week_missing")).toEqual(
      [at(extra.coordinatorA, world.siteA), at(u.CLERK, world.siteA), at(extra.managerB, world.siteB)].sort(),
    );
    const row = await db.notification.findFirstOrThrow({ where: { kind: "meeting.week_missing", userId: u.CLERK } });
    expect(row).toMatchObject({
      title: "本周食堂例会尚未召开",
      body: "测试项目A · 本周（2026-02-23 至 2026-03-01）须召开一次",
      link: "/meetings",
    });
    // One per person and day: the month end and awaiting reminders again (new day), the leave no more (the meeting began).
    expect(await db.notification.count({ where: { userId: u.MANAGER, kind: "vacant.month_end" } })).toBe(2);
    expect(await db.notification.count({ where: { kind: "meeting.leave_pending" } })).toBe(2);
    expect(result.created).toBe(3 + 3 + 2);
    expect(await db.notification.count()).toBe(before + 8);
    expect(await runReminders(sh("2026-02-28T11:00:00"))).toMatchObject({ created: 0 });
  });
});

describe("the manager's run now", () => {
  it("includes the module reminders of the manager's sites", async () => {
    // A meeting two hours from now (real time) with a pending leave of the clerk (superior: the convener).
    const u = world.users;
    const series = await db.meetingSeries.findFirstOrThrow({ where: { siteId: world.siteA, kind: "DEPARTMENT" }, select: { id: true } });
    const p = await db.meetingParticipant.create({ data: { seriesId: series.id, userId: u.CLERK, name: "内勤" }, select: { id: true } });
    const startsAt = new Date(Date.now() + 2 * 3_600_000);
    const m = await db.meeting.create({
      data: {
        requestId: requestId(),
        seriesId: series.id,
        siteId: world.siteA,
        date: day(startsAt.toISOString().slice(0, 10)),
        startsAt,
        place: "会议室",
        createdById: u.CLERK,
      },
      select: { id: true },
    });
    await db.leaveRequest.create({
      data: { requestId: requestId(), meetingId: m.id, participantId: p.id, reason: "病假", requestedById: u.CLERK },
    });

    await signInAs(u.MANAGER);
    const result = await runRemindersAction({});
    expect(result).toMatchObject({ ok: true, data: { sites: 1 } });
    expect(await holders("meeting.leave_pending", { link: `/meetings/${m.id}` })).toEqual([at(u.MANAGER, world.siteA)]);
  });
});
