import type { Role } from "@/lib/generated/prisma/enums";

/**
 * THE permission table: permission → roles. Pages, server actions, navigation and the
 * authorization-matrix test all read this one table. Nothing else decides who may do what;
 * site scoping (a user only touches records of their assigned sites) is applied on top by the data layer.
 */
export const ROLES = ["ADMIN", "MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK", "ENGINEER"] as const satisfies readonly Role[];

const ALL = ROLES;

export const PERMISSIONS = {
  "home:view": ALL,
  "site:read": ["ADMIN", "MANAGER"],
  "site:manage": ["ADMIN"],
  "area:read": ["ADMIN", "MANAGER", "SUPERVISOR", "ENGINEER"],
  "area:manage": ["ADMIN", "MANAGER"],
  "unit:read": ALL,
  "unit:manage": ["ADMIN", "MANAGER"],
  // Tenant data is confidential (§1.9). The system admin manages accounts, not tenants.
  "tenant:read": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "tenant:manage": ["MANAGER", "CLERK"],
  "tenant:contact:read": ["MANAGER", "CLERK", "FRONT_DESK"],
  "department:read": ["ADMIN", "MANAGER", "SUPERVISOR", "CLERK"],
  "department:manage": ["ADMIN", "MANAGER"],
  "user:manage": ["ADMIN"],
  /** Change one's own password (current password required). */
  "account:password": ALL,
  "audit:read": ["ADMIN", "MANAGER"],
  "calendar:read": ALL,
  "calendar:manage": ["ADMIN", "MANAGER"],
  /**
   * Company-wide settings apply to every site (checklist templates, hazard terms, official calendar
   * years): a manager of one site must not change them for the others. Listed in COMPANY_WIDE below,
   * so a manager holds it only when assigned to every site; the admin always.
   */
  "settings:company": ["ADMIN", "MANAGER"],
  // Complaints (§3.1): the front desk and supervisors log them, the responsible department's
  // rectification is recorded by supervisors, client-service staff revisit, managers watch deadlines.
  "complaint:read": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "complaint:create": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  /** Enter a receipt time up to 7 days in the past (audited). */
  "complaint:backdate": ["MANAGER", "SUPERVISOR"],
  "complaint:rectify": ["MANAGER", "SUPERVISOR"],
  "complaint:revisit": ["MANAGER", "SUPERVISOR", "CLERK"],
  "complaint:close": ["MANAGER", "SUPERVISOR"],
  "complaint:dashboard": ["MANAGER"],
  "complaint:export": ["MANAGER"],
  /** Upload photos and signatures for records of one's sites. */
  "file:upload": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  /** View photos and clients' signatures (confidential, §1.9): not the system admin. */
  "file:read": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK", "ENGINEER"],
  "notification:read": ALL,
  "reminder:run": ["MANAGER"],
  /** A site's chat channels (group robots, webhooks): managers of the site, and the admin. */
  "chat:manage": ["ADMIN", "MANAGER"],
  // Inspections (§2, §10): supervisors walk the rounds; managers review compliance and edit checklists;
  // engineering (工程部) fixes what the rounds find (R-INS-5).
  "inspection:perform": ["SUPERVISOR"],
  "inspection:read": ["MANAGER", "SUPERVISOR"],
  "inspection:compliance": ["MANAGER"],
  "template:manage": ["ADMIN", "MANAGER"],
  "workorder:read": ["MANAGER", "SUPERVISOR", "ENGINEER"],
  "workorder:fix": ["MANAGER", "ENGINEER"],
  "workorder:verify": ["MANAGER", "SUPERVISOR"],
  /** A failure that affects a tenant becomes a complaint in one step. */
  "workorder:toComplaint": ["MANAGER", "SUPERVISOR"],
  // Goods passes (§5): the front desk registers, a supervisor or manager stamps, the gate releases once.
  "signatory:read": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "signatory:manage": ["MANAGER", "SUPERVISOR", "CLERK"],
  "goodspass:read": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "goodspass:create": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "goodspass:stamp": ["MANAGER", "SUPERVISOR"],
  "goodspass:release": ["MANAGER", "SUPERVISOR", "FRONT_DESK"],
  "goodspass:export": ["MANAGER", "SUPERVISOR"],
  "goodspass:settings": ["ADMIN", "MANAGER"],
  // Newspapers (§9): the front desk signs for, sorts and hands over the papers; the clerk stands in;
  // managers read the reconciliation and the monthly report.
  "newspaper:read": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "newspaper:manage": ["MANAGER", "CLERK", "FRONT_DESK"],
  "newspaper:log": ["MANAGER", "CLERK", "FRONT_DESK"],
  "newspaper:report": ["MANAGER", "CLERK", "FRONT_DESK"],
  // Vacant units (§8): cleaners' records are entered by client-service staff, a supervisor checks them,
  // the monthly rate counts in the cleaning-quality assessment managers see (考核).
  "vacant:read": ["MANAGER", "SUPERVISOR", "CLERK"],
  "vacant:manage": ["MANAGER", "SUPERVISOR"],
  "vacant:record": ["MANAGER", "SUPERVISOR", "CLERK"],
  "vacant:verify": ["MANAGER", "SUPERVISOR"],
  "vacant:score": ["MANAGER"],
  // Weekly meetings (§3.4): who may act on a given meeting is narrowed further by the record
  // (convener, minute-taker, attendees, the person's superior) in lib/meetings.
  "meeting:read": ["MANAGER", "SUPERVISOR", "CLERK"],
  "meeting:schedule": ["MANAGER", "SUPERVISOR", "CLERK"],
  "meeting:minutes": ["MANAGER", "SUPERVISOR", "CLERK"],
  "meeting:confirm": ["MANAGER", "SUPERVISOR"],
  "meeting:amend": ["MANAGER", "SUPERVISOR", "CLERK"],
  "meeting:leave:request": ["MANAGER", "SUPERVISOR", "CLERK"],
  "meeting:leave:decide": ["MANAGER", "SUPERVISOR"],
  "meeting:action:close": ["MANAGER", "SUPERVISOR", "CLERK"],
  "meeting:series:manage": ["MANAGER"],
  "meeting:compliance": ["MANAGER"],
  "meeting:export": ["MANAGER"],
  // Cleaning supervision (§10, R-CLN-1): the cleaning supervisor records the day, the contractor's plans
  // and the monthly summary; the manager reads the daily report and writes the instruction (明确指示).
  "cleaning:read": ["MANAGER", "SUPERVISOR"],
  "cleaning:record": ["SUPERVISOR"],
  "cleaning:review": ["MANAGER"],
  // Found items (§7.8, R-LOST-1): client service registers what the garbage-room staff hand in and
  // releases it to its owner; disposing of an unclaimed item is a supervisor's or manager's step.
  "found:read": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "found:register": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "found:release": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "found:dispose": ["MANAGER", "SUPERVISOR"],
  "found:settings": ["ADMIN", "MANAGER"],
  // Waste (§12, §13): clearances are logged by client service; engineering reads (batteries are its
  // stream); managers set up points, containers, who answers for each stream and its period.
  "waste:read": ["MANAGER", "SUPERVISOR", "CLERK", "ENGINEER"],
  "waste:record": ["MANAGER", "SUPERVISOR", "CLERK"],
  "waste:manage": ["MANAGER"],
  // Special services (§3.3, R-SVC-1..2): managers keep the catalogue and prices; client-service staff and
  // the front desk take orders and hand over the payment notice; the service and the phone revisit are
  // recorded by client-service staff; managers watch the revisit deadlines.
  "service:read": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "service:catalogue": ["MANAGER"],
  "service:order": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "service:cancel": ["MANAGER", "SUPERVISOR"],
  "service:complete": ["MANAGER", "SUPERVISOR", "CLERK"],
  "service:notice": ["MANAGER", "SUPERVISOR", "CLERK", "FRONT_DESK"],
  "service:revisit": ["MANAGER", "SUPERVISOR", "CLERK"],
  "service:dashboard": ["MANAGER"],
  // Contractors (§6, §7, §10, §11): supervisors keep the companies, their staff and certificates, check the
  // canteen daily and log violations; the clerk also receives the caterer's weekly papers; managers assess.
  "contractor:read": ["MANAGER", "SUPERVISOR", "CLERK"],
  "contractor:manage": ["MANAGER", "SUPERVISOR"],
  "contractor:conduct": ["MANAGER", "SUPERVISOR"],
  "contractor:assessment": ["MANAGER"],
  "canteen:check": ["MANAGER", "SUPERVISOR"],
  "canteen:docs": ["MANAGER", "SUPERVISOR", "CLERK"],
  // Satisfaction surveys (§3.2): client-service staff collect the answers and follow each opinion
  // through the departments (R-SUR-1..3); managers and supervisors open and close rounds and export.
  "survey:read": ["MANAGER", "SUPERVISOR", "CLERK"],
  "survey:manage": ["MANAGER", "SUPERVISOR"],
  "survey:respond": ["MANAGER", "SUPERVISOR", "CLERK"],
  "survey:opinion": ["MANAGER", "SUPERVISOR", "CLERK"],
  "survey:revisit": ["MANAGER", "SUPERVISOR", "CLERK"],
  "survey:export": ["MANAGER", "SUPERVISOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles that see every site (the system admin administers the whole company). */
export function seesAllSites(role: Role): boolean {
  return role === "ADMIN";
}

/** Permissions a holder has only when it covers every site: by role (seesAllSites) or by assignment. */
export const COMPANY_WIDE: readonly Permission[] = ["settings:company"];

/**
 * The one check for a signed-in user: the role holds the permission, and for a company-wide
 * permission the user is assigned to every site (`allSites`, lib/auth/actor.ts).
 */
export function actorHas(actor: { role: Role; allSites: boolean }, permission: Permission): boolean {
  return roleHas(actor.role, permission) && (!COMPANY_WIDE.includes(permission) || actor.allSites);
}

/**
 * Every server action by exported name → the permission it requires. The matrix test fails for an
 * exported action missing here, so a new action cannot ship unguarded.
 */
export const ACTION_PERMISSIONS = {
  createSiteAction: "site:manage",
  updateSiteAction: "site:manage",
  createAreaAction: "area:manage",
  updateAreaAction: "area:manage",
  createUnitAction: "unit:manage",
  updateUnitAction: "unit:manage",
  createTenantAction: "tenant:manage",
  updateTenantAction: "tenant:manage",
  createDepartmentAction: "department:manage",
  updateDepartmentAction: "department:manage",
  createUserAction: "user:manage",
  updateUserAction: "user:manage",
  resetUserPasswordAction: "user:manage",
  changeOwnPasswordAction: "account:password",
  setCalendarOverrideAction: "calendar:manage",
  deleteCalendarOverrideAction: "calendar:manage",
  saveOfficialYearAction: "settings:company",
  previewOfficialYearAction: "settings:company",
  createComplaintAction: "complaint:create",
  startRectificationAction: "complaint:rectify",
  recordRectificationAction: "complaint:rectify",
  recordRevisitAction: "complaint:revisit",
  createRevisitSigningLinkAction: "complaint:revisit",
  closeComplaintAction: "complaint:close",
  uploadFileAction: "file:upload",
  markNotificationsReadAction: "notification:read",
  runRemindersAction: "reminder:run",
  createChatChannelAction: "chat:manage",
  updateChatChannelAction: "chat:manage",
  deleteChatChannelAction: "chat:manage",
  sendTestChatMessageAction: "chat:manage",
  submitInspectionAction: "inspection:perform",
  saveChecklistTemplateAction: "settings:company",
  markWorkOrderFixedAction: "workorder:fix",
  verifyWorkOrderAction: "workorder:verify",
  sendBackWorkOrderAction: "workorder:verify",
  workOrderToComplaintAction: "workorder:toComplaint",
  createSignatoryAction: "signatory:manage",
  revokeSignatoryAction: "signatory:manage",
  createGoodsPassAction: "goodspass:create",
  approveGoodsPassAction: "goodspass:stamp",
  rejectGoodsPassAction: "goodspass:stamp",
  releaseGoodsPassAction: "goodspass:release",
  saveHazardTermsAction: "settings:company",
  saveLoadingRouteAction: "goodspass:settings",

  // — newspapers: add this module's actions here —
  createNewspaperTitleAction: "newspaper:manage",
  updateNewspaperTitleAction: "newspaper:manage",
  createNewspaperSubscriptionAction: "newspaper:manage",
  updateNewspaperSubscriptionAction: "newspaper:manage",
  receiveNewspapersAction: "newspaper:log",
  handOverNewspapersAction: "newspaper:log",
  deliverNewspaperAction: "newspaper:log",
  holdNewspaperAction: "newspaper:log",
  pickUpNewspaperAction: "newspaper:log",
  closeNewspaperDayAction: "newspaper:log",

  // — vacant units: add this module's actions here —
  createCleanerAction: "vacant:manage",
  updateCleanerAction: "vacant:manage",
  assignUnitCleanerAction: "vacant:manage",
  submitVacantCleaningAction: "vacant:record",
  resubmitVacantCleaningAction: "vacant:record",
  verifyVacantCleaningAction: "vacant:verify",
  sendBackVacantCleaningAction: "vacant:verify",

  // — meetings: add this module's actions here —
  scheduleMeetingAction: "meeting:schedule",
  recordAttendanceAction: "meeting:minutes",
  saveMinutesAction: "meeting:minutes",
  addActionItemAction: "meeting:minutes",
  updateActionItemAction: "meeting:minutes",
  confirmMeetingAction: "meeting:confirm",
  amendMeetingAction: "meeting:amend",
  requestLeaveAction: "meeting:leave:request",
  decideLeaveAction: "meeting:leave:decide",
  closeActionItemAction: "meeting:action:close",
  updateSeriesAction: "meeting:series:manage",
  addParticipantAction: "meeting:series:manage",
  setParticipantActiveAction: "meeting:series:manage",

  // — cleaning supervision: add this module's actions here —
  recordCleaningStepAction: "cleaning:record",
  recordCleaningOpinionAction: "cleaning:record",
  reportCleaningDamageAction: "cleaning:record",
  sendCleaningReportAction: "cleaning:record",
  readCleaningReportAction: "cleaning:review",
  submitCleaningPlanAction: "cleaning:record",
  submitCleaningMonthlyReportAction: "cleaning:record",
  instructCleaningMonthlyReportAction: "cleaning:review",
  // — found items: add this module's actions here —
  registerFoundItemAction: "found:register",
  claimFoundItemAction: "found:release",
  disposeFoundItemAction: "found:dispose",
  saveFoundItemSettingsAction: "found:settings",

  // — waste: add this module's actions here —
  createWastePointAction: "waste:manage",
  updateWastePointAction: "waste:manage",
  createWasteContainerAction: "waste:manage",
  retireWasteContainerAction: "waste:manage",
  saveWasteStreamAction: "waste:manage",
  recordWasteClearanceAction: "waste:record",
  // — special services: add this module's actions here —
  createSpecialServiceAction: "service:catalogue",
  updateSpecialServiceAction: "service:catalogue",
  updateServiceSettingsAction: "service:catalogue",
  createServiceOrderAction: "service:order",
  cancelServiceOrderAction: "service:cancel",
  recordServiceDoneAction: "service:complete",
  recordNoticeDeliveryAction: "service:notice",
  recordServiceRevisitAction: "service:revisit",
  // — contractors: add this module's actions here —
  createContractorAction: "contractor:manage",
  updateContractorAction: "contractor:manage",
  createContractorStaffAction: "contractor:manage",
  updateContractorStaffAction: "contractor:manage",
  recordHealthCertificateAction: "contractor:manage",
  recordTrainingAction: "contractor:conduct",
  recordViolationAction: "contractor:conduct",
  recordViolationResponseAction: "contractor:conduct",
  submitCanteenCheckAction: "canteen:check",
  submitWeeklyDocAction: "canteen:docs",
  // — surveys: add this module's actions here —
  saveSurveyQuestionnaireAction: "settings:company",
  openSurveyRoundAction: "survey:manage",
  closeSurveyRoundAction: "survey:manage",
  recordSurveyResponseAction: "survey:respond",
  createSurveyResponseLinkAction: "survey:respond",
  summariseSurveyOpinionAction: "survey:opinion",
  deliverSurveyOpinionAction: "survey:opinion",
  recordSurveyAnswerAction: "survey:opinion",
  recordSurveyRectificationAction: "survey:opinion",
  recordSurveyRevisitAction: "survey:revisit",
  createSurveyRevisitSigningLinkAction: "survey:revisit",
} as const satisfies Record<string, Permission>;

export type ActionName = keyof typeof ACTION_PERMISSIONS;

/**
 * Protected pages: path prefix → permission, and the navigation built from it. `group` is the area of
 * work the page belongs to; the navigation shows areas in this order, each with its pages in this order.
 */
export const ROUTES = [
  { path: "/", permission: "home:view", nav: "home", group: "home" },
  { path: "/dashboard", permission: "complaint:dashboard", nav: "dashboard", group: "complaints" },
  { path: "/complaints", permission: "complaint:read", nav: "complaints", group: "complaints" },
  { path: "/special-services", permission: "service:read", nav: "specialServices", group: "complaints" },
  { path: "/special-services/catalogue", permission: "service:catalogue", nav: "specialServiceCatalogue", group: "complaints" },
  { path: "/surveys", permission: "survey:read", nav: "surveys", group: "complaints" },
  { path: "/inspections", permission: "inspection:perform", nav: "inspections", group: "inspections" },
  { path: "/work-orders", permission: "workorder:read", nav: "workOrders", group: "inspections" },
  { path: "/inspections/compliance", permission: "inspection:compliance", nav: "compliance", group: "inspections" },
  { path: "/checklists", permission: "template:manage", nav: "checklists", group: "inspections" },
  { path: "/cleaning", permission: "cleaning:read", nav: "cleaningDay", group: "inspections" },
  { path: "/goods-passes", permission: "goodspass:read", nav: "goodsPasses", group: "frontDesk" },
  { path: "/gate", permission: "goodspass:release", nav: "gate", group: "frontDesk" },
  { path: "/signatories", permission: "signatory:read", nav: "signatories", group: "frontDesk" },
  { path: "/goods-settings", permission: "goodspass:settings", nav: "goodsSettings", group: "frontDesk" },
  { path: "/vacant-units", permission: "vacant:read", nav: "vacantUnits", group: "vacantNewspapers" },
  { path: "/newspapers", permission: "newspaper:read", nav: "newspapers", group: "vacantNewspapers" },
  { path: "/found-items", permission: "found:read", nav: "foundItems", group: "vacantNewspapers" },
  { path: "/waste", permission: "waste:read", nav: "waste", group: "vacantNewspapers" },
  { path: "/meetings", permission: "meeting:read", nav: "meetings", group: "meetings" },
  { path: "/meetings/compliance", permission: "meeting:compliance", nav: "meetingCompliance", group: "meetings" },
  { path: "/contractors", permission: "contractor:read", nav: "contractors", group: "contractors" },
  { path: "/contractors/canteen", permission: "contractor:read", nav: "canteen", group: "contractors" },
  { path: "/contractors/training", permission: "contractor:read", nav: "contractorTraining", group: "contractors" },
  { path: "/contractors/violations", permission: "contractor:read", nav: "contractorViolations", group: "contractors" },
  { path: "/contractors/assessment", permission: "contractor:assessment", nav: "contractorAssessment", group: "contractors" },
  { path: "/registry/sites", permission: "site:read", nav: "sites", group: "registry" },
  { path: "/registry/areas", permission: "area:read", nav: "areas", group: "registry" },
  { path: "/registry/units", permission: "unit:read", nav: "units", group: "registry" },
  { path: "/registry/tenants", permission: "tenant:read", nav: "tenants", group: "registry" },
  { path: "/registry/departments", permission: "department:read", nav: "departments", group: "registry" },
  { path: "/admin/users", permission: "user:manage", nav: "users", group: "system" },
  { path: "/calendar", permission: "calendar:read", nav: "calendar", group: "system" },
  { path: "/settings/chat-channels", permission: "chat:manage", nav: "chatChannels", group: "system" },
  { path: "/audit", permission: "audit:read", nav: "audit", group: "system" },
  { path: "/notifications", permission: "notification:read", nav: "notifications", group: "system" },
] as const satisfies ReadonlyArray<{ path: string; permission: Permission; nav: string; group: string }>;

export type RouteDef = (typeof ROUTES)[number];

/** The route whose prefix matches `pathname` most specifically. */
export function routeFor(pathname: string): RouteDef | undefined {
  return [...ROUTES]
    .sort((a, b) => b.path.length - a.path.length)
    .find((r) => (r.path === "/" ? pathname === "/" : pathname === r.path || pathname.startsWith(`${r.path}/`)));
}

export function navFor(role: Role): RouteDef[] {
  return ROUTES.filter((r) => roleHas(role, r.permission));
}

export type NavGroup = RouteDef["group"];

/** The role's navigation by area of work: areas in table order, each with the pages the role may open. */
export function navGroupsFor(role: Role): { group: NavGroup; routes: RouteDef[] }[] {
  const groups: { group: NavGroup; routes: RouteDef[] }[] = [];
  for (const route of navFor(role)) {
    const last = groups.at(-1);
    if (last?.group === route.group) last.routes.push(route);
    else groups.push({ group: route.group, routes: [route] });
  }
  return groups;
}
