/**
 * Demo complaints (§3.1, R-CMP-1..5): about six months of history on every seeded site, ending at
 * the moment the seed runs, so that the complaint list and the managers' dashboard show real
 * numbers from the first start. Older complaints are mostly closed (some rectified or revisited
 * late, some reopened once after an unsatisfied revisit, a few still open); recent ones are spread
 * over every state, some overdue now, some due today, some due in the next days.
 *
 * - Deterministic: seeded PRNG streams per site and per complaint (./random). Dates are offsets
 *   from "now" in the site's local days, so "overdue now" holds whenever the seed runs.
 * - Deadlines follow the real rules (lib/complaints/rules) on the site's working-day calendar: the
 *   statutory table plus the site's overrides and entered year tables, as lib/calendar/load
 *   loads them (on a fresh database: the statutory table only). Times are during local working hours.
 * - Records look like the workflow's (lib/complaints/mutations): number <site>-<YYYYMMDD>-<seq>,
 *   one rectification row per round (a reopened round goes straight to "in rectification", so its
 *   row has no start), one revisit row per revisited round, the complaint's revisitedAt kept when
 *   a revisit reopened it.
 * - Revisits are by PHONE: a VISIT revisit carries the client's signature file (R-CMP-4), and
 *   seeded history has no files.
 * - Idempotent: a site that already has complaints (seeded or real) gets none. One transaction,
 *   createMany in batches; ids are generated here so children are inserted with their parents.
 *   No audit rows.
 *
 * Relative imports only: the seed runs under tsx, where the `@/` alias is not resolved.
 */
import { randomUUID } from "node:crypto";
import {
  addDays,
  createCalendar,
  localDateOfColumn,
  type Calendar,
  type Deadline,
  type LocalDate,
  type OfficialYearTable,
} from "../../lib/calendar";
import { loadOfficialYears } from "../../lib/calendar/load";
import { currentDeadline, deadlineState, rectificationDue, revisitDue, REVISIT_WEEKS } from "../../lib/complaints/rules";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type {
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintSource,
  ComplaintState,
  DepartmentKind,
  Satisfaction,
} from "../../lib/generated/prisma/enums";
import { SITES } from "./data";
import { mulberry32, seedFrom, type Rng } from "./random";

type Tx = Prisma.TransactionClient;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back the history goes, in local days before today (≈ six months). */
export const HISTORY_DAYS = 182;
/** A complaint is reopened at most once (round 2 is never unsatisfied). */
const MAX_ROUNDS = 2;
const BATCH = 100;

// ---------------------------------------------------------------------------------------------
// What complaints are about: per category, realistic descriptions with the action that fixed them.
// Placeholders: {loc} 「A座12层」, {room} 「A座1203室」, {bldg} 「A座」, {floor} 「12」, and the
// site's places {garage} {canteen} {plaza}.
// ---------------------------------------------------------------------------------------------

type Template = { text: string; actions: readonly string[] };
type CategoryDef = {
  weight: number;
  /** share of major complaints in this category (≈20% overall) */
  majorShare: number;
  /** local receipt hours, minutes from midnight */
  hours: readonly [number, number];
  general: readonly Template[];
  major: readonly Template[];
};

const t = (text: string, ...actions: string[]): Template => ({ text, actions });
const OFFICE_HOURS = [8 * 60 + 30, 18 * 60] as const;

