/**
 * Walks the permission table (lib/permissions.ts): every exported server action, called as each role
 * and anonymously, is allowed or refused exactly as ACTION_PERMISSIONS + PERMISSIONS say; allowed roles
 * are refused for records of a site they are not assigned to; an action missing from the table fails.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as accountActions from "@/lib/account/actions";
import * as areaActions from "@/lib/areas/actions";
import * as calendarActions from "@/lib/calendar-admin/actions";
import * as complaintActions from "@/lib/complaints/actions";
import * as departmentActions from "@/lib/departments/actions";
import * as fileActions from "@/lib/files/actions";
import * as goodsPassActions from "@/lib/goods-passes/actions";
import * as goodsPassGateActions from "@/lib/goods-passes/gate-actions";
import * as goodsPassStampActions from "@/lib/goods-passes/stamp-actions";
import * as goodsSettingsActions from "@/lib/goods-settings/actions";
import * as signatoryActions from "@/lib/signatories/actions";
import * as inspectionActions from "@/lib/inspections/actions";
import * as checklistActions from "@/lib/checklists/actions";
import * as workOrderActions from "@/lib/work-orders/actions";
import * as notificationActions from "@/lib/notifications/actions";
import * as reminderActions from "@/lib/reminders/actions";
import * as siteActions from "@/lib/sites/actions";
import * as tenantActions from "@/lib/tenants/actions";
import * as unitActions from "@/lib/units/actions";
import * as userActions from "@/lib/users/actions";
import { hashPassword } from "@/lib/auth/password";
import { createCalendar, provisionalDaysOff } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { ACTION_PERMISSIONS, COMPANY_WIDE, ROLES, roleHas, seesAllSites, type ActionName } from "@/lib/permissions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { asLoadedNow } from "../support/versions";
import { meetingReportsMatrix } from "./matrix/meeting-reports";
import { meetingsMatrix } from "./matrix/meetings";
import { newspapersMatrix } from "./matrix/newspapers";
import type { MatrixModule } from "./matrix/types";
import { vacantUnitsMatrix } from "./matrix/vacant-units";
import { newRequestId } from "@/lib/request-id";

type AnyAction = (input: unknown) => Promise<{ ok: boolean; code?: string }>;
const ACTION_MODULES = [
  accountActions,
  areaActions,
  goodsPassActions,
  goodsPassGateActions,
  goodsPassStampActions,
  goodsSettingsActions,
  signatoryActions,
  checklistActions,
  inspectionActions,
  workOrderActions,
  calendarActions,
  complaintActions,
  departmentActions,
  fileActions,
  notificationActions,
  reminderActions,
  siteActions,
  tenantActions,
  unitActions,
  userActions,
];
/** Later modules bring their own part of the matrix (./matrix/*.ts). */
const MODULES: MatrixModule[] = [newspapersMatrix, vacantUnitsMatrix, meetingsMatrix, meetingReportsMatrix];
const actions: Record<string, AnyAction> = Object.assign({}, ...ACTION_MODULES, ...MODULES.flatMap((m) => m.actions));

