/**
 * Nothing doubled: every create action of the permission table has an idempotency key or a unique rule,
 * so the same submission fired 20 times at once makes one record, and every answer agrees (the same id,
 * or the same "already exists" refusal for a unique rule). The walked list is derived from the table:
 * a new create action fails here until it is walked.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAreaAction } from "@/lib/registry/area.actions";
import { db } from "@/lib/db";
import { createDepartmentAction } from "@/lib/registry/department.actions";
import { createNewspaperSubscriptionAction, createNewspaperTitleAction } from "@/lib/newspapers/actions";
import { ACTION_PERMISSIONS, COMPANY_WIDE, ROLES, roleHas, seesAllSites, type ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import { createSignatoryAction } from "@/lib/signatories/actions";
import { createSiteAction } from "@/lib/registry/site.actions";
import { createTenantAction } from "@/lib/registry/tenant.actions";
import { createUnitAction } from "@/lib/registry/unit.actions";
import { createUserAction } from "@/lib/registry/user.actions";
import { createCleanerAction } from "@/lib/vacant-units/actions";
import * as complaintActions from "@/lib/complaints/actions";
import {
  createContractorAction,
  createContractorStaffAction,
  recordHealthCertificateAction,
  recordTrainingAction,
  recordViolationAction,
  recordViolationResponseAction,
  submitCanteenCheckAction,
  submitWeeklyDocAction,
} from "@/lib/contractors/actions";
import { weekStartOf } from "@/lib/contractors/rules";
import { CANTEEN_ITEMS } from "@/lib/contractors/schema";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { uploadedFile } from "../support/files";
import { resetDatabase } from "../support/reset-db";
import { chatChannelsMatrix } from "./matrix/chat-channels";
import { cleaningSupervisionMatrix } from "./matrix/cleaning-supervision";
import { complaintsMatrix } from "./matrix/complaints";
import { filesMatrix } from "./matrix/files";
import { foundItemsMatrix } from "./matrix/found-items";
import { goodsPassesMatrix } from "./matrix/goods-passes";
import { inspectionsMatrix } from "./matrix/inspections";
import { meetingsMatrix } from "./matrix/meetings";
import { newspapersMatrix } from "./matrix/newspapers";
import { revisitSigningMatrix } from "./matrix/revisit-signing";
import { specialServicesMatrix } from "./matrix/special-services";
import { surveysMatrix } from "./matrix/surveys";
import type { MatrixModule } from "./matrix/types";
import { vacantUnitsMatrix } from "./matrix/vacant-units";
import { wasteMatrix } from "./matrix/waste";
import { workOrdersMatrix } from "./matrix/work-orders";

type Answer = { ok: boolean; code?: string; data?: { id?: string } };
type Walk = {
  action: (input: unknown) => Promise<Answer>;
  /** Counts the records of the kind the action makes. */
  count: () => Promise<number>;
  /** One submission (called once: the 20 copies are the same request, keys included). */
  input: (w: World, actorId: string) => Promise<unknown> | unknown;
};

let world: World;
const today = new Date().toISOString().slice(0, 10);