const CATEGORIES: Record<ComplaintCategory, CategoryDef> = {
  REPAIR: {
    weight: 28,
    majorShare: 0.3,
    hours: OFFICE_HOURS,
    general: [
      t("{loc}男卫生间水龙头漏水", "已更换水龙头阀芯，试水无渗漏", "已更换水龙头及进水软管，试水正常"),
      t("{room}空调不制冷，室内温度偏高", "已清洗空调过滤网并检修温控面板，制冷恢复正常", "已更换风机盘管电机，室温恢复正常"),
      t("前台反映{bldg}大堂空调温度过低", "已将大堂空调设定温度调整为26℃，并调小出风量"),
      t("{room}门禁读卡器失灵，刷卡无法开门", "已更换门禁读卡器并重新授权门卡", "已重启门禁控制器并重新写卡，测试正常"),
      t("{loc}公共走道顶灯闪烁，部分不亮", "已更换LED灯管8支", "已更换镇流器及灯管，照明恢复"),
      t("{loc}女卫生间马桶冲水不止", "已更换水箱进水阀及止水皮垫"),
      t("{room}会议室墙面插座无电", "排查为插座回路漏电开关跳闸，已更换损坏插座并恢复供电"),
      t("{bldg}客梯{floor}层外呼按钮无反应", "电梯维保单位已更换外呼按钮板，运行正常"),
      t("{loc}茶水间开水器不出热水", "已更换开水器加热管及温控器"),
      t("{room}吊顶有水渍，疑似上层渗水", "已查明为上层空调冷凝水管接口松脱，重新接驳并更换受损吊顶板"),
      t("{room}窗户执手松动，无法关严", "已更换窗户执手并调整合页"),
      t("{room}门口地弹簧门关闭过快，有夹手风险", "已调整地弹簧闭门速度"),
    ],
    major: [
      t("{room}天花板大面积漏水，已淋湿办公桌和电脑", "已关闭上层供水阀门并更换破裂水管，协助业户转移设备，受损吊顶已更换"),
      t("{bldg}客梯运行中突然停梯，困人约15分钟", "电梯维保单位到场救援后更换门机控制板，全面检测后恢复运行"),
      t("{loc}整层突然停电，业户无法正常办公", "排查为楼层配电箱总开关老化跳闸，已更换开关并恢复供电"),
      t("{room}中央空调出风口滴水，地面大量积水", "已疏通冷凝水管并更换保温棉，地面积水已清理"),
      t("{loc}消防喷淋头误喷，走廊积水", "已关闭该区域喷淋阀门并更换喷淋头，积水已清理，系统恢复正常"),
    ],
  },
  CLEANING: {
    weight: 20,
    majorShare: 0.15,
    hours: OFFICE_HOURS,
    general: [
      t("{loc}男卫生间地面有积水，异味较重", "保洁已清理积水并疏通地漏，卫生间巡查改为每小时一次"),
      t("{loc}公共走道垃圾桶已满未及时清理", "已清理，该楼层垃圾收集改为每日三次"),
      t("{bldg}一层大堂玻璃门指纹污渍明显", "已擦拭玻璃门，并纳入每日两次保洁计划"),
      t("{loc}茶水间水槽堵塞，残渣无人清理", "已疏通水槽并加装过滤网，茶水间每日下午加清一次"),
      t("{bldg}客梯轿厢地毯脏污", "已更换电梯地毯，每日早晚各清洁一次"),
      t("{loc}女卫生间擦手纸、洗手液未及时补充", "已补齐耗材，巡查表增加耗材检查项"),
      t("{room}门口公共区域地面污渍未清洁", "已安排保洁清洗地面并打蜡"),
      t("{bldg}步梯间有烟头和杂物", "已清理步梯间并张贴禁烟提示，保安加强巡查"),
      t("{loc}公共走道地毯有大片污渍", "已安排地毯专项清洗"),
    ],
    major: [
      t("{loc}卫生间下水道返味严重，影响整层办公", "已疏通排污立管并加装防臭地漏，卫生间每日消毒两次"),
      t("垃圾房垃圾外溢，周边异味和蚊蝇严重", "已全面清运并消杀，垃圾清运调整为每日两次"),
      t("{room}发现老鼠，要求灭鼠", "已请消杀单位投放鼠饵站并封堵管井缝隙，一周后复查无鼠迹"),
    ],
  },
  CATERING: {
    weight: 12,
    majorShare: 0.15,
    hours: [11 * 60 + 40, 14 * 60 + 30],
    general: [
      t("午餐菜品口味偏咸", "已与餐饮公司沟通，控制调味用量，厨师长每日试菜"),
      t("今日午餐送餐延误约40分钟", "送餐公司已调整配送路线并增加一名送餐员"),
      t("午餐份量不足，米饭偏少", "已要求餐饮公司按标准足量供应，米饭可免费添加"),
      t("{canteen}菜品连续多日重复，品种单一", "餐饮公司已调整下周菜单，每日增加两个菜品"),
      t("送餐餐盒破损，汤汁洒漏", "已更换加厚餐盒并加封口膜"),
      t("{canteen}用餐高峰餐桌未及时清理", "已增加餐厅保洁人员，用餐高峰随时清理"),
      t("送到时菜品已凉", "送餐公司已配备保温箱，出餐后30分钟内送达"),
      t("{canteen}早餐供应结束过早，8:40已无餐品", "早餐供应时间已延长至9:15，并增加备餐量"),
    ],
    major: [
      t("午餐餐盒中发现头发", "餐饮公司已对当班人员停岗处理，后厨加强卫生检查，并向业户书面致歉"),
      t("多名员工反映午餐后肠胃不适", "已封存留样送检，后厨全面消毒，检测结果未见异常，已向业户通报"),
      t("{canteen}菜品有异味，疑似变质", "已下架该菜品并核查原料进货记录，已更换蔬菜供应商"),
    ],
  },
  SECURITY: {
    weight: 7,
    majorShare: 0.35,
    hours: [8 * 60, 19 * 60],
    general: [
      t("夜间{bldg}门口有外来人员逗留", "已加强夜间巡逻，外来人员一律登记后方可进入"),
      t("{bldg}一层大堂访客登记不规范，未核验身份", "已对岗位保安进行培训，严格执行访客登记制度"),
      t("{loc}消防通道堆放杂物", "已清理杂物并通知相关业户，纳入每日巡查"),
      t("快递员未经登记直接上楼到{room}", "已规范快递员登记流程，快递统一送至前台代收"),
      t("保安值班时玩手机，对询问态度冷淡", "已对该保安员批评教育并调整岗位"),
      t("{room}下班后门未锁好，保安巡逻未发现", "已完善夜间巡逻签到，逐户检查门锁"),
    ],
    major: [
      t("{room}办公室笔记本电脑失窃", "已调取监控并协助业户报警，楼层增加夜间巡逻频次"),
      t("{bldg}火灾报警误报，疏散引起业户恐慌", "已检修误报的烟感探测器，并向业户说明情况"),
      t("{loc}门禁失效，夜间办公区域敞开", "已更换门禁电源模块，并增加夜间巡查"),
    ],
  },
  NOISE: {
    weight: 8,
    majorShare: 0.15,
    hours: OFFICE_HOURS,
    general: [
      t("{loc}楼上装修噪音大，影响正常办公", "已通知装修单位将高噪音作业调整到工作日18:00以后"),
      t("{room}上方空调机组运行噪音明显", "已更换风机轴承并加装减震垫"),
      t("{canteen}排风机噪音大", "已检修排风机并加装消声器"),
      t("隔壁公司会议音量过大，影响{room}办公", "已与相关业户沟通，提醒控制音量"),
      t("{plaza}早上有人播放音乐，声音较大", "保安已劝导，并在广场张贴文明提示"),
      t("{loc}新风机组夜间运行噪音大", "已调整新风机组运行时段并更换减震垫"),
    ],
    major: [t("{loc}装修单位工作时间使用电锤，多次劝阻无效", "已暂停该装修单位施工一天并约谈负责人，签署施工时间承诺书")],
  },
  PARKING: {
    weight: 8,
    majorShare: 0.2,
    hours: [7 * 60 + 30, 19 * 60],
    general: [
      t("{garage}照明损坏，光线昏暗", "已通知工程部更换灯具，照明恢复"),
      t("{garage}固定车位被他人占用", "保安已联系车主挪车，车位已加装地锁"),
      t("月租车辆出场道闸不抬杆", "已重新录入车牌信息，道闸识别正常"),
      t("{garage}地面指示标线模糊", "已重新施划地面标线及导向箭头"),
      t("访客停车收费有异议", "已核实收费记录并向业户解释收费标准，多收部分已退还"),
      t("{garage}充电桩无法使用", "已联系充电桩运营商更换充电模块"),
    ],
    major: [
      t("{garage}车辆被剐蹭，肇事车辆已离开", "已调取监控找到肇事车辆，协调双方处理完毕"),
      t("暴雨后{garage}积水，车辆有被淹风险", "已启动排水泵抽水并清理排水沟，提醒车主挪车"),
    ],
  },
  SERVICE: {
    weight: 10,
    majorShare: 0.2,
    hours: OFFICE_HOURS,
    general: [
      t("前台接待态度冷淡，来访客人等候较久", "已对前台人员进行服务礼仪培训，高峰期增加一人"),
      t("报修后一直无人回复进度", "已建立报修进度回复机制，由客服专人跟进"),
      t("{room}报纸未及时送达", "已调整报纸分发时间，送达后请业户签收"),
      t("前台代收快递遗失", "已调取监控找回快递，代收物品改为登记签收"),
      t("物业费账单金额有误", "已核对更正账单并重新开具"),
      t("会议室预订冲突，到场后无法使用", "已规范会议室预订登记，提前一天确认"),
    ],
    major: [t("{room}多次报修未处理，要求物业负责人答复", "项目经理已上门致歉，现场督办维修，并安排专人跟进")],
  },
  OTHER: {
    weight: 7,
    majorShare: 0.12,
    hours: OFFICE_HOURS,
    general: [
      t("{bldg}一层大堂楼层指示牌信息陈旧，公司名称未更新", "已更新楼层指示牌"),
      t("{plaza}绿化带杂草较多", "已安排绿化修剪和除草"),
      t("{plaza}有人散发小广告", "保安已劝离，加强广场巡逻"),
      t("{bldg}电梯内广告屏音量过大", "已联系广告运营商调低音量"),
      t("{loc}饮水机水质检测报告未公示", "已张贴最新水质检测报告"),
    ],
    major: [t("{plaza}树枝断裂砸中停放车辆", "已清理断枝并协助理赔，园区树木已做安全修剪")],
  },
};

