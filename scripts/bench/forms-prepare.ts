// What the bench's forms of the other modules write against, made directly in the database at the
// site the crash test's `prepare` made (scripts/faults/workload.ts; setup is not under test): their
// accounts, and a pool per form whose record can be written once only — vacant units due this month
// (R-VAC-1: one record per unit and month), held meetings with their expected people, tenants who
// have not answered the open survey round (one response per tenant and round), open work orders.
// Forms that create a record of their own each time (a special-service order, a contractor violation,
// a found item, a waste clearance) only need what they name: a catalogue service, a contractor with
// one employee.
import { addDays, dateColumn, instantFromLocalDateTime, localDateInZone } from "../../lib/calendar";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Plan } from "../faults/workload";

/** The bench's accounts besides the crash test's manager and coordination supervisor. */
export type ModuleWho = "clerk" | "cleaningSupervisor" | "engineer";

export interface ModulePlan {
  usernames: Record<ModuleWho, string>;
  /** The site's local date when prepared (the records' day). */
  today: string;
  vacant: { cleanerId: string; unitIds: string[] };
  meetings: { participantIds: string[]; meetingIds: string[] };
  survey: { roundId: string; questionIds: string[]; tenantIds: string[] };
  serviceId: string;
  contractor: { id: string; staffId: string };
  workOrderIds: string[];
}

const DEFAULT_TZ = "Asia/Shanghai";

export async function prepareModules(db: PrismaClient, plan: Plan, options: { passwordHash: string; size: number }): Promise<ModulePlan> {
  const { siteId, siteCode: code, tag } = plan;
  const { size } = options;
  const site = await db.site.findUniqueOrThrow({ where: { id: siteId }, select: { timeZone: true } });
  const timeZone = site.timeZone || DEFAULT_TZ;
  const today = localDateInZone(new Date(), timeZone);
  const idOf = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
  const [managerId, coordinatorId] = [await idOf(plan.usernames.manager), await idOf(plan.usernames.coordinator)];

  const usernames: Record<ModuleWho, string> = {
    clerk: `flt_clerk_${tag}`,
    cleaningSupervisor: `flt_clean_${tag}`,
    engineer: `flt_eng_${tag}`,
  };
  const user = (username: string, role: "CLERK" | "SUPERVISOR" | "ENGINEER", duty: "CLEANING" | null = null) =>
    db.user.create({
      data: { username, name: username, role, duty, passwordHash: options.passwordHash, sites: { create: [{ siteId }] } },
      select: { id: true },
    });
  const clerk = await user(usernames.clerk, "CLERK");
  await user(usernames.cleaningSupervisor, "SUPERVISOR", "CLEANING");
  await user(usernames.engineer, "ENGINEER");

  // Vacant units (R-VAC-1): vacant since they were made (no status history), each with its dedicated cleaner.
  const cleaner = await db.cleaner.create({ data: { siteId, name: `压测保洁${code}` }, select: { id: true } });
  await db.unit.createMany({
    data: Array.from({ length: size }, (_, i) => ({
      siteId,
      code: `V-${code}-${i}`,
      building: "B座",
      floor: `${1 + (i % 20)}F`,
      status: "VACANT" as const,
      cleanerId: cleaner.id,
    })),
  });
  const unitIds = (await db.unit.findMany({ where: { siteId, status: "VACANT" }, select: { id: true } })).map((u) => u.id);

  // A department meeting series: the manager convenes, the clerk takes the minutes (records attendance);
  // meetings on past days, each expecting the series' people, none recorded yet.
  const series = await db.meetingSeries.create({
    data: {
      siteId,
      kind: "DEPARTMENT",
      name: `部门例会${code}`,
      convenerId: managerId,
      minuteTakerId: clerk.id,
      place: "会议室",
      startsOn: dateColumn(addDays(today, -size - 7)),
    },
    select: { id: true },
  });
  await db.meetingParticipant.createMany({
    data: ["张敏", "李强", "王芳", "赵磊"].map((name) => ({ seriesId: series.id, name, organization: "客户服务部" })),
  });
  const participantIds = (await db.meetingParticipant.findMany({ where: { seriesId: series.id }, select: { id: true } })).map((p) => p.id);
  await db.meeting.createMany({
    data: Array.from({ length: size }, (_, i) => {
      const date = addDays(today, -(i + 1));
      return {
        requestId: `flt-mtg-${tag}-${i}`,
        seriesId: series.id,
        siteId,
        date: dateColumn(date),
        startsAt: instantFromLocalDateTime(`${date}T09:00`, timeZone),
        place: "会议室",
        createdById: managerId,
      };
    }),
  });
  const meetingIds = (await db.meeting.findMany({ where: { seriesId: series.id }, select: { id: true } })).map((m) => m.id);
  await db.meetingAttendance.createMany({
    data: meetingIds.flatMap((meetingId) => participantIds.map((participantId) => ({ meetingId, participantId }))),
  });

  // An open survey round with the company's current questionnaire, and tenants yet to answer it.
  const questionnaire = await db.surveyQuestionnaire.findFirst({
    where: { current: true },
    orderBy: { version: "desc" },
    select: { id: true, questions: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  if (!questionnaire) throw new Error("no current survey questionnaire (seed the demo data first)");
  const round = await db.surveyRound.create({
    data: {
      requestId: `flt-round-${tag}`,
      siteId,
      title: `压测满意度调查${code}`,
      periodStart: dateColumn(addDays(today, -30)),
      periodEnd: dateColumn(addDays(today, 150)),
      questionnaireId: questionnaire.id,
      openedById: managerId,
    },
    select: { id: true },
  });
  await db.tenant.createMany({ data: Array.from({ length: size }, (_, i) => ({ siteId, name: `受访业户${code}-${i}` })) });
  const tenantIds = (await db.tenant.findMany({ where: { siteId, name: { startsWith: `受访业户${code}-` } }, select: { id: true } })).map(
    (t) => t.id,
  );

  // The special-service catalogue entry (R-SVC-1) and a cleaning company with one employee.
  const service = await db.specialService.create({
    data: { siteId, name: `地毯清洗${code}`, unitLabel: "次", priceFen: 12_000 },
    select: { id: true },
  });
  const contractor = await db.contractor.create({
    data: {
      siteId,
      kind: "CLEANING",
      name: `压测保洁公司${code}`,
      contractStart: dateColumn(addDays(today, -365)),
      contractEnd: dateColumn(addDays(today, 365)),
      contactName: "陈经理",
      contactPhone: "13800000000",
    },
    select: { id: true },
  });
  const staff = await db.cleaner.create({
    data: { siteId, name: `保洁员${code}`, contractorId: contractor.id, post: "保洁员" },
    select: { id: true },
  });

  // Open work orders from inspection rounds (R-INS-5), waiting for engineering's fix.
  await db.workOrder.createMany({
    data: Array.from({ length: size }, (_, i) => ({
      number: `WO-${code}-${i}`,
      siteId,
      areaId: plan.areaIds[0],
      description: `灯具损坏 ${i + 1}`,
      createdById: coordinatorId,
    })),
  });
  const workOrderIds = (await db.workOrder.findMany({ where: { siteId, state: "OPEN" }, select: { id: true } })).map((w) => w.id);

  return {
    usernames,
    today,
    vacant: { cleanerId: cleaner.id, unitIds },
    meetings: { participantIds, meetingIds },
    survey: { roundId: round.id, questionIds: questionnaire.questions.map((q) => q.id), tenantIds },
    serviceId: service.id,
    contractor: { id: contractor.id, staffId: staff.id },
    workOrderIds,
  };
}
