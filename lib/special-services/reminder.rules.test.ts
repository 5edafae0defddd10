/** R-SVC-2 reminders on the 2026 calendar (Shanghai): when a phone revisit is reminded, and to whom. */
import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import type { SiteMember } from "@/lib/reminders/source";
import { computeServiceRevisitReminders, serviceReminderDedupeKey, type ReminderOrder } from "./reminder.rules";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

const members: SiteMember[] = [
  { userId: "manager", role: "MANAGER", disabled: false },
  { userId: "supervisor", role: "SUPERVISOR", disabled: false },
  { userId: "clerk", role: "CLERK", disabled: false },
  { userId: "clerk-gone", role: "CLERK", disabled: true },
  { userId: "desk", role: "FRONT_DESK", disabled: false },
  { userId: "engineer", role: "ENGINEER", disabled: false },
];
const order = (dueDate: string, over: Partial<ReminderOrder> = {}): ReminderOrder => ({
  id: `o-${dueDate}`,
  noticeNumber: "JF-HQ-20261001-001",
  serviceName: "地毯深度清洗",
  tenantName: "业户甲",
  revisitDueAt: endOf(dueDate),
  doneRecordedById: null,
  ...over,
});
const run = (orders: ReminderOrder[], now: Date) => computeServiceRevisitReminders({ orders, members, calendar: shanghai, now });

describe("R-SVC-2 phone-revisit reminders", () => {
  it("due soon on the last working day before the deadline's day, across National Day", () => {
    // Due Thu 8 Oct: the last working day before it is Wed 30 Sep (1–7 Oct are holidays).
    expect(run([order("2026-10-08")], sh("2026-09-30T08:30:00"))).toMatchObject([{ status: "due_soon" }]);
    expect(run([order("2026-10-08")], sh("2026-09-29T08:30:00"))).toEqual([]);
  });

  it("due today on the day, overdue every day after, with a key per local day", () => {
    const [today] = run([order("2026-10-10")], sh("2026-10-10T08:30:00"));
    expect(today).toMatchObject({ status: "due_today", dedupeKey: serviceReminderDedupeKey("o-2026-10-10", "2026-10-10") });
    const [late] = run([order("2026-10-10")], sh("2026-10-12T08:30:00"));
    expect(late).toMatchObject({ status: "overdue", localDate: "2026-10-12" });
  });

  it("goes to active client-service staff who may revisit, and to whoever recorded the service", () => {
    const [r] = run([order("2026-11-26", { doneRecordedById: "desk" })], sh("2026-11-26T08:30:00"));
    expect(r.recipients).toEqual(["clerk", "desk", "manager", "supervisor"]);
    const [plain] = run([order("2026-11-26")], sh("2026-11-26T08:30:00"));
    expect(plain.recipients).toEqual(["clerk", "manager", "supervisor"]);
  });
});