/** The forwarding department of each category (by kind: the names differ per site). */
const DEPARTMENT_OF: Record<ComplaintCategory, DepartmentKind> = {
  REPAIR: "ENGINEERING",
  CLEANING: "CLEANING_CONTRACTOR",
  CATERING: "CATERING",
  SECURITY: "SECURITY",
  PARKING: "SECURITY",
  NOISE: "ADMIN_HR",
  SERVICE: "ADMIN_HR",
  OTHER: "ADMIN_HR",
};

const SOURCES: readonly (readonly [ComplaintSource, number])[] = [
  ["PHONE", 40],
  ["VISIT", 22],
  ["ONLINE", 20],
  ["INSPECTION", 12],
  ["OTHER", 6],
];

type Places = { garage: readonly string[]; canteen: readonly string[]; plaza: readonly string[] };
const PLACES: Record<string, Places> = {
  HQ: {
    garage: ["地下车库B1层", "西侧地面停车场", "地下车库B1层充电区"],
    canteen: ["地下一层美食广场", "员工餐厅"],
    plaza: ["东侧外围广场", "南侧主入口广场"],
  },
  SP: {
    garage: ["东区地面停车场", "园区地下车库", "园区南门停车场"],
    canteen: ["5号楼员工餐厅", "5号楼二层餐厅"],
    plaza: ["中央景观广场", "园区南大门广场", "园区环路绿化带"],
  },
};
const DEFAULT_PLACES: Places = { garage: ["地下车库"], canteen: ["员工餐厅"], plaza: ["园区广场"] };

const COMMENTS: Record<Satisfaction, readonly string[]> = {
  SATISFIED: [
    "客户表示问题已解决，对处理结果满意",
    "客户满意，感谢及时处理",
    "客户确认已恢复正常，无其他意见",
    "客户表示处理及时，服务态度好",
  ],
  BASICALLY_SATISFIED: [
    "客户基本满意，希望响应速度再快一些",
    "问题已解决，客户认为处理时间偏长",
    "客户基本满意，建议加强日常巡查",
    "客户基本满意，希望后续不再出现同类问题",
  ],
  UNSATISFIED: ["客户反映问题未彻底解决，要求重新处理", "客户表示同类问题再次出现，对处理结果不满意", "客户不认可处理结果，要求返工"],
};