let world: World;
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A valid input for each action, on site A (own site) or site B (a site the user is not assigned to). */
const CORE_INPUTS: Partial<Record<ActionName, (w: World, site: "a" | "b") => unknown>> = {
  createSiteAction: () => ({
    code: `S${uniq()
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "")}`.slice(0, 16),
    name: "新项目",
    address: null,
    timeZone: "Asia/Shanghai",
    slot1Start: "09:00",
    slot1End: "12:00",
    slot2Start: "14:00",
    slot2End: "17:30",
    inspectOnWeekends: false,
  }),
  updateSiteAction: (w, s) => ({
    id: s === "a" ? w.siteA : w.siteB,
    name: `改名${uniq()}`,
    address: "上海",
    timeZone: "Asia/Shanghai",
    slot1Start: "08:30",
    slot1End: "11:30",
    slot2Start: "14:00",
    slot2End: "17:00",
    inspectOnWeekends: true,
  }),
  createAreaAction: (w, s) => ({
    siteId: s === "a" ? w.siteA : w.siteB,
    name: `区域${uniq()}`,
    type: "RESTROOM",
    building: "A座",
    floor: "2F",
    active: true,
  }),
  updateAreaAction: (w, s) => ({ id: w[s].area, name: `大堂${uniq()}`, type: "LOBBY", building: "A座", floor: "1F", active: true }),
  createUnitAction: (w, s) => ({
    siteId: s === "a" ? w.siteA : w.siteB,
    code: `N-${uniq()}`,
    building: "A座",
    floor: "3F",
    areaSqm: "88.5",
    status: "VACANT",
    tenantId: "",
  }),
  updateUnitAction: (w, s) => ({
    id: w[s].unit,
    code: `U-${uniq()}`,
    building: "A座",
    floor: "1F",
    areaSqm: "",
    status: "OCCUPIED",
    tenantId: w[s].tenant,
  }),
  createTenantAction: (w, s) => ({
    siteId: s === "a" ? w.siteA : w.siteB,
    name: `公司${uniq()}`,
    notes: "",
    contacts: [{ name: "李四", position: "行政", phone: "13900000000" }],
  }),
  updateTenantAction: (w, s) => ({
    id: w[s].tenant,
    name: `业户${uniq()}`,
    notes: "",
    contacts: [{ name: "张三", position: "", phone: "13800000000" }],
  }),
  createDepartmentAction: (w, s) => ({
    siteId: s === "a" ? w.siteA : w.siteB,
    name: `部门${uniq()}`,
    kind: "SECURITY",
    contactName: "",
    contactPhone: "",
  }),
  updateDepartmentAction: (w, s) => ({
    id: w[s].department,
    name: `工程部${uniq()}`,
    kind: "ENGINEERING",
    contactName: "王工",
    contactPhone: "021-5555",
  }),
  createUserAction: (w) => ({
    username: `u${uniq()}`,
    password: "Secret12345",
    name: "新同事",
    role: "CLERK",
    duty: null,
    siteIds: [w.siteA],
  }),
  updateUserAction: (w) => ({
    id: w.users.FRONT_DESK,
    name: `前台${uniq()}`,
    role: "FRONT_DESK",
    duty: null,
    siteIds: [w.siteA],
    disabled: false,
  }),
  resetUserPasswordAction: (w) => ({ id: w.users.CLERK, password: "Another123" }),
  // Each role changes its own password once (from the fixtures' password).
  changeOwnPasswordAction: () => ({ currentPassword: "Kewu@2026", newPassword: "Mein-Eigenes-42", confirmPassword: "Mein-Eigenes-42" }),
  setCalendarOverrideAction: (w, s) => ({ siteId: s === "a" ? w.siteA : w.siteB, date: "2026-12-31", kind: "HOLIDAY", note: uniq() }),
  deleteCalendarOverrideAction: (w, s) => ({ id: w[s].override }),
  saveOfficialYearAction: () => ({ year: 2027, reference: "测试", holidays: provisionalDaysOff(2027), workdays: [] }),
  previewOfficialYearAction: () => ({ year: 2027, reference: "测试", holidays: provisionalDaysOff(2027), workdays: [] }),
  createComplaintAction: (w, s) => ({
    requestId: newRequestId(),
    siteId: s === "a" ? w.siteA : w.siteB,
    tenantId: w[s].tenant,
    unitId: w[s].unit,
    source: "PHONE",
    category: "REPAIR",
    severity: "GENERAL",
    description: "空调不制冷",
    departmentId: w[s].department,
    receivedAt: "",
    photoIds: [],
  }),
  startRectificationAction: (_w, s) => ({ complaintId: complaintFor[s], round: 1 }),
  recordRectificationAction: (_w, s) => ({ complaintId: complaintFor[s], round: 1, actionTaken: "已维修", rectifiedAt: "", photoIds: [] }),
  recordRevisitAction: (_w, s) => ({
    complaintId: complaintFor[s],
    round: 1,
    method: "PHONE",
    satisfaction: "SATISFIED",
    clientName: "张三",
    comments: "",
    revisitedAt: "",
  }),
  closeComplaintAction: (_w, s) => ({ complaintId: complaintFor[s], round: 1 }),
  uploadFileAction: (w, s) => {
    const form = new FormData();
    form.set("siteId", s === "a" ? w.siteA : w.siteB);
    form.set("kind", "PHOTO");
    form.set("file", new File([TINY_PNG], "p.png", { type: "image/png" }));
    return form;
  },
  markNotificationsReadAction: () => ({}),
  runRemindersAction: () => ({}),
  submitInspectionAction: (w, s) => ({
    requestId: newRequestId(),
    areaId: w[s].area,
    periodKey: `${shanghai.localDateOf(new Date())}#1`,
    templateId: lobbyTemplate.id,
    results: [{ itemId: lobbyTemplate.itemId, result: "PASS", note: "", photoFileIds: [] }],
  }),
  saveChecklistTemplateAction: () => ({
    areaType: "LOBBY",
    items: [
      { label: "地面清洁干燥", equipment: false },
      { label: "大堂照明正常", equipment: true },
    ],
  }),
  markWorkOrderFixedAction: (_w, s) => ({ workOrderId: workOrderFor[s], fixNote: "已修复" }),
  verifyWorkOrderAction: (_w, s) => ({ workOrderId: workOrderFor[s] }),
  sendBackWorkOrderAction: (_w, s) => ({ workOrderId: workOrderFor[s], reason: "未修好" }),
  createGoodsPassAction: (w, s) => ({
    requestId: newRequestId(),
    siteId: s === "a" ? w.siteA : w.siteB,
    tenantId: w[s].tenant,
    unitId: w[s].unit,
    direction: "IN",
    carrierName: "王五",
    carrierIdLast4: "1234",
    routeId: routeFor[s],
    windowStart: new Date(Date.now() + (48 + n) * 3600e3).toISOString(),
    windowEnd: new Date(Date.now() + (49 + n) * 3600e3).toISOString(),
    notes: "",
    items: [{ name: "办公桌", quantity: 1, unit: "张", hazardous: false }],
  }),
  createSignatoryAction: (w, s) => ({
    requestId: newRequestId(),
    siteId: s === "a" ? w.siteA : w.siteB,
    tenantId: w[s].tenant,
    name: "李四",
    position: "",
    phone: "13900000000",
    certificateFileId: filesFor[s].certificate,
    specimenFileId: filesFor[s].specimen,
    validFrom: shanghai.localDateOf(new Date()),
    validTo: "2099-12-31",
  }),
  revokeSignatoryAction: (_w, s) => ({ signatoryId: signatoryFor[s] }),
  approveGoodsPassAction: (_w, s) => ({ passId: goodsPassFor[s] }),
  rejectGoodsPassAction: (_w, s) => ({ passId: goodsPassFor[s], reason: "矩阵测试" }),
  releaseGoodsPassAction: (_w, s) => ({ passId: goodsPassFor[s] }),
  saveHazardTermsAction: () => ({ terms: ["汽油", `测试${uniq()}`] }),
  saveLoadingRouteAction: (w, s) => ({ siteId: s === "a" ? w.siteA : w.siteB, name: `路线${uniq()}`, active: true }),
  workOrderToComplaintAction: (w, s) => ({ workOrderId: workOrderFor[s], tenantId: w[s].tenant, unitId: w[s].unit, severity: "GENERAL" }),
};
const INPUTS: Partial<Record<ActionName, (w: World, site: "a" | "b") => unknown>> = Object.assign(
  {},
  CORE_INPUTS,
  ...MODULES.map((m) => m.inputs),
);
/** An edit is made from the record's current version, as a form loaded just before the call would send it. */
async function inputFor(name: ActionName, site: "a" | "b") {
  const input = INPUTS[name];
  if (!input) throw new Error(`authorization matrix: no input for ${name} (add it to the module's tests/integration/matrix file)`);
  return asLoadedNow(name, input(world, site));
}

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
/** The current lobby checklist (the matrix's area on each site is a lobby). */
let lobbyTemplate: { id: string; itemId: string };
/** Each work-order step needs a work order waiting for exactly that step. */
const workOrderFor: Record<"a" | "b", string> = { a: "", b: "" };
const WORK_ORDER_STATE: Partial<Record<ActionName, "OPEN" | "FIXED">> = {
  markWorkOrderFixedAction: "OPEN",
  verifyWorkOrderAction: "FIXED",
  sendBackWorkOrderAction: "FIXED",
  workOrderToComplaintAction: "OPEN",
};
/** Goods-pass fixtures: a route per site, files uploaded by the acting user, a pass or signatory per call. */
const routeFor: Record<"a" | "b", string> = { a: "", b: "" };
const filesFor: Record<"a" | "b", { certificate: string; specimen: string }> = {
  a: { certificate: "", specimen: "" },
  b: { certificate: "", specimen: "" },
};
const signatoryFor: Record<"a" | "b", string> = { a: "", b: "" };
const goodsPassFor: Record<"a" | "b", string> = { a: "", b: "" };
const GOODS_PASS_STATE: Partial<Record<ActionName, "PENDING" | "APPROVED">> = {
  approveGoodsPassAction: "PENDING",
  rejectGoodsPassAction: "PENDING",
  releaseGoodsPassAction: "APPROVED",
};

