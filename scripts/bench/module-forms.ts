// The bench's forms of the modules beyond the crash test's four (./forms.ts): each module's main form,
// submitted by the role that fills it (lib/permissions.ts), every submission a fresh, valid write —
// its own request id where the action takes one, its own unit, meeting, tenant or work order where
// the record can be written once only (pools from ./forms-prepare.ts).
//
// The contractors' form is the violation log (§6, `contractor:conduct`), the cleaning supervisor's:
// the daily canteen check (R-CAT-1) is taken once per site and local day, so a pool of them would need
// as many sites as submissions; the cleaning supervisor's day steps (R-CLN-1) likewise, and they are
// refused on days off.
import { randomUUID } from "node:crypto";
import { VacantCheckItem } from "../../lib/generated/prisma/enums";
import type { Plan } from "../faults/workload";
import type { BenchForm } from "./forms";
import type { ModulePlan } from "./forms-prepare";

export type ModuleAction =
  | "submitVacantCleaningAction"
  | "recordAttendanceAction"
  | "recordSurveyResponseAction"
  | "createServiceOrderAction"
  | "recordViolationAction"
  | "registerFoundItemAction"
  | "recordWasteClearanceAction"
  | "markWorkOrderFixedAction";

/** Takes from a pool; null when it is used up (the form's load ends there). */
const taker = (pool: string[]) => {
  const left = [...pool];
  return () => left.pop() ?? null;
};

export function moduleForms(plan: Plan, modules: ModulePlan): BenchForm[] {
  const { siteId } = plan;
  const { today } = modules;
  const vacantUnit = taker(modules.vacant.unitIds);
  const meeting = taker(modules.meetings.meetingIds);
  const tenant = taker(modules.survey.tenantIds);
  const workOrder = taker(modules.workOrderIds);
  const month = today.slice(0, 7);
  return [
    {
      // 《空置单元清洁记录表》 entered by client-service staff for the cleaner (R-VAC-1..3).
      name: "form: vacant-unit cleaning",
      action: "submitVacantCleaningAction",
      page: "/vacant-units/record",
      who: "clerk",
      next: () => {
        const unitId = vacantUnit();
        if (!unitId) return null;
        return {
          requestId: randomUUID(),
          unitId,
          month,
          cleanedOn: today,
          cleanerId: modules.vacant.cleanerId,
          checks: Object.values(VacantCheckItem).map((item) => ({ item, result: "PASS" })),
        };
      },
    },
    {
      // The minute-taker records who came to the week's meeting (R-MTG-3).
      name: "form: meeting attendance",
      action: "recordAttendanceAction",
      page: "/meetings/[id]",
      who: "clerk",
      next: () => {
        const meetingId = meeting();
        if (!meetingId) return null;
        const last = modules.meetings.participantIds.length - 1;
        return {
          meetingId,
          entries: modules.meetings.participantIds.map((participantId, i) =>
            i === last ? { participantId, status: "LATE", note: "迟到十分钟" } : { participantId, status: "PRESENT" },
          ),
        };
      },
    },
    {
      // A tenant's paper questionnaire with its opinion, entered by client-service staff (§3.2).
      name: "form: survey response",
      action: "recordSurveyResponseAction",
      page: "/surveys/[id]/respond/[tenantId]",
      who: "clerk",
      next: () => {
        const tenantId = tenant();
        if (!tenantId) return null;
        return {
          roundId: modules.survey.roundId,
          tenantId,
          respondentName: "行政主管",
          answers: modules.survey.questionIds.map((questionId, i) => ({ questionId, score: i % 2 ? 4 : 5 })),
          opinion: "电梯高峰期等候时间较长，希望改善。",
        };
      },
    },
    {
      // A paid special service ordered for a tenant at the agreed price (R-SVC-1).
      name: "form: special-service order",
      action: "createServiceOrderAction",
      page: "/special-services/new",
      who: "clerk",
      next: () => ({
        requestId: randomUUID(),
        siteId,
        serviceId: modules.serviceId,
        tenantId: plan.tenantId,
        unitId: plan.unitId,
        agreedPrice: "120",
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        details: "会议室地毯清洗",
      }),
    },
    {
      // A violation by the cleaning company's staff, logged by the cleaning supervisor (§6).
      name: "form: contractor violation",
      action: "recordViolationAction",
      page: "/contractors/violations",
      who: "cleaningSupervisor",
      next: () => ({
        requestId: randomUUID(),
        contractorId: modules.contractor.id,
        staffId: modules.contractor.staffId,
        kind: "NO_UNIFORM_OR_BADGE",
        occurredOn: today,
        description: "当班未佩戴工作牌",
      }),
    },
    {
      // An item the garbage-room staff handed in, registered by client service (R-LOST-1).
      name: "form: found item",
      action: "registerFoundItemAction",
      page: "/found-items/new",
      who: "clerk",
      next: () => ({
        requestId: randomUUID(),
        siteId,
        description: "黑色雨伞一把",
        foundPlace: "B座垃圾房",
        foundOn: today,
        foundTime: "00:00",
        foundByName: "保洁员",
        keptAt: "客服中心",
      }),
    },
    {
      // One clearance of a waste stream, logged by client service (R-WST-3).
      name: "form: waste clearance",
      action: "recordWasteClearanceAction",
      page: "/waste/record",
      who: "clerk",
      next: () => ({
        requestId: randomUUID(),
        siteId,
        stream: "RECYCLABLE",
        clearedOn: today,
        quantity: 12.5,
        unit: "KG",
        takenBy: "再生资源回收站",
      }),
    },
    {
      // Engineering records the fix of a fault an inspection round found (R-INS-5: open → fixed).
      name: "form: work-order fixed",
      action: "markWorkOrderFixedAction",
      page: "/work-orders/[id]",
      who: "engineer",
      next: () => {
        const workOrderId = workOrder();
        return workOrderId ? { workOrderId, fixNote: "已更换灯管" } : null;
      },
    },
  ];
}