/** Daily intake: number of complaints on a working day / on a weekend or holiday, with weights. */
const PER_WORKING_DAY: Record<string, readonly (readonly [number, number])[]> = {
  HQ: [
    [0, 20],
    [1, 38],
    [2, 28],
    [3, 11],
    [4, 3],
  ],
  SP: [
    [0, 22],
    [1, 40],
    [2, 27],
    [3, 9],
    [4, 2],
  ],
};
const PER_DAY_OFF: readonly (readonly [number, number])[] = [
  [0, 70],
  [1, 25],
  [2, 5],
];

// ---------------------------------------------------------------------------------------------
// The plan: pure, from the site's reference data and "now".
// ---------------------------------------------------------------------------------------------

export type SeedUnit = { id: string; code: string; building: string; floor: string };
export type SeedTenant = { id: string; name: string; clientName: string; units: SeedUnit[] };
/** Demo accounts of the site; null when missing (deleted, disabled or not assigned). */
export type SeedStaff = {
  frontDesk: string | null;
  cleaningSupervisor: string | null;
  coordinator: string | null;
  manager: string | null;
  clerk: string | null;
};

export type SitePlanInput = {
  siteId: string;
  siteCode: string;
  calendar: Calendar;
  now: Date;
  tenants: SeedTenant[];
  departments: Partial<Record<DepartmentKind, string>>;
  staff: SeedStaff;
};

type Stall = "start" | "rectify" | "revisit" | "close";
type Fate = {
  lateRectification: readonly [boolean, boolean];
  lateRevisit: readonly [boolean, boolean];
  /** round 2 is never unsatisfied */
  satisfaction: readonly [Satisfaction, Satisfaction];
  /** the step the complaint stops before, whatever the time (left pending by the staff) */
  stall: Stall | null;
};

type Intake = {
  key: number;
  receivedAt: Date;
  tenant: SeedTenant;
  unit: SeedUnit;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  source: ComplaintSource;
  template: Template;
  description: string;
  receivedById: string;
  departmentId: string;
  rectifierId: string;
  revisitorId: string;
};

type RevisitOut = { dueAt: Date; revisitedAt: Date; satisfaction: Satisfaction; comments: string; byId: string };
type RoundOut = {
  round: number;
  due: Deadline;
  startedAt: Date | null;
  rectifiedAt: Date | null;
  actionTaken: string | null;
  revisitDue: Deadline | null;
  revisit: RevisitOut | null;
};
type Outcome = { state: ComplaintState; rounds: RoundOut[]; closedAt: Date | null; updatedAt: Date };

type Staffing = {
  receivers: readonly (readonly [string, number])[];
  inspectorFor: (category: ComplaintCategory) => string;
  rectifierFor: (category: ComplaintCategory) => readonly (readonly [string, number])[];
  revisitors: readonly (readonly [string, number])[];
};

/**
 * Who does what, following lib/permissions: intake by the front desk or a supervisor, rectification
 * and closure by a supervisor or the manager, revisits by a supervisor or the clerk. Null when the
 * site lacks someone for a step.
 */
function staffing(s: SeedStaff): Staffing | null {
  const supervisor = s.coordinator ?? s.cleaningSupervisor;
  const rectifier = supervisor ?? s.manager;
  const receivers = weighted([
    [s.frontDesk, 70],
    [s.coordinator, 20],
    [s.cleaningSupervisor, 10],
  ]);
  const revisitors = weighted([
    [supervisor, 65],
    [s.clerk, 35],
  ]);
  if (!rectifier || receivers.length === 0 || revisitors.length === 0) return null;
  return {
    receivers,
    inspectorFor: (category) => (category === "CLEANING" ? (s.cleaningSupervisor ?? rectifier) : (s.coordinator ?? rectifier)),
    rectifierFor: (category) =>
      category === "CLEANING" && s.cleaningSupervisor
        ? [[s.cleaningSupervisor, 1]]
        : weighted([
            [s.coordinator ?? s.cleaningSupervisor, 80],
            [s.manager, 20],
          ]),
    revisitors,
  };
}

function weighted(items: readonly (readonly [string | null, number])[]): [string, number][] {
  return items.flatMap(([id, w]) => (id ? [[id, w] as [string, number]] : []));
}

/** "12F" → "12", "03F" → "3"; anything else as is. */
function floorNumber(floor: string): string {
  const m = /^0*(\d+)F$/.exec(floor);
  return m ? m[1] : floor;
}

function describe(rng: Rng, template: Template, unit: SeedUnit, places: Places, source: ComplaintSource): string {
  const floor = floorNumber(unit.floor);
  const values: Record<string, string> = {
    loc: `${unit.building}${floor}层`,
    room: `${unit.building}${unit.code.split("-").pop() ?? unit.code}室`,
    bldg: unit.building,
    floor,
    garage: rng.pick(places.garage),
    canteen: rng.pick(places.canteen),
    plaza: rng.pick(places.plaza),
  };
  const text = template.text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
  return source === "INSPECTION" ? `巡检时业户反映：${text}` : text;
}

/** Day starts, memoised per plan (a few thousand look-ups). */
function dayStarts(calendar: Calendar) {
  const memo = new Map<LocalDate, number>();
  return (date: LocalDate): number => {
    let start = memo.get(date);
    if (start === undefined) {
      start = calendar.startOfLocalDay(date).getTime();
      memo.set(date, start);
    }
    return start;
  };
}

