import { localDateInZone } from "@/lib/calendar";
import * as contractorActions from "@/lib/contractors/actions";
import { weekStartOf } from "@/lib/contractors/rules";
import { CANTEEN_ITEMS } from "@/lib/contractors/schema";
import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

/**
 * Contractors (§6, §7, §10, §11): each call gets a fresh catering company with one employee and an open
 * violation on its site; the canteen's one-check-a-day and one-document-a-week are cleared first so
 * every allowed role's call is the day's first.
 */
const TZ = "Asia/Shanghai";
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const fx: Record<MatrixSite, { contractor: string; staff: string; violation: string }> = {
  a: { contractor: "", staff: "", violation: "" },
  b: { contractor: "", staff: "", violation: "" },
};
const today = () => localDateInZone(new Date(), TZ);
const siteOf = (w: World, s: MatrixSite) => (s === "a" ? w.siteA : w.siteB);

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  if (!(name in contractorActions)) return;
  const siteId = siteOf(world, site);
  const contractor = await db.contractor.create({
    data: {
      siteId,
      kind: "CATERING",
      name: `送餐${uniq()}`,
      contractStart: new Date("2026-01-01T00:00:00Z"),
      contractEnd: new Date("2027-12-31T00:00:00Z"),
      contactName: "周经理",
      contactPhone: "13900000000",
    },
  });
  const staff = await db.cleaner.create({ data: { siteId, name: `厨师${uniq()}`, contractorId: contractor.id, post: "厨师" } });
  const violation = await db.contractorViolation.create({
    data: {
      requestId: newRequestId(),
      siteId,
      contractorId: contractor.id,
      cleanerId: staff.id,
      kind: "NO_UNIFORM_OR_BADGE",
      occurredOn: new Date(`${today()}T00:00:00Z`),
      description: "未戴工作牌",
      createdById: world.users.MANAGER,
    },
  });
  fx[site] = { contractor: contractor.id, staff: staff.id, violation: violation.id };
  if (name === "submitCanteenCheckAction") await db.canteenCheck.deleteMany({ where: { siteId } });
  if (name === "submitWeeklyDocAction") await db.canteenWeeklyDoc.deleteMany({ where: { siteId } });
}

export const contractorsMatrix: MatrixModule = {
  actions: [contractorActions],
  prepare,
  inputs: {
    createContractorAction: (w, s) => ({
      siteId: siteOf(w, s),
      kind: "CLEANING",
      name: `保洁${uniq()}`,
      contractStart: "2026-01-01",
      contractEnd: "2026-12-31",
      contactName: "王经理",
      contactPhone: "13800000001",
    }),
    updateContractorAction: (_w, s) => ({
      id: fx[s].contractor,
      name: `送餐改${uniq()}`,
      contractStart: "2026-01-01",
      contractEnd: "2027-06-30",
      contactName: "周经理",
      contactPhone: "13900000000",
      active: true,
    }),
    createContractorStaffAction: (_w, s) => ({ contractorId: fx[s].contractor, name: `服务员${uniq()}`, post: "服务员", badgeNo: "C-09" }),
    updateContractorStaffAction: (_w, s) => ({ id: fx[s].staff, name: `厨师改${uniq()}`, post: "厨师长", active: true }),
    recordHealthCertificateAction: (_w, s) => ({
      requestId: newRequestId(),
      staffId: fx[s].staff,
      number: "JK-2026-001",
      issuedOn: "2026-01-05",
      expiresOn: "2027-01-04",
    }),
    submitCanteenCheckAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: siteOf(w, s),
      breakfastKinds: "8",
      lunchMainDishes: "5",
      lunchStaples: "4",
      dinnerKinds: "8",
      results: CANTEEN_ITEMS.map((item) => ({ item, result: "PASS", note: "", photoFileIds: [] })),
      resolution: "NONE",
    }),
    submitWeeklyDocAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: siteOf(w, s),
      kind: "WEEKLY_MENU",
      weekStart: weekStartOf(today()),
      text: "周一：红烧肉、清蒸鱼……",
    }),
    recordTrainingAction: (_w, s) => ({
      requestId: newRequestId(),
      contractorId: fx[s].contractor,
      heldOn: today(),
      trainer: "李主管",
      content: "食品卫生法与餐具消毒",
      attendeeIds: [fx[s].staff],
    }),
    recordViolationAction: (_w, s) => ({
      requestId: newRequestId(),
      contractorId: fx[s].contractor,
      staffId: fx[s].staff,
      kind: "TOOLS_LOST_OR_DAMAGED",
      occurredOn: today(),
      description: "遗失推车一辆",
      chargeAmount: "120.50",
    }),
    recordViolationResponseAction: (_w, s) => ({ violationId: fx[s].violation, response: "已批评教育并照价赔偿" }),
  },
};