const WALKED: Partial<Record<ActionName, Walk>> = {
  // Unique rules: code / username / name per site.
  createSiteAction: {
    action: createSiteAction,
    count: () => db.site.count(),
    input: () => ({
      code: "DUP1",
      name: "新项目",
      address: null,
      timeZone: "Asia/Shanghai",
      slot1Start: "09:00",
      slot1End: "12:00",
      slot2Start: "14:00",
      slot2End: "17:30",
      inspectOnWeekends: false,
    }),
  },
  createAreaAction: {
    action: createAreaAction,
    count: () => db.area.count(),
    input: (w) => ({ siteId: w.siteA, name: "重复区域", type: "RESTROOM", building: "A座", floor: "2F", active: true }),
  },
  createUnitAction: {
    action: createUnitAction,
    count: () => db.unit.count(),
    input: (w) => ({ siteId: w.siteA, code: "D-0101", building: "A座", floor: "3F", areaSqm: "", status: "VACANT", tenantId: "" }),
  },
  createTenantAction: {
    action: createTenantAction,
    count: () => db.tenant.count(),
    input: (w) => ({ siteId: w.siteA, name: "重复公司", notes: "", contacts: [{ name: "李四", position: "", phone: "13900000000" }] }),
  },
  createDepartmentAction: {
    action: createDepartmentAction,
    count: () => db.department.count(),
    input: (w) => ({ siteId: w.siteA, name: "重复部门", kind: "SECURITY", contactName: "", contactPhone: "" }),
  },
  createUserAction: {
    action: createUserAction,
    count: () => db.user.count(),
    input: (w) => ({ username: "dup.user", password: "Secret12345", name: "新同事", role: "CLERK", duty: null, siteIds: [w.siteA] }),
  },
  createNewspaperTitleAction: {
    action: createNewspaperTitleAction,
    count: () => db.newspaperTitle.count(),
    input: (w) => ({ siteId: w.siteA, name: "重复日报", publisher: "" }),
  },
  createCleanerAction: {
    action: createCleanerAction,
    count: () => db.cleaner.count(),
    input: (w) => ({ siteId: w.siteA, name: "重复保洁", company: "", phone: "" }),
  },
  // Request ids.
  createNewspaperSubscriptionAction: {
    action: createNewspaperSubscriptionAction,
    count: () => db.newspaperSubscription.count(),
    input: async (w) => {
      const title = await db.newspaperTitle.create({ data: { siteId: w.siteA, name: `订阅报${Date.now()}` } });
      return {
        requestId: newRequestId(),
        siteId: w.siteA,
        titleId: title.id,
        tenantId: w.a.tenant,
        unitId: w.a.unit,
        copies: 2,
        startsOn: today,
        endsOn: "",
      };
    },
  },
  createSignatoryAction: {
    action: createSignatoryAction,
    count: () => db.authorisedSignatory.count(),
    input: async (w, actorId) => ({
      requestId: newRequestId(),
      siteId: w.siteA,
      tenantId: w.a.tenant,
      name: "赵六",
      position: "",
      phone: "13800001111",
      certificateFileId: await uploadedFile(actorId, w.siteA, "PHOTO"),
      specimenFileId: await uploadedFile(actorId, w.siteA, "SIGNATURE"),
      validFrom: today,
      validTo: "2099-12-31",
    }),
  },
  // Contractors (lib/contractors): a unique name per site, request ids, a guarded response.
  createContractorAction: {
    action: createContractorAction,
    count: () => db.contractor.count(),
    input: (w) => ({
      siteId: w.siteA,
      kind: "CLEANING",
      name: "重复保洁公司",
      contractStart: "2026-01-01",
      contractEnd: "2026-12-31",
      contactName: "王经理",
      contactPhone: "13800000001",
    }),
  },
  createContractorStaffAction: {
    action: createContractorStaffAction,
    count: () => db.cleaner.count(),
    input: async (w) => ({ contractorId: (await caterer(w)).contractor, name: "重复厨师", post: "厨师" }),
  },
  recordHealthCertificateAction: {
    action: recordHealthCertificateAction,
    count: () => db.healthCertificate.count(),
    input: async (w) => ({
      requestId: newRequestId(),
      staffId: (await caterer(w)).staff,
      number: "JK-DUP",
      issuedOn: "2026-01-01",
      expiresOn: "2026-12-31",
    }),
  },
  recordTrainingAction: {
    action: recordTrainingAction,
    count: () => db.contractorTraining.count(),
    input: async (w) => {
      const c = await caterer(w);
      return {
        requestId: newRequestId(),
        contractorId: c.contractor,
        heldOn: shanghaiToday(),
        trainer: "李主管",
        content: "餐具消毒",
        attendeeIds: [c.staff],
      };
    },
  },
  recordViolationAction: {
    action: recordViolationAction,
    count: () => db.contractorViolation.count(),
    input: async (w) => ({
      requestId: newRequestId(),
      contractorId: (await caterer(w)).contractor,
      kind: "ENTERED_OFFICES",
      occurredOn: shanghaiToday(),
      description: "进入办公区",
    }),
  },
  recordViolationResponseAction: {
    action: recordViolationResponseAction,
    count: () => db.contractorViolation.count({ where: { response: { not: null } } }),
    input: async (w, actorId) => {
      const c = await caterer(w);
      const v = await db.contractorViolation.create({
        data: {
          requestId: newRequestId(),
          siteId: w.siteA,
          contractorId: c.contractor,
          kind: "IMPOLITE",
          occurredOn: new Date(`${shanghaiToday()}T00:00:00Z`),
          description: "态度生硬",
          createdById: actorId,
        },
      });
      return { violationId: v.id, response: "已批评教育" };
    },
  },
  submitCanteenCheckAction: {
    action: submitCanteenCheckAction,
    count: () => db.canteenCheck.count(),
    input: (w) => ({
      requestId: newRequestId(),
      siteId: w.siteA,
      breakfastKinds: 8,
      lunchMainDishes: 5,
      lunchStaples: 4,
      dinnerKinds: 8,
      results: CANTEEN_ITEMS.map((item) => ({ item, result: "PASS", note: "", photoFileIds: [] })),
      resolution: "NONE",
    }),
  },
  submitWeeklyDocAction: {
    action: submitWeeklyDocAction,
    count: () => db.canteenWeeklyDoc.count(),
    input: (w) => ({
      requestId: newRequestId(),
      siteId: w.siteA,
      kind: "WEEKLY_MENU",
      weekStart: weekStartOf(shanghaiToday()),
      text: "本周菜单",
    }),
  },
};

const shanghaiToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
let catererFixture: { contractor: string; staff: string } | undefined;
/** A catering company of site A with one employee, made once. */
async function caterer(w: World) {
  if (catererFixture) return catererFixture;
  const contractor = await db.contractor.create({
    data: {
      siteId: w.siteA,
      kind: "CATERING",
      name: "重复测试送餐",
      contractStart: new Date("2026-01-01T00:00:00Z"),
      contractEnd: new Date("2027-12-31T00:00:00Z"),
      contactName: "周经理",
      contactPhone: "13900000000",
    },
  });
  const staff = await db.cleaner.create({ data: { siteId: w.siteA, name: "重复测试厨师", contractorId: contractor.id, post: "厨师" } });
  return (catererFixture = { contractor: contractor.id, staff: staff.id });
}

/**
 * The create actions whose input and fixture come from the authorization matrix (tests/integration/matrix):
 * the module's `prepare` makes what the call acts on (on site A, as the acting user), its input is taken once.
 */
function fromMatrix(module: MatrixModule, name: ActionName, count: () => Promise<number>): Walk {
  const action = Object.assign({}, ...module.actions)[name] as Walk["action"] | undefined;
  return {
    action: action ?? (complaintActions as unknown as Record<string, Walk["action"]>)[name],
    count,
    input: async (w, actorId) => {
      await module.prepare?.(name, "a", actorId, w);
      return module.inputs[name]!(w, "a");
    },
  };
}