type TimePicker = (
  rng: Rng,
  from: Date | number,
  to: Date | number,
  options?: { offDayWeight?: number; hours?: readonly [number, number] },
) => Date;

/**
 * An instant in [from, to] on a whole minute, uniform over the local working hours in that range:
 * working days weigh 1, other days `offDayWeight` (all days 1 if that leaves nothing, e.g. within
 * a long holiday). A range with no working hours at all (within one night): anywhere in it.
 */
function timePicker(calendar: Calendar): TimePicker {
  const startOf = dayStarts(calendar);
  return (rng, fromInput, toInput, options = {}) => {
    const lo = typeof fromInput === "number" ? fromInput : fromInput.getTime();
    const hi = typeof toInput === "number" ? toInput : toInput.getTime();
    if (hi <= lo) return new Date(lo);
    const [open, close] = options.hours ?? [8 * 60 + 30, 18 * 60];
    const offDayWeight = options.offDayWeight ?? 0;
    // Working days weigh 1, other days offDayWeight; if that leaves nothing (a long holiday), any day.
    const spans: { a: number; b: number; w: number }[] = [];
    for (let date = calendar.localDateOf(new Date(lo)); ; date = addDays(date, 1)) {
      const start = startOf(date);
      if (start > hi) break;
      const a = Math.max(lo, start + open * MINUTE);
      const b = Math.min(hi, start + close * MINUTE);
      if (b > a) spans.push({ a, b, w: calendar.isWorkingDay(date) ? 1 : offDayWeight });
    }
    let total = spans.reduce((sum, s) => sum + (s.b - s.a) * s.w, 0);
    if (total === 0) {
      for (const s of spans) s.w = 1;
      total = spans.reduce((sum, s) => sum + (s.b - s.a), 0);
    }
    let at = lo + rng.next() * (hi - lo);
    if (total > 0) {
      let r = rng.next() * total;
      for (const s of spans) {
        const len = (s.b - s.a) * s.w;
        if (len === 0) continue;
        at = s.a + Math.min(r, len) / s.w;
        if (r < len) break;
        r -= len;
      }
    }
    let minute = Math.ceil(at / MINUTE) * MINUTE;
    if (minute > hi) minute = Math.floor(at / MINUTE) * MINUTE;
    return new Date(minute >= lo ? minute : at);
  };
}

export type PlannedSite = {
  complaints: Prisma.ComplaintCreateManyInput[];
  rectifications: Prisma.ComplaintRectificationCreateManyInput[];
  revisits: Prisma.ComplaintRevisitCreateManyInput[];
};

