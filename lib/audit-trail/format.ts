import { formatInZone } from "@/lib/calendar";

/**
 * How an audit row reads: field labels and states in the reader's language, times in the site's zone
 * with the zone named, people and records by name instead of ids. Pure; the query resolves the names.
 */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Where a field's id points: the model whose name (or number) the trail shows instead. */
export type LinkedModel =
  | "user"
  | "department"
  | "unit"
  | "tenant"
  | "area"
  | "site"
  | "cleaner"
  | "complaint"
  | "workOrder"
  | "goodsPass"
  | "signatory"
  | "newspaperTitle";

const USER_FIELDS = new Set(["supervisorId", "convenerId", "minuteTakerId"]);
const FIELD_MODELS: Record<string, LinkedModel> = {
  departmentId: "department",
  unitId: "unit",
  tenantId: "tenant",
  areaId: "area",
  siteId: "site",
  cleanerId: "cleaner",
  complaintId: "complaint",
  signatoryId: "signatory",
  titleId: "newspaperTitle",
};

export function linkedModelOf(field: string): LinkedModel | undefined {
  if (/ById$/.test(field) || USER_FIELDS.has(field)) return "user";
  return FIELD_MODELS[field];
}

/** The audited entity as a model whose name the trail can show (for the record column). */
export const ENTITY_MODELS: Partial<Record<string, LinkedModel>> = {
  User: "user",
  Department: "department",
  Unit: "unit",
  Tenant: "tenant",
  Area: "area",
  Site: "site",
  Cleaner: "cleaner",
  Complaint: "complaint",
  WorkOrder: "workOrder",
  GoodsPass: "goodsPass",
  AuthorisedSignatory: "signatory",
  NewspaperTitle: "newspaperTitle",
};

/** The page that shows a record, for the entities that have one. */
export function recordHref(entity: string, id: string): string | null {
  const pages: Record<string, string> = {
    Complaint: "/complaints/",
    WorkOrder: "/work-orders/",
    GoodsPass: "/goods-passes/",
    VacantCleaningRecord: "/vacant-units/records/",
    Meeting: "/meetings/",
    MeetingSeries: "/meetings/series/",
    Tenant: "/registry/tenants/",
    Unit: "/registry/units/",
    Area: "/registry/areas/",
    Site: "/registry/sites/",
    Department: "/registry/departments/",
    User: "/admin/users/",
    SurveyRound: "/surveys/",
    SurveyOpinionItem: "/surveys/items/",
  };
  return pages[entity] ? `${pages[entity]}${id}` : null;
}

/** Enumerated values translated with the namespace the rest of the UI uses for them. */
const ENUM_MESSAGES: Record<string, string> = {
  "Complaint.state": "complaints.states",
  "Complaint.severity": "complaints.severities",
  "Complaint.source": "complaints.sources",
  "Complaint.category": "complaints.categories",
  "WorkOrder.state": "workOrders.states",
  "GoodsPass.state": "goodsPasses.states",
  "GoodsPass.direction": "goodsPasses.directions",
  "GoodsPass.authorization": "goodsPasses.authorizations",
  "VacantCleaningRecord.state": "vacant.recordStates",
  "Unit.status": "unitStatus",
  "Inspection.state": "inspections.states",
  "Meeting.state": "meetings.states",
  "LeaveRequest.state": "meetings.leaveStates",
  "SurveyRound.state": "surveys.roundStates",
  "SurveyOpinionItem.state": "surveys.itemStates",
  "SpecialServiceOrder.state": "specialServices.states",
  "FoundItem.state": "foundItems.states",
  "WasteClearance.stream": "waste.streams",
  "Area.type": "areaType",
  "Area.areaType": "areaType",
  "ChecklistTemplate.areaType": "areaType",
  "*.role": "roles",
  "*.duty": "duties",
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * The formatters zoneName reads, one per zone and locale for the life of the process (a few zones, two
 * locales): making an Intl.DateTimeFormat costs ~0.1 ms, and the trail names the zone after every time it
 * shows (5–8 ms of a page of twenty rows when each call made its own).
 */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** "GMT+8": the zone as the reader's locale names it today, shown after every time of the trail. */
export function zoneName(timeZone: string, locale: string): string {
  const key = `${timeZone} ${locale}`;
  let formatter = zoneFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
    zoneFormatters.set(key, formatter);
  }
  const part = formatter.formatToParts(new Date()).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

export function formatInstant(at: Date, timeZone: string, locale: string): string {
  return `${formatInZone(at, timeZone)} ${zoneName(timeZone, locale)}`;
}

export function fieldLabel(field: string, t: Translate, has: (key: string) => boolean): string {
  return has(`audit.fields.${field}`) ? t(`audit.fields.${field}`) : field;
}

export type FormatContext = {
  entity: string;
  t: Translate;
  has: (key: string) => boolean;
  timeZone: string;
  locale: string;
  /** `${model}:${id}` → name or number */
  names: Map<string, string>;
};

export function formatAuditValue(field: string, value: unknown, ctx: FormatContext): string {
  const { t, has } = ctx;
  if (value === null || value === undefined || value === "") return t("audit.values.empty");
  if (typeof value === "boolean") return t(value ? "audit.values.yes" : "audit.values.no");
  if (/FileIds$/.test(field) && Array.isArray(value)) return t("audit.values.files", { count: value.length });
  if (/FileId$/.test(field)) return t("audit.values.file");
  const model = linkedModelOf(field);
  if (model && typeof value === "string") return ctx.names.get(`${model}:${value}`) ?? t("audit.values.record");
  if (typeof value === "string" && ISO_INSTANT.test(value)) return formatInstant(new Date(value), ctx.timeZone, ctx.locale);
  const ns = ENUM_MESSAGES[`${ctx.entity}.${field}`] ?? ENUM_MESSAGES[`*.${field}`];
  if (ns && typeof value === "string" && has(`${ns}.${value}`)) return t(`${ns}.${value}`);
  if (/Id$/.test(field) && typeof value === "string") return t("audit.values.record");
  if (Array.isArray(value))
    return value.every((v) => typeof v !== "object") ? value.join("、") : t("audit.values.list", { count: value.length });
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