/** Audit rows an allowed call writes (converting a work order also creates the complaint). */
const AUDIT_ROWS: Partial<Record<ActionName, number>> = Object.assign(
  { workOrderToComplaintAction: 2 },
  ...MODULES.map((m) => m.auditRows ?? {}),
);

/** A 1×1 PNG header: enough for the upload's magic-byte and dimension checks. */
const TINY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);

/** Actions that change only the caller's own view (notifications) or create notifications, not records: no audit row. */
const NO_AUDIT: ActionName[] = [
  "markNotificationsReadAction",
  "runRemindersAction",
  "previewOfficialYearAction",
  ...MODULES.flatMap((m) => m.noAudit ?? []),
];

/** Each complaint step needs a complaint waiting for exactly that step. */
const complaintFor: Record<"a" | "b", string> = { a: "", b: "" };
const STEP_STATE: Partial<Record<ActionName, "RECEIVED" | "IN_RECTIFICATION" | "RECTIFIED" | "REVISITED">> = {
  startRectificationAction: "RECEIVED",
  recordRectificationAction: "IN_RECTIFICATION",
  recordRevisitAction: "RECTIFIED",
  closeComplaintAction: "REVISITED",
};

/** Actions on company-wide records (accounts, new sites, the national holiday table) have no site to scope. */
const UNSCOPED: ActionName[] = [
  "createSiteAction",
  "createUserAction",
  "updateUserAction",
  "resetUserPasswordAction",
  "changeOwnPasswordAction",
  "saveOfficialYearAction",
  "previewOfficialYearAction",
  "markNotificationsReadAction",
  "runRemindersAction",
  "saveChecklistTemplateAction",
  "saveHazardTermsAction",
  ...MODULES.flatMap((m) => m.unscoped ?? []),
];