/** The site's six months of complaints, or null when it lacks the tenants, departments or staff. */
export function planSiteComplaints(input: SitePlanInput): PlannedSite | null {
  const { siteCode, calendar, now } = input;
  const staff = staffing(input.staff);
  const tenants = input.tenants.filter((tn) => tn.units.length > 0);
  const fallbackDepartment = input.departments.ADMIN_HR ?? Object.values(input.departments)[0];
  if (!staff || tenants.length === 0 || !fallbackDepartment) return null;

  const places = PLACES[siteCode] ?? DEFAULT_PLACES;
  const pick = timePicker(calendar);
  const startOf = dayStarts(calendar);
  const rng = mulberry32(seedFrom(`${siteCode}:complaints`));
  // Some tenants complain more than others.
  const tenantWeights = tenants.map((tn) => [tn, rng.pick([1, 1, 1, 2, 2, 4])] as const);
  const categories = Object.entries(CATEGORIES).map(([c, def]) => [c as ComplaintCategory, def.weight] as const);
  const perWorkingDay = PER_WORKING_DAY[siteCode] ?? PER_WORKING_DAY.HQ;

  // 1. Intakes, day by day, from HISTORY_DAYS ago up to now.
  const today = calendar.localDateOf(now);
  const intakes: Intake[] = [];
  for (let back = HISTORY_DAYS; back >= 0; back--) {
    const date = addDays(today, -back);
    const working = calendar.isWorkingDay(date);
    const count = rng.weighted(working ? perWorkingDay : PER_DAY_OFF);
    for (let i = 0; i < count; i++) {
      const category = rng.weighted(categories);
      const def = CATEGORIES[category];
      const severity: ComplaintSeverity = rng.chance(def.majorShare) ? "MAJOR" : "GENERAL";
      const source = rng.weighted(SOURCES);
      const tenant = rng.weighted(tenantWeights);
      const unit = rng.pick(tenant.units);
      const template = rng.pick(severity === "MAJOR" ? def.major : def.general);
      const [open, close] = working ? def.hours : [Math.max(def.hours[0], 9 * 60), Math.min(def.hours[1], 17 * 60)];
      const receivedAt = new Date(startOf(date) + rng.int(open, close) * MINUTE + rng.int(0, 59) * 1000);
      const description = describe(rng, template, unit, places, source);
      const receivedById = source === "INSPECTION" ? staff.inspectorFor(category) : rng.weighted(staff.receivers);
      const rectifierId = rng.weighted(staff.rectifierFor(category));
      const revisitorId = rng.weighted(staff.revisitors);
      // Nothing in the future: today's complaints stop a little before now.
      if (receivedAt.getTime() > now.getTime() - 10 * MINUTE) continue;
      intakes.push({
        key: intakes.length,
        receivedAt,
        tenant,
        unit,
        category,
        severity,
        source,
        template,
        description,
        receivedById,
        departmentId: input.departments[DEPARTMENT_OF[category]] ?? fallbackDepartment,
        rectifierId,
        revisitorId,
      });
    }
  }
  intakes.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.key - b.key);

  // 2. What happens to each: mostly on time, ~12% late per step, ~7% reopened once, and a few left
  //    pending (more among recent ones).
  const fates = intakes.map((c) => {
    const r = mulberry32(seedFrom(`${siteCode}:complaint:${c.key}:fate`));
    const ageDays = (now.getTime() - c.receivedAt.getTime()) / DAY;
    const stallChance = ageDays > 60 ? 0.015 : ageDays > 14 ? 0.04 : 0.08;
    const fate: Fate = {
      lateRectification: [r.chance(0.12), r.chance(0.1)],
      lateRevisit: [r.chance(0.12), r.chance(0.1)],
      satisfaction: [
        r.weighted<Satisfaction>([
          ["SATISFIED", 70],
          ["BASICALLY_SATISFIED", 23],
          ["UNSATISFIED", 7],
        ]),
        r.weighted<Satisfaction>([
          ["SATISFIED", 60],
          ["BASICALLY_SATISFIED", 40],
        ]),
      ],
      stall: r.chance(stallChance)
        ? r.weighted<Stall>([
            ["start", 25],
            ["rectify", 35],
            ["revisit", 30],
            ["close", 10],
          ])
        : null,
    };
    return fate;
  });

  const simulate = (c: Intake, fate: Fate): Outcome => {
    const r = mulberry32(seedFrom(`${siteCode}:complaint:${c.key}:times`));
    const happened = (at: Date) => at.getTime() <= now.getTime();
    const offDayWeight = c.severity === "MAJOR" ? 0.6 : 0.1;
    const rounds: RoundOut[] = [];
    let from = c.receivedAt;
    let updatedAt = c.receivedAt;
    const done = (state: ComplaintState, closedAt: Date | null = null): Outcome => ({ state, rounds, closedAt, updatedAt });

    for (let round = 1; ; round++) {
      const i = round - 1;
      const lastRound = round === MAX_ROUNDS || fate.satisfaction[i] !== "UNSATISFIED";
      const stall = lastRound ? fate.stall : null;
      const due = rectificationDue(calendar, from, c.severity); // R-CMP-2
      const out: RoundOut = { round, due, startedAt: null, rectifiedAt: null, actionTaken: null, revisitDue: null, revisit: null };
      rounds.push(out);

      // Rectification: on time, or 1–3 working days late.
      const rectifiedAt = fate.lateRectification[i]
        ? pick(r, due.dueAt, calendar.addWorkingDays(due.dueAt, r.int(1, 3)).dueAt, { offDayWeight })
        : pick(r, from.getTime() + 30 * MINUTE, due.dueAt, { offDayWeight });
      if (round === 1) {
        // Started soon after receipt (a reopened round is in rectification at once, without a start).
        const latestStart = Math.min(rectifiedAt.getTime() - 5 * MINUTE, from.getTime() + (c.severity === "MAJOR" ? 3 * HOUR : DAY));
        const startedAt = pick(r, from.getTime() + 5 * MINUTE, latestStart, { offDayWeight });
        if (stall === "start" || !happened(startedAt)) return done("RECEIVED");
        out.startedAt = updatedAt = startedAt;
      }
      if (stall === "start" || stall === "rectify" || !happened(rectifiedAt)) return done("IN_RECTIFICATION");
      const action = r.pick(c.template.actions);
      out.rectifiedAt = updatedAt = rectifiedAt;
      out.actionTaken = round === 1 ? action : `复查后再次整改：${action}，主管现场验收`;

      // Revisit (R-CMP-3): on time, often within a few days, or 1–5 days late; by phone.
      const due2 = revisitDue(calendar, rectifiedAt, c.severity);
      out.revisitDue = due2;
      const revisitWindowEnd = Math.min(due2.dueAt.getTime(), rectifiedAt.getTime() + r.int(2, REVISIT_WEEKS[c.severity] * 7) * DAY);
      const hours = [9 * 60, 17 * 60 + 30] as const;
      const revisitedAt = fate.lateRevisit[i]
        ? pick(r, due2.dueAt, due2.dueAt.getTime() + r.int(1, 5) * DAY, { hours })
        : pick(r, rectifiedAt.getTime() + HOUR, revisitWindowEnd, { hours });
      if (stall === "revisit" || !happened(revisitedAt)) return done("RECTIFIED");
      const satisfaction = fate.satisfaction[i];
      out.revisit = { dueAt: due2.dueAt, revisitedAt, satisfaction, comments: r.pick(COMMENTS[satisfaction]), byId: c.revisitorId };
      updatedAt = revisitedAt;
      if (!lastRound) {
        from = revisitedAt; // R-CMP-4: reopened, the new round counts from the revisit
        continue;
      }

      const closedAt = pick(r, revisitedAt.getTime() + 10 * MINUTE, revisitedAt.getTime() + r.int(1, 3) * DAY);
      if (stall === "close" || !happened(closedAt)) return done("REVISITED");
      updatedAt = closedAt;
      return done("CLOSED", closedAt);
    }
  };

  const outcomes = intakes.map((c, i) => simulate(c, fates[i]));

  // 3. Make sure the dashboard has something to show today, whatever day it is: a few complaints
  //    overdue now, and something due today or soon when the calendar allows it. Candidates are
  //    recent complaints finished in round 1 whose current deadline counts for no target, turned
  //    into ones left pending at the right step.
  const deadlineOf = (o: Outcome) => {
    const cur = o.rounds[o.rounds.length - 1];
    const d = currentDeadline({ state: o.state, rectificationDueAt: cur.due.dueAt, revisitDueAt: cur.revisitDue?.dueAt ?? null });
    return d ? `${d.kind}:${deadlineState(calendar, d.dueAt, null, now, d.kind)}` : null;
  };
  const ensureRng = mulberry32(seedFrom(`${siteCode}:complaints:ensure`));
  const targets: { deadline: string; min: number; stall: () => Stall }[] = [
    { deadline: "rectification:overdue", min: 3, stall: () => (ensureRng.chance(0.4) ? "start" : "rectify") },
    { deadline: "revisit:overdue", min: 2, stall: () => "revisit" },
    { deadline: "rectification:due_today", min: 1, stall: () => "rectify" },
    { deadline: "revisit:due_today", min: 1, stall: () => "revisit" },
    { deadline: "rectification:due_soon", min: 2, stall: () => "rectify" },
    { deadline: "revisit:due_soon", min: 2, stall: () => "revisit" },
  ];
  const counted = new Set(targets.map((target) => target.deadline));
  const recent = ensureRng.shuffle(
    intakes
      .map((_, i) => i)
      .filter((i) => now.getTime() - intakes[i].receivedAt.getTime() < 30 * DAY && fates[i].satisfaction[0] !== "UNSATISFIED"),
  );
  for (const target of targets) {
    let have = outcomes.filter((o) => deadlineOf(o) === target.deadline).length;
    for (const i of recent) {
      if (have >= target.min) break;
      const current = deadlineOf(outcomes[i]);
      if (current !== null && counted.has(current)) continue;
      const fate = { ...fates[i], stall: target.stall() };
      const outcome = simulate(intakes[i], fate);
      if (deadlineOf(outcome) !== target.deadline) continue;
      fates[i] = fate;
      outcomes[i] = outcome;
      have++;
    }
  }

  // 4. Rows, numbered per site and local day in order of receipt.
  const perDay = new Map<string, number>();
  const planned: PlannedSite = { complaints: [], rectifications: [], revisits: [] };
  intakes.forEach((c, n) => {
    const o = outcomes[n];
    const id = randomUUID();
    const day = calendar.localDateOf(c.receivedAt).replaceAll("-", "");
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const cur = o.rounds[o.rounds.length - 1];
    const previous = o.rounds.length > 1 ? o.rounds[o.rounds.length - 2] : null;
    planned.complaints.push({
      id,
      number: `${siteCode}-${day}-${String(seq).padStart(3, "0")}`,
      requestId: `seed-${siteCode}-${n + 1}`,
      siteId: input.siteId,
      tenantId: c.tenant.id,
      unitId: c.unit.id,
      departmentId: c.departmentId,
      source: c.source,
      category: c.category,
      severity: c.severity,
      description: c.description,
      receivedAt: c.receivedAt,
      backdated: false,
      receivedById: c.receivedById,
      state: o.state,
      round: cur.round,
      rectificationDueAt: cur.due.dueAt,
      rectificationDueProvisional: cur.due.provisional,
      rectifiedAt: cur.rectifiedAt,
      revisitDueAt: cur.revisitDue?.dueAt ?? null,
      revisitDueProvisional: cur.revisitDue?.provisional ?? false,
      revisitedAt: cur.revisit?.revisitedAt ?? previous?.revisit?.revisitedAt ?? null,
      closedAt: o.closedAt,
      createdAt: c.receivedAt,
      updatedAt: o.updatedAt,
    });
    for (const round of o.rounds) {
      planned.rectifications.push({
        id: randomUUID(),
        complaintId: id,
        round: round.round,
        dueAt: round.due.dueAt,
        startedAt: round.startedAt,
        startedById: round.startedAt ? c.rectifierId : null,
        rectifiedAt: round.rectifiedAt,
        rectifiedById: round.rectifiedAt ? c.rectifierId : null,
        actionTaken: round.actionTaken,
      });
      if (round.revisit) {
        planned.revisits.push({
          id: randomUUID(),
          complaintId: id,
          round: round.round,
          dueAt: round.revisit.dueAt,
          method: "PHONE",
          revisitedAt: round.revisit.revisitedAt,
          satisfaction: round.revisit.satisfaction,
          clientName: c.tenant.clientName,
          comments: round.revisit.comments,
          signatureFileId: null,
          signedAt: null,
          // Seeded history counts as signed on the paper form at the time of the call.
          completedAt: round.revisit.revisitedAt,
          byId: round.revisit.byId,
          createdAt: round.revisit.revisitedAt,
        });
      }
    }
  });
  return planned;
}

