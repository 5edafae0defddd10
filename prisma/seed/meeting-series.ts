/**
 * The three weekly meeting series of each site (R-MTG-1, §3.4 of the regulation):
 *
 * - 部门例会: convened by the project manager; the coordination and the cleaning supervisor attend; the
 *   clerk takes the minutes (and attends).
 * - 保洁工作例会: convened by the cleaning supervisor, who also takes the minutes; the cleaning company's
 *   supervisor and foremen attend (named people without accounts).
 * - 餐厅工作例会: convened by the coordination supervisor, who also takes the minutes; the catering
 *   company's manager and foremen attend.
 *
 * Every expected person is a participant, convener and minute-taker included. Leave is approved by the
 * convener unless a participant names another superior (staff of the department report to the manager).
 * The series count from the Monday twelve weeks before `now` (site time), so past weeks can be checked for
 * missing meetings. Idempotent per site: a site that already has a series gets nothing. No audit rows.
 */
import { addDays, dateColumn, dayOfWeek, localDateInZone } from "../../lib/calendar";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { MeetingKind } from "../../lib/generated/prisma/enums";

interface External {
  name: string;
  organization: string;
  position: string;
}

/** Contractors' people per site code (invented names); other sites get the HQ set. */
const CLEANING_COMPANY: Record<string, External[]> = {
  HQ: [
    { name: "陈卫东", organization: "洁美保洁服务有限公司", position: "保洁主管" },
    { name: "黄秀兰", organization: "洁美保洁服务有限公司", position: "领班" },
    { name: "吴建军", organization: "洁美保洁服务有限公司", position: "领班" },
  ],
  SP: [
    { name: "郑丽华", organization: "净源物业清洁有限公司", position: "保洁主管" },
    { name: "冯国强", organization: "净源物业清洁有限公司", position: "领班" },
  ],
};
const CATERING_COMPANY: Record<string, External[]> = {
  HQ: [
    { name: "周立新", organization: "味佳餐饮管理有限公司", position: "经理" },
    { name: "何春梅", organization: "味佳餐饮管理有限公司", position: "领班" },
    { name: "林志刚", organization: "味佳餐饮管理有限公司", position: "领班" },
  ],
  SP: [
    { name: "唐建平", organization: "禾丰团餐服务有限公司", position: "经理" },
    { name: "宋晓燕", organization: "禾丰团餐服务有限公司", position: "领班" },
  ],
};

/** Weekly slot of each series: ISO weekday (1 = Monday), start time (site time) and place. */
const SLOTS: Record<MeetingKind, { name: string; weekday: number; startTime: string; place: string }> = {
  DEPARTMENT: { name: "部门例会", weekday: 1, startTime: "09:00", place: "客务部会议室" },
  CLEANING: { name: "保洁工作例会", weekday: 3, startTime: "15:00", place: "保洁休息室" },
  CANTEEN: { name: "餐厅工作例会", weekday: 4, startTime: "14:00", place: "员工餐厅" },
};

const WEEKS_BACK = 12;

export async function seedMeetingSeries(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const sites = await db.site.findMany({ select: { id: true, code: true, name: true, timeZone: true }, orderBy: { code: "asc" } });
  const staff = await db.user.findMany({
    where: { username: { in: ["manager", "supervisor", "coordinator", "clerk"] }, disabled: false },
    select: { id: true, username: true, name: true, sites: { select: { siteId: true } } },
  });
  const existing = new Set((await db.meetingSeries.findMany({ select: { siteId: true }, distinct: ["siteId"] })).map((s) => s.siteId));

  for (const site of sites) {
    if (existing.has(site.id)) continue;
    const onSite = (username: string) => staff.find((u) => u.username === username && u.sites.some((s) => s.siteId === site.id));
    const manager = onSite("manager");
    const cleaning = onSite("supervisor");
    const coordination = onSite("coordinator");
    const clerk = onSite("clerk");
    if (!manager || !cleaning || !coordination || !clerk) {
      options.log(`  meetings: ${site.name} lacks the demo staff, no series`);
      continue;
    }
    const today = localDateInZone(now, site.timeZone);
    // The Monday WEEKS_BACK weeks before this week (dayOfWeek: 0 = Sunday … 6 = Saturday).
    const monday = addDays(today, -((dayOfWeek(today) + 6) % 7) - 7 * WEEKS_BACK);
    const startsOn = dateColumn(monday);
    const staffRow = (u: { id: string; name: string }, position: string, superiorId: string | null = null) => ({
      userId: u.id,
      name: u.name,
      position,
      superiorId,
    });
    const externals = (list: External[]) => list.map((p) => ({ name: p.name, organization: p.organization, position: p.position }));
    const plan: {
      kind: MeetingKind;
      convenerId: string;
      minuteTakerId: string;
      participants: Prisma.MeetingParticipantCreateWithoutSeriesInput[];
    }[] = [
      {
        kind: "DEPARTMENT",
        convenerId: manager.id,
        minuteTakerId: clerk.id,
        participants: [
          staffRow(manager, "项目经理"),
          staffRow(coordination, "客户协调主管", manager.id),
          staffRow(cleaning, "公共区域保洁主管", manager.id),
          staffRow(clerk, "部门内勤", manager.id),
        ],
      },
      {
        kind: "CLEANING",
        convenerId: cleaning.id,
        minuteTakerId: cleaning.id,
        participants: [
          staffRow(cleaning, "公共区域保洁主管", manager.id),
          ...externals(CLEANING_COMPANY[site.code] ?? CLEANING_COMPANY.HQ),
        ],
      },
      {
        kind: "CANTEEN",
        convenerId: coordination.id,
        minuteTakerId: coordination.id,
        participants: [
          staffRow(coordination, "客户协调主管", manager.id),
          ...externals(CATERING_COMPANY[site.code] ?? CATERING_COMPANY.HQ),
        ],
      },
    ];
    await db.$transaction(async (tx) => {
      for (const series of plan) {
        const slot = SLOTS[series.kind];
        await tx.meetingSeries.create({
          data: {
            siteId: site.id,
            kind: series.kind,
            name: slot.name,
            convenerId: series.convenerId,
            minuteTakerId: series.minuteTakerId,
            weekday: slot.weekday,
            startTime: slot.startTime,
            place: slot.place,
            startsOn,
            participants: { create: series.participants },
          },
        });
      }
    });
    options.log(`  meetings: ${site.name} — 3 weekly series from ${monday}`);
  }
}