Object.assign(WALKED, {
  // Request ids (lib/idempotency.ts createOnce).
  createComplaintAction: fromMatrix(complaintsMatrix, "createComplaintAction", () => db.complaint.count()),
  createGoodsPassAction: fromMatrix(goodsPassesMatrix, "createGoodsPassAction", () => db.goodsPass.count()),
  submitInspectionAction: fromMatrix(inspectionsMatrix, "submitInspectionAction", () => db.inspection.count()),
  receiveNewspapersAction: fromMatrix(newspapersMatrix, "receiveNewspapersAction", () => db.newspaperDay.count()),
  submitVacantCleaningAction: fromMatrix(vacantUnitsMatrix, "submitVacantCleaningAction", () => db.vacantCleaningRecord.count()),
  scheduleMeetingAction: fromMatrix(meetingsMatrix, "scheduleMeetingAction", () => db.meeting.count()),
  addActionItemAction: fromMatrix(meetingsMatrix, "addActionItemAction", () => db.meetingActionItem.count()),
  requestLeaveAction: fromMatrix(meetingsMatrix, "requestLeaveAction", () => db.leaveRequest.count()),
  addParticipantAction: fromMatrix(meetingsMatrix, "addParticipantAction", () => db.meetingParticipant.count()),
  createChatChannelAction: fromMatrix(chatChannelsMatrix, "createChatChannelAction", () => db.chatChannel.count()),
  // A replay answers with the same link: its token is derived from the request id.
  createRevisitSigningLinkAction: fromMatrix(revisitSigningMatrix, "createRevisitSigningLinkAction", () => db.signingLink.count()),
  // Steps guarded by state (UPDATE … WHERE state = expected): the first moves the record, the rest find it moved.
  recordRectificationAction: fromMatrix(complaintsMatrix, "recordRectificationAction", () =>
    db.complaintRectification.count({ where: { rectifiedAt: { not: null } } }),
  ),
  recordRevisitAction: fromMatrix(complaintsMatrix, "recordRevisitAction", () => db.complaintRevisit.count()),
  // One complaint per work order (the order's link is set once, under a row lock).
  workOrderToComplaintAction: fromMatrix(workOrdersMatrix, "workOrderToComplaintAction", () => db.complaint.count()),
  // Attendance rows exist from scheduling: recording marks them in place (one row marked, however often sent).
  recordAttendanceAction: fromMatrix(meetingsMatrix, "recordAttendanceAction", () =>
    db.meetingAttendance.count({ where: { status: { not: null } } }),
  ),
  // The cleaning supervisor's day (R-CLN-1): request ids, one step per day, one plan per period.
  recordCleaningStepAction: fromMatrix(cleaningSupervisionMatrix, "recordCleaningStepAction", () => db.cleaningDayStep.count()),
  recordCleaningOpinionAction: fromMatrix(cleaningSupervisionMatrix, "recordCleaningOpinionAction", () => db.cleaningOpinion.count()),
  reportCleaningDamageAction: fromMatrix(cleaningSupervisionMatrix, "reportCleaningDamageAction", () => db.cleaningDamage.count()),
  submitCleaningPlanAction: fromMatrix(cleaningSupervisionMatrix, "submitCleaningPlanAction", () => db.cleaningPlan.count()),
  submitCleaningMonthlyReportAction: fromMatrix(cleaningSupervisionMatrix, "submitCleaningMonthlyReportAction", () =>
    db.cleaningMonthlyReport.count(),
  ),
  // Found items (R-LOST-1) and waste (R-WST-1..3).
  registerFoundItemAction: fromMatrix(foundItemsMatrix, "registerFoundItemAction", () => db.foundItem.count()),
  createWastePointAction: fromMatrix(wasteMatrix, "createWastePointAction", () => db.wasteCollectionPoint.count()),
  createWasteContainerAction: fromMatrix(wasteMatrix, "createWasteContainerAction", () => db.wasteContainer.count()),
  recordWasteClearanceAction: fromMatrix(wasteMatrix, "recordWasteClearanceAction", () => db.wasteClearance.count()),
  // Special services (R-SVC-1..2): a unique name per site, request ids, guarded steps.
  createSpecialServiceAction: fromMatrix(specialServicesMatrix, "createSpecialServiceAction", () => db.specialService.count()),
  createServiceOrderAction: fromMatrix(specialServicesMatrix, "createServiceOrderAction", () => db.specialServiceOrder.count()),
  recordServiceDoneAction: fromMatrix(specialServicesMatrix, "recordServiceDoneAction", () =>
    db.specialServiceOrder.count({ where: { doneAt: { not: null } } }),
  ),
  recordNoticeDeliveryAction: fromMatrix(specialServicesMatrix, "recordNoticeDeliveryAction", () =>
    db.specialServiceOrder.count({ where: { noticeDeliveredAt: { not: null } } }),
  ),
  recordServiceRevisitAction: fromMatrix(specialServicesMatrix, "recordServiceRevisitAction", () =>
    db.specialServiceOrder.count({ where: { revisitedAt: { not: null } } }),
  ),
  // Surveys (R-SUR-1..3): one response per tenant and round, links issued once per request id, guarded steps.
  recordSurveyResponseAction: fromMatrix(surveysMatrix, "recordSurveyResponseAction", () =>
    db.surveyResponse.count({ where: { submittedAt: { not: null } } }),
  ),
  createSurveyResponseLinkAction: fromMatrix(surveysMatrix, "createSurveyResponseLinkAction", () =>
    db.signingLink.count({ where: { purpose: "SURVEY_RESPONSE" } }),
  ),
  recordSurveyAnswerAction: fromMatrix(surveysMatrix, "recordSurveyAnswerAction", () =>
    db.surveyOpinionItem.count({ where: { answeredAt: { not: null } } }),
  ),
  recordSurveyRectificationAction: fromMatrix(surveysMatrix, "recordSurveyRectificationAction", () =>
    db.surveyOpinionItem.count({ where: { rectifiedAt: { not: null } } }),
  ),
  recordSurveyRevisitAction: fromMatrix(surveysMatrix, "recordSurveyRevisitAction", () => db.surveyRevisit.count()),
  createSurveyRevisitSigningLinkAction: fromMatrix(surveysMatrix, "createSurveyRevisitSigningLinkAction", () =>
    db.signingLink.count({ where: { purpose: "SURVEY_REVISIT" } }),
  ),
  // Content-addressed: the same bytes to the same site are one stored file.
  uploadFileAction: fromMatrix(filesMatrix, "uploadFileAction", () => db.storedFile.count()),
} satisfies Partial<Record<ActionName, Walk>>);