// ---------------------------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------------------------

const STATES: readonly ComplaintState[] = ["RECEIVED", "IN_RECTIFICATION", "RECTIFIED", "REVISITED", "CLOSED"];
const DEMO_STAFF: Record<keyof SeedStaff, string> = {
  frontDesk: "frontdesk",
  cleaningSupervisor: "supervisor",
  coordinator: "coordinator",
  manager: "manager",
  clerk: "clerk",
};

export type ComplaintSeedResult = {
  siteCode: string;
  /** complaints added in this run (0 when the site already had some, or lacks reference data) */
  added: number;
  /** what the site holds now */
  byState: Record<ComplaintState, number>;
  /** current deadline overdue now (rectification / revisit) */
  overdue: { rectification: number; revisit: number };
};

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
async function siteInput(tx: Tx, site: { id: string; code: string; timeZone: string }, now: Date, officialYears: OfficialYearTable[]) {
  const overrides = await tx.calendarOverride.findMany({ where: { siteId: site.id }, select: { date: true, kind: true } });
  const tenantRows = await tx.tenant.findMany({
    where: { siteId: site.id, units: { some: { status: "OCCUPIED" } } },
    select: {
      id: true,
      name: true,
      contacts: { select: { name: true, isPrimary: true } },
      units: { where: { status: "OCCUPIED" }, select: { id: true, code: true, building: true, floor: true } },
    },
  });
  const departments = await tx.department.findMany({ where: { siteId: site.id }, select: { id: true, kind: true, name: true } });
  const users = await tx.user.findMany({
    where: { username: { in: Object.values(DEMO_STAFF) }, disabled: false, sites: { some: { siteId: site.id } } },
    select: { id: true, username: true },
  });

  // Sorted here, by code unit, so the plan does not depend on the database's collation.
  const tenants: SeedTenant[] = tenantRows
    .map((tn) => {
      const contacts = [...tn.contacts].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || byCodeUnit(a.name, b.name));
      return {
        id: tn.id,
        name: tn.name,
        clientName: contacts[0]?.name ?? "前台",
        units: [...tn.units].sort((a, b) => byCodeUnit(a.code, b.code)),
      };
    })
    .sort((a, b) => byCodeUnit(a.name, b.name));
  const departmentByKind: Partial<Record<DepartmentKind, string>> = {};
  for (const d of [...departments].sort((a, b) => byCodeUnit(a.name, b.name))) departmentByKind[d.kind] ??= d.id;
  const userId = (username: string) => users.find((u) => u.username === username)?.id ?? null;
  const staff = Object.fromEntries(Object.entries(DEMO_STAFF).map(([role, username]) => [role, userId(username)])) as SeedStaff;

  const calendar = createCalendar({
    timeZone: site.timeZone,
    overrides: overrides.map((o) => ({ date: localDateOfColumn(o.date), kind: o.kind })),
    officialYears,
  });
  return { siteId: site.id, siteCode: site.code, calendar, now, tenants, departments: departmentByKind, staff } satisfies SitePlanInput;
}