/** Destructive actions re-create their target so each call has something to act on. */
async function prepare(name: ActionName, site: "a" | "b", actorId: string | null) {
  // The admin's password reset (run as ADMIN) would make the clerk change their password before anything else.
  await db.user.updateMany({ where: { mustChangePassword: true }, data: { mustChangePassword: false } });
  if (name === "changeOwnPasswordAction" && actorId)
    await db.user.update({ where: { id: actorId }, data: { passwordHash: await hashPassword("Kewu@2026") } });
  for (const m of MODULES) await m.prepare?.(name, site, actorId, world);
  const siteId = site === "a" ? world.siteA : world.siteB;
  if (name === "createGoodsPassAction")
    routeFor[site] = (
      await db.loadingRoute.upsert({
        where: { siteId_name: { siteId, name: "矩阵通道" } },
        create: { siteId, name: "矩阵通道" },
        update: {},
      })
    ).id;
  if (name === "createSignatoryAction") {
    const file = (kind: "PHOTO" | "SIGNATURE") =>
      db.storedFile.create({
        data: {
          siteId,
          kind,
          contentType: "image/png",
          size: 100,
          sha256: "0".repeat(64),
          storageKey: `m-${uniq()}.png`,
          uploadedById: actorId ?? world.users.MANAGER,
        },
      });
    filesFor[site] = { certificate: (await file("PHOTO")).id, specimen: (await file("SIGNATURE")).id };
  }
  if (name === "revokeSignatoryAction") {
    const file = await db.storedFile.create({
      data: {
        siteId,
        kind: "SIGNATURE",
        contentType: "image/png",
        size: 100,
        sha256: "0".repeat(64),
        storageKey: `m-${uniq()}.png`,
        uploadedById: world.users.CLERK,
      },
    });
    signatoryFor[site] = (
      await db.authorisedSignatory.create({
        data: {
          siteId,
          tenantId: world[site].tenant,
          name: "王六",
          phone: "13800000001",
          certificateFileId: file.id,
          specimenFileId: file.id,
          validFrom: new Date("2026-01-01T00:00:00Z"),
          validTo: new Date("2099-12-31T00:00:00Z"),
          createdById: world.users.CLERK,
        },
      })
    ).id;
  }
  const passState = GOODS_PASS_STATE[name];
  if (passState) {
    // Its own route (a second approval on one route would hit R-GP-5), registered by the front desk (four eyes).
    const route = await db.loadingRoute.create({ data: { siteId, name: `矩阵${uniq()}` } });
    const now = Date.now();
    goodsPassFor[site] = (
      await db.goodsPass.create({
        data: {
          requestId: newRequestId(),
          siteId,
          tenantId: world[site].tenant,
          unitId: world[site].unit,
          direction: "IN",
          carrierName: "李四",
          carrierIdLast4: "1234",
          routeId: route.id,
          windowStart: new Date(now - 1800_000),
          windowEnd: new Date(now + 7200_000),
          state: passState,
          number: passState === "APPROVED" ? `M-${uniq()}` : null,
          createdById: world.users.FRONT_DESK,
          items: { create: [{ position: 1, name: "办公椅", quantity: 1, unit: "把" }] },
        },
      })
    ).id;
  }
  const workOrderState = WORK_ORDER_STATE[name];
  if (workOrderState) {
    const wo = await db.workOrder.create({
      data: {
        number: `WO-${uniq()}`,
        siteId,
        areaId: world[site].area,
        description: "矩阵测试",
        createdById: world.users.MANAGER,
        state: workOrderState,
      },
    });
    workOrderFor[site] = wo.id;
  }
  if (name === "submitInspectionAction") {
    // A window open now whatever the time of the run (the site-update action above changes slot times).
    await db.site.update({
      where: { id: siteId },
      data: { slot1Start: "00:00", slot1End: "23:58", slot2Start: "23:58", slot2End: "23:59", inspectOnWeekends: true },
    });
    await db.inspection.deleteMany({ where: { areaId: world[site].area } });
    const current = await db.checklistTemplate.findFirst({
      where: { areaType: "LOBBY", current: true },
      select: { id: true, items: { select: { id: true } } },
    });
    if (current && current.items.length === 1) lobbyTemplate = { id: current.id, itemId: current.items[0].id };
    else {
      await db.checklistTemplate.updateMany({ where: { areaType: "LOBBY" }, data: { current: false } });
      const version = (await db.checklistTemplate.count({ where: { areaType: "LOBBY" } })) + 1;
      const created = await db.checklistTemplate.create({
        data: { areaType: "LOBBY", version, items: { create: [{ position: 1, label: "地面清洁" }] } },
        select: { id: true, items: { select: { id: true } } },
      });
      lobbyTemplate = { id: created.id, itemId: created.items[0].id };
    }
  }
  const state = STEP_STATE[name];
  if (state) {
    const now = new Date();
    const c = await db.complaint.create({
      data: {
        number: `M-${uniq()}`,
        requestId: newRequestId(),
        siteId: site === "a" ? world.siteA : world.siteB,
        tenantId: world[site].tenant,
        departmentId: world[site].department,
        source: "PHONE",
        category: "REPAIR",
        severity: "GENERAL",
        description: "矩阵测试",
        receivedAt: new Date(now.getTime() - 3600_000),
        receivedById: world.users.MANAGER,
        state,
        rectificationDueAt: new Date(now.getTime() + 86400_000),
        rectifiedAt: state === "RECTIFIED" || state === "REVISITED" ? new Date(now.getTime() - 1800_000) : null,
        revisitDueAt: state === "RECTIFIED" || state === "REVISITED" ? new Date(now.getTime() + 7 * 86400_000) : null,
        rectifications: { create: { round: 1, dueAt: new Date(now.getTime() + 86400_000) } },
      },
    });
    complaintFor[site] = c.id;
  }
  if (name === "deleteCalendarOverrideAction") {
    const siteId = site === "a" ? world.siteA : world.siteB;
    await db.calendarOverride.deleteMany({ where: { siteId, date: new Date("2026-12-26T00:00:00Z") } });
    world[site].override = (
      await db.calendarOverride.create({ data: { siteId, date: new Date("2026-12-26T00:00:00Z"), kind: "WORKDAY" } })
    ).id;
  }
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("the permission table covers every server action", () => {
  it("every exported action has a row, and every row an action", () => {
    const exported = Object.keys(actions).sort();
    expect(exported).toEqual(Object.keys(ACTION_PERMISSIONS).sort());
    for (const fn of Object.values(actions)) expect(typeof fn).toBe("function");
  });
});

describe.each([...ROLES, null] as (Role | null)[])("as %s", (role) => {
  it.each(Object.keys(ACTION_PERMISSIONS) as ActionName[])("%s is allowed exactly when the table says so", async (name) => {
    await signInAs(role ? world.users[role] : null);
    await prepare(name, "a", role ? world.users[role] : null);
    const auditBefore = await db.auditLog.count();
    const result = await actions[name](await inputFor(name, "a"));
    // The world's users are assigned to site A only: company-wide rights stay with all-sites roles.
    const permission = ACTION_PERMISSIONS[name];
    const allowed = role !== null && roleHas(role, permission) && (!COMPANY_WIDE.includes(permission) || seesAllSites(role));
    if (allowed) {
      expect(result, `${role} ${name}`).toMatchObject({ ok: true });
      expect(await db.auditLog.count()).toBe(auditBefore + (NO_AUDIT.includes(name) ? 0 : (AUDIT_ROWS[name] ?? 1)));
    } else {
      expect(result).toMatchObject({ ok: false, code: role === null ? "unauthenticated" : "forbidden" });
      expect(await db.auditLog.count()).toBe(auditBefore);
    }
  });

  // The admin sees every site by role, so only site-bound roles can meet "another site".
  const scoped = (Object.keys(ACTION_PERMISSIONS) as ActionName[]).filter(
    (a) => role !== null && role !== "ADMIN" && !UNSCOPED.includes(a) && roleHas(role, ACTION_PERMISSIONS[a]),
  );
  if (scoped.length > 0)
    it.each(scoped)("%s on a record of another site is refused and writes nothing", async (name) => {
      await signInAs(world.users[role as Role]);
      await prepare(name, "b", world.users[role as Role]);
      const auditBefore = await db.auditLog.count();
      const result = await actions[name](await inputFor(name, "b"));
      expect(result).toMatchObject({ ok: false, code: "not_found" });
      expect(await db.auditLog.count()).toBe(auditBefore);
    });
});

describe("company-wide settings: the admin or a manager of every site", () => {
  const companyWide = (Object.keys(ACTION_PERMISSIONS) as ActionName[]).filter((a) => COMPANY_WIDE.includes(ACTION_PERMISSIONS[a]));

  it("the table marks checklist templates, hazard terms and official years company-wide", () => {
    expect(companyWide.sort()).toEqual(["saveChecklistTemplateAction", "saveHazardTermsAction", "saveOfficialYearAction"]);
  });

  it.each(companyWide)("%s: a one-site manager is refused, a manager assigned to every site is allowed", async (name) => {
    const manager = world.users.MANAGER;
    await signInAs(manager);
    await prepare(name, "a", manager);
    const before = await db.auditLog.count();
    expect(await actions[name](await inputFor(name, "a"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.auditLog.count()).toBe(before);

    // Every site there is (the matrix above created more with createSiteAction).
    const others = (await db.site.findMany({ where: { id: { not: world.siteA } }, select: { id: true } })).map((s) => s.id);
    await db.userSite.createMany({ data: others.map((siteId) => ({ userId: manager, siteId })) });
    try {
      await signInAs(manager);
      await prepare(name, "a", manager);
      expect(await actions[name](await inputFor(name, "a"))).toMatchObject({ ok: true });
      // A new site the manager is not assigned to takes the right away again.
      const extra = await db.site.create({ data: { code: `SX${uniq()}`.slice(0, 16).toUpperCase(), name: "新项目X" } });
      await signInAs(manager);
      expect(await actions[name](await inputFor(name, "a"))).toMatchObject({ ok: false, code: "forbidden" });
      await db.site.delete({ where: { id: extra.id } });
    } finally {
      await db.userSite.deleteMany({ where: { userId: manager, siteId: { in: others } } });
    }
  });
});