/** Every action of the table that makes a record, by name. */
const CREATE_ACTION = /^(create|add|schedule|record|request|submit|receive|upload|register|report)[A-Z]|ToComplaintAction$/;

function allowedRole(name: ActionName) {
  const permission = ACTION_PERMISSIONS[name];
  return ROLES.find((r) => roleHas(r, permission) && (!COMPANY_WIDE.includes(permission) || seesAllSites(r)))!;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("double submits", () => {
  it("every create action of the permission table is walked here", () => {
    const creates = (Object.keys(ACTION_PERMISSIONS) as ActionName[]).filter((a) => CREATE_ACTION.test(a)).sort();
    expect(Object.keys(WALKED).sort()).toEqual(creates);
  });

  it.each(Object.keys(WALKED) as ActionName[])("20 identical concurrent submissions of %s: 1 record, one answer", async (name) => {
    const walk = WALKED[name]!;
    const actorId = world.users[allowedRole(name)];
    await signInAs(actorId);
    const input = await walk.input(world, actorId);
    const before = await walk.count();
    const answers = await Promise.all(Array.from({ length: 20 }, () => walk.action(input)));
    const made = (await walk.count()) - before;
    console.log(`20 identical concurrent submissions of ${name}: ${made} record`);
    expect(made).toBe(1);
    const ok = answers.filter((a) => a.ok);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // The same answer for every success; every other answer is the same "already exists" refusal.
    expect(new Set(ok.map((a) => JSON.stringify(a.data))).size).toBe(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, code: "conflict" });
  });
});