async function createInBatches<T>(rows: T[], create: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await create(rows.slice(i, i + BATCH));
}

/**
 * Adds the demo complaints to every seeded site (SITES) that has none yet, and reports what each
 * site holds. `now` is the end of the history (default: the current time).
 */
export async function seedComplaints(
  db: PrismaClient,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<ComplaintSeedResult[]> {
  const now = options.now ?? new Date();
  const results = await db.$transaction(
    async (tx) => {
      // Two seeds at once (two `npm start`): the second waits, then finds the complaints.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kewu:seed:complaints'))`;
      const sites = await tx.site.findMany({
        where: { code: { in: SITES.map((s) => s.code) } },
        select: { id: true, code: true, timeZone: true, _count: { select: { complaints: true } } },
      });
      sites.sort((a, b) => byCodeUnit(a.code, b.code));
      const empty = sites.filter((s) => s._count.complaints === 0);
      const officialYears = empty.length > 0 ? await loadOfficialYears(tx) : [];

      const added = new Map<string, number>();
      for (const site of empty) {
        const plan = planSiteComplaints(await siteInput(tx, site, now, officialYears));
        if (!plan) continue;
        await createInBatches(plan.complaints, (data) => tx.complaint.createMany({ data }));
        await createInBatches(plan.rectifications, (data) => tx.complaintRectification.createMany({ data }));
        await createInBatches(plan.revisits, (data) => tx.complaintRevisit.createMany({ data }));
        added.set(site.id, plan.complaints.length);
      }

      const siteIds = sites.map((s) => s.id);
      const counts = await tx.complaint.groupBy({ by: ["siteId", "state"], where: { siteId: { in: siteIds } }, _count: { _all: true } });
      const overdueRect = await tx.complaint.groupBy({
        by: ["siteId"],
        where: { siteId: { in: siteIds }, state: { in: ["RECEIVED", "IN_RECTIFICATION"] }, rectificationDueAt: { lt: now } },
        _count: { _all: true },
      });
      const overdueRevisit = await tx.complaint.groupBy({
        by: ["siteId"],
        where: { siteId: { in: siteIds }, state: "RECTIFIED", revisitDueAt: { lt: now } },
        _count: { _all: true },
      });
      return sites.map((s): ComplaintSeedResult => ({
        siteCode: s.code,
        added: added.get(s.id) ?? 0,
        byState: Object.fromEntries(
          STATES.map((state) => [state, counts.find((c) => c.siteId === s.id && c.state === state)?._count._all ?? 0]),
        ) as Record<ComplaintState, number>,
        overdue: {
          rectification: overdueRect.find((c) => c.siteId === s.id)?._count._all ?? 0,
          revisit: overdueRevisit.find((c) => c.siteId === s.id)?._count._all ?? 0,
        },
      }));
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  const log = options.log ?? (() => {});
  for (const r of results) {
    const total = STATES.reduce((n, s) => n + r.byState[s], 0);
    const what = r.added > 0 ? `新增 added ${r.added}` : "已有，未新增 none added";
    log(
      `投诉 Complaints ${r.siteCode}: ${total} (${what}) — ${STATES.map((s) => `${s} ${r.byState[s]}`).join(", ")}; ` +
        `逾期 overdue now: 整改 rectification ${r.overdue.rectification}, 回访 revisit ${r.overdue.revisit}`,
    );
  }
  return results;
}
