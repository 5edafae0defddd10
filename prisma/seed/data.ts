/**
 * Fixed demo data and the name lists the generator draws from. All names, addresses and phone
 * numbers are invented.
 *
 * Floors are written "B1", "01F" … "28F", "RF": zero-padded so that the plain text ordering the
 * data layer uses (orderBy floor asc) lists 01F, 02F … 12F … 28F in building order (then B1, RF).
 */
import type { AreaType, DepartmentKind, Role, SupervisorDuty } from "../../lib/generated/prisma/enums";

/** "a b c" → ["a", "b", "c"] (keeps long name lists compact) */
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
/** "王72 李70" → [["王", 72], ["李", 70]] */
const weighted = (text: string): [string, number][] =>
  words(text).map((w) => {
    const m = /^(\D+)(\d+)$/.exec(w);
    if (!m) throw new Error(`bad weighted entry ${w}`);
    return [m[1], Number(m[2])];
  });

export const DEMO_PASSWORD = "Kewu@2026";

/** "01F" … "28F" */
export const floorLabel = (n: number) => `${String(n).padStart(2, "0")}F`;
export const BASEMENT_1 = "B1";
export const ROOF = "RF";
/** building label for areas outside every building (squares, car parks, the park's waste station) */
export const OUTDOOR = "室外";

export type AreaDef = { type: AreaType; building: string; floor: string; name: string };
export type DepartmentDef = { kind: DepartmentKind; name: string; contactName: string; contactPhone: string };

export type BuildingDef = {
  /** label stored in building, e.g. "A座" / "1号楼" */
  building: string;
  /** unit code prefix: "A" gives A-1203 */
  codePrefix: string;
  /** office floors carrying units (inclusive) */
  fromFloor: number;
  toFloor: number;
  unitsPerFloor: number;
  /** unit size range in m² */
  sqm: readonly [number, number];
};

export type SiteDef = {
  code: string;
  name: string;
  address: string;
  timeZone: string;
  slot1Start: string;
  slot1End: string;
  slot2Start: string;
  slot2End: string;
  buildings: readonly BuildingDef[];
  /** exact number of vacant / under-renovation units; the rest are occupied */
  vacantUnits: number;
  renovationUnits: number;
  /** number of tenant companies; tenants beyond one unit each take two adjacent units */
  tenants: number;
  /** fixed public areas; the vacant-unit fire escapes are added from the units actually vacant */
  areas: readonly AreaDef[];
  /** how many 「空置单元防火通道」 areas to add */
  fireEscapes: number;
  departments: readonly DepartmentDef[];
  /** tenant-name material (see generate.ts) */
  cities: readonly (readonly [string, number])[];
  industries: readonly string[];
};

const SLOTS = { slot1Start: "09:00", slot1End: "12:00", slot2Start: "14:00", slot2End: "17:30" } as const;

const a = (type: AreaType, building: string, floor: string, name: string): AreaDef => ({ type, building, floor, name });

// ---------------------------------------------------------------------------------------------
// Site HQ 「汇金中心」: a Grade-A office complex in Pudong, towers A座 and B座 (units on 3F–20F / 3F–11F).
// ---------------------------------------------------------------------------------------------
const HQ_AREAS: AreaDef[] = [
  a("LOBBY", "A座", floorLabel(1), "A座一层大堂"),
  a("LOBBY", "B座", floorLabel(1), "B座一层大堂"),
  a("LOBBY", "A座", BASEMENT_1, "A座地下一层电梯厅"),
  a("FLOOR", "A座", floorLabel(3), "A座3层公共走道"),
  a("FLOOR", "A座", floorLabel(8), "A座8层公共走道"),
  a("FLOOR", "A座", floorLabel(12), "A座12层公共走道"),
  a("FLOOR", "B座", floorLabel(5), "B座5层公共走道"),
  a("ROOFTOP", "A座", ROOF, "A座天台"),
  a("ROOFTOP", "B座", ROOF, "B座天台"),
  a("ELEVATOR", "A座", floorLabel(1), "A座1号客梯"),
  a("ELEVATOR", "A座", floorLabel(1), "A座2号客梯"),
  a("ELEVATOR", "A座", BASEMENT_1, "A座消防货梯"),
  a("ELEVATOR", "B座", floorLabel(1), "B座1号客梯"),
  a("ELEVATOR", "B座", floorLabel(1), "B座3号客梯"),
  a("RESTROOM", "A座", floorLabel(1), "A座一层大堂公共卫生间"),
  a("RESTROOM", "A座", floorLabel(8), "A座8层男卫生间"),
  a("RESTROOM", "A座", floorLabel(8), "A座8层女卫生间"),
  a("RESTROOM", "A座", floorLabel(15), "A座15层男卫生间"),
  a("RESTROOM", "A座", floorLabel(15), "A座15层女卫生间"),
  a("RESTROOM", "B座", floorLabel(6), "B座6层男卫生间"),
  a("RESTROOM", "B座", floorLabel(6), "B座6层女卫生间"),
  a("TEA_ROOM", "A座", floorLabel(15), "A座15层茶水间"),
  a("TEA_ROOM", "A座", floorLabel(18), "A座18层茶水间"),
  a("TEA_ROOM", "B座", floorLabel(8), "B座8层茶水间"),
  a("EXTERIOR", OUTDOOR, floorLabel(1), "东侧外围广场"),
  a("EXTERIOR", OUTDOOR, floorLabel(1), "南侧主入口广场"),
  a("EXTERIOR", OUTDOOR, floorLabel(1), "西侧地面停车场"),
  a("GARBAGE_ROOM", "A座", BASEMENT_1, "地下一层垃圾房"),
  a("GARBAGE_ROOM", "B座", floorLabel(1), "B座一层垃圾暂存间"),
  a("STAIRS", "A座", floorLabel(1), "A座1号步梯"),
  a("STAIRS", "A座", floorLabel(1), "A座2号步梯"),
  a("STAIRS", "B座", floorLabel(1), "B座1号步梯"),
  a("COMMERCIAL_OUTLET", "A座", floorLabel(1), "一层便利店"),
  a("COMMERCIAL_OUTLET", "A座", floorLabel(1), "咖啡厅"),
  a("COMMERCIAL_OUTLET", "B座", floorLabel(1), "快餐店"),
  a("COMMERCIAL_OUTLET", "B座", floorLabel(1), "银行网点"),
  a("COMMERCIAL_OUTLET", "A座", BASEMENT_1, "地下一层美食广场"),
];

// ---------------------------------------------------------------------------------------------
// Site SP 「科创园」: a tech park in Minhang, office buildings 1号楼–4号楼 (6F) and the amenity building 5号楼.
// ---------------------------------------------------------------------------------------------
const SP_AREAS: AreaDef[] = [
  a("LOBBY", "1号楼", floorLabel(1), "1号楼一层大堂"),
  a("LOBBY", "2号楼", floorLabel(1), "2号楼一层大堂"),
  a("LOBBY", "3号楼", floorLabel(1), "3号楼一层大堂"),
  a("LOBBY", "4号楼", floorLabel(1), "4号楼一层大堂"),
  a("FLOOR", "1号楼", floorLabel(3), "1号楼3层公共走道"),
  a("FLOOR", "2号楼", floorLabel(5), "2号楼5层公共走道"),
  a("FLOOR", "3号楼", floorLabel(2), "3号楼2层公共走道"),
  a("FLOOR", "4号楼", floorLabel(4), "4号楼4层公共走道"),
  a("ROOFTOP", "1号楼", ROOF, "1号楼天台"),
  a("ROOFTOP", "3号楼", ROOF, "3号楼屋顶平台"),
  a("ELEVATOR", "1号楼", floorLabel(1), "1号楼1号客梯"),
  a("ELEVATOR", "2号楼", floorLabel(1), "2号楼1号客梯"),
  a("ELEVATOR", "3号楼", floorLabel(1), "3号楼货梯"),
  a("ELEVATOR", "4号楼", floorLabel(1), "4号楼1号客梯"),
  a("RESTROOM", "1号楼", floorLabel(2), "1号楼2层男卫生间"),
  a("RESTROOM", "1号楼", floorLabel(2), "1号楼2层女卫生间"),
  a("RESTROOM", "3号楼", floorLabel(4), "3号楼4层男卫生间"),
  a("RESTROOM", "3号楼", floorLabel(4), "3号楼4层女卫生间"),
  a("RESTROOM", "5号楼", floorLabel(1), "5号楼一层无障碍卫生间"),
  a("TEA_ROOM", "2号楼", floorLabel(3), "2号楼3层茶水间"),
  a("TEA_ROOM", "4号楼", floorLabel(5), "4号楼5层茶水间"),
  a("EXTERIOR", OUTDOOR, floorLabel(1), "园区南大门广场"),
  a("EXTERIOR", OUTDOOR, floorLabel(1), "中央景观广场"),
  a("EXTERIOR", OUTDOOR, floorLabel(1), "东区地面停车场"),
  a("EXTERIOR", OUTDOOR, floorLabel(1), "园区环路及绿化带"),
  a("GARBAGE_ROOM", OUTDOOR, floorLabel(1), "园区垃圾集中收集站"),
  a("GARBAGE_ROOM", "5号楼", floorLabel(1), "5号楼后厨垃圾房"),
  a("STAIRS", "1号楼", floorLabel(1), "1号楼东侧步梯"),
  a("STAIRS", "2号楼", floorLabel(1), "2号楼西侧步梯"),
  a("STAIRS", "4号楼", floorLabel(1), "4号楼1号步梯"),
  a("COMMERCIAL_OUTLET", "5号楼", floorLabel(1), "一层便利店"),
  a("COMMERCIAL_OUTLET", "5号楼", floorLabel(1), "咖啡厅"),
  a("COMMERCIAL_OUTLET", "5号楼", floorLabel(1), "快餐店"),
  a("COMMERCIAL_OUTLET", "5号楼", floorLabel(1), "银行网点"),
  a("COMMERCIAL_OUTLET", "5号楼", floorLabel(1), "快递驿站"),
];

export const SITES: readonly SiteDef[] = [
  {
    code: "HQ",
    name: "汇金中心",
    address: "上海市浦东新区世纪大道1288号",
    timeZone: "Asia/Shanghai",
    ...SLOTS,
    buildings: [
      { building: "A座", codePrefix: "A", fromFloor: 3, toFloor: 20, unitsPerFloor: 4, sqm: [120, 620] },
      { building: "B座", codePrefix: "B", fromFloor: 3, toFloor: 11, unitsPerFloor: 4, sqm: [90, 480] },
    ],
    vacantUnits: 13,
    renovationUnits: 5,
    tenants: 63,
    areas: HQ_AREAS,
    fireEscapes: 2,
    departments: [
      { kind: "ENGINEERING", name: "工程部", contactName: "孙志强", contactPhone: "13816627340" },
      { kind: "CLEANING_CONTRACTOR", name: "洁美保洁服务有限公司", contactName: "周丽华", contactPhone: "13917385026" },
      { kind: "CATERING", name: "味佳餐饮管理有限公司", contactName: "吴国平", contactPhone: "13761904458" },
      { kind: "ADMIN_HR", name: "行政人事部", contactName: "郑晓燕", contactPhone: "021-58881206" },
      { kind: "PURCHASING", name: "采购部", contactName: "冯建军", contactPhone: "021-58881218" },
      { kind: "SECURITY", name: "保安部", contactName: "何永刚", contactPhone: "021-58881110" },
    ],
    cities: [
      ["上海", 70],
      ["北京", 6],
      ["深圳", 5],
      ["杭州", 4],
      ["苏州", 3],
      ["南京", 3],
      ["广州", 3],
      ["宁波", 2],
    ],
    industries: [
      "投资管理",
      "资产管理",
      "信息科技",
      "商务咨询",
      "企业管理咨询",
      "国际贸易",
      "供应链管理",
      "文化传媒",
      "广告",
      "人力资源",
      "融资租赁",
      "建筑设计",
      "会展服务",
      "网络科技",
      "保险代理",
      "国际物流",
      "财务咨询",
      "实业",
    ],
  },
  {
    code: "SP",
    name: "科创园",
    address: "上海市闵行区紫星路588号",
    timeZone: "Asia/Shanghai",
    ...SLOTS,
    buildings: [
      { building: "1号楼", codePrefix: "1", fromFloor: 1, toFloor: 6, unitsPerFloor: 4, sqm: [150, 800] },
      { building: "2号楼", codePrefix: "2", fromFloor: 1, toFloor: 6, unitsPerFloor: 4, sqm: [150, 800] },
      { building: "3号楼", codePrefix: "3", fromFloor: 1, toFloor: 6, unitsPerFloor: 4, sqm: [200, 1200] },
      { building: "4号楼", codePrefix: "4", fromFloor: 1, toFloor: 6, unitsPerFloor: 4, sqm: [150, 800] },
    ],
    vacantUnits: 12,
    renovationUnits: 5,
    tenants: 57,
    areas: SP_AREAS,
    fireEscapes: 2,
    departments: [
      { kind: "ENGINEERING", name: "工程部", contactName: "钱伟东", contactPhone: "13601732985" },
      { kind: "CLEANING_CONTRACTOR", name: "净源保洁服务有限公司", contactName: "沈美玲", contactPhone: "13585217763" },
      { kind: "CATERING", name: "禾丰餐饮管理有限公司", contactName: "韩志勇", contactPhone: "18917640352" },
      { kind: "ADMIN_HR", name: "行政人事部", contactName: "曹静", contactPhone: "021-64301502" },
      { kind: "PURCHASING", name: "采购部", contactName: "许文斌", contactPhone: "021-64301516" },
      { kind: "SECURITY", name: "保安部", contactName: "邓建华", contactPhone: "021-64301110" },
    ],
    cities: [
      ["上海", 65],
      ["苏州", 8],
      ["杭州", 7],
      ["深圳", 6],
      ["北京", 5],
      ["合肥", 3],
      ["无锡", 3],
    ],
    industries: [
      "信息科技",
      "网络科技",
      "软件技术",
      "生物医药科技",
      "智能科技",
      "电子科技",
      "医疗器械",
      "新能源科技",
      "数据科技",
      "机器人技术",
      "半导体技术",
      "检测技术",
      "环保科技",
      "自动化设备",
      "文化创意",
      "光电科技",
      "智能装备",
      "云计算技术",
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Demo accounts: one per role, the supervisor role once per duty, plus manager2 on site SP only
// (for testing site isolation). siteCodes null = every seeded site.
// ---------------------------------------------------------------------------------------------
export type DemoUser = {
  username: string;
  name: string;
  role: Role;
  duty: SupervisorDuty | null;
  /** Chinese job title, for the printed login table */
  title: string;
  siteCodes: readonly string[] | null;
};

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "admin", name: "陈志明", role: "ADMIN", duty: null, title: "系统管理员", siteCodes: null },
  { username: "manager", name: "王建国", role: "MANAGER", duty: null, title: "项目经理", siteCodes: null },
  { username: "supervisor", name: "李秀英", role: "SUPERVISOR", duty: "CLEANING", title: "公共区域保洁主管", siteCodes: null },
  { username: "coordinator", name: "张明华", role: "SUPERVISOR", duty: "COORDINATION", title: "客户协调主管", siteCodes: null },
  { username: "clerk", name: "刘芳", role: "CLERK", duty: null, title: "部门内勤", siteCodes: null },
  { username: "frontdesk", name: "赵婷", role: "FRONT_DESK", duty: null, title: "前台接待", siteCodes: null },
  { username: "engineer", name: "孙志强", role: "ENGINEER", duty: null, title: "工程部维修主管", siteCodes: null },
  { username: "manager2", name: "周海涛", role: "MANAGER", duty: null, title: "项目经理（仅科创园）", siteCodes: ["SP"] },
];

// ---------------------------------------------------------------------------------------------
// Name material for tenant companies and their contacts.
// ---------------------------------------------------------------------------------------------

/** First and second characters of invented two-character trade names (字号), e.g. 恒 + 拓 = 恒拓. */
export const BRAND_FIRST: readonly string[] = [
  ..."恒华博鼎瑞中汇锦启卓明智嘉天盛宏金凯长信永润泰康浩远新联正元君星云海致佳优德万聚宇东南鑫晨峰沃奥",
];
export const BRAND_SECOND: readonly string[] = [..."拓信远盛丰融通程航越德达诚泰源辰科诺创合成邦景睿博鸿川驰展润和峰新锐恒亿"];

/** Common surnames with rough frequency weights. */
export const SURNAMES: readonly (readonly [string, number])[] = weighted(
  "王72 李70 张68 刘53 陈46 杨32 黄24 赵21 吴20 周20 徐15 孙15 马12 朱12 胡11 郭11 何10 高9 林9 罗9 郑8 梁8 谢7 宋6 唐6 许6 韩5 冯5 邓5 曹5 彭5 曾5 肖5 田4 董4 袁4 潘4 蒋4 蔡4 余4 杜3 叶3 程3 魏3 苏3 吕3 丁3 沈3 顾3 钱2 陆2 姚2 施2 汪2 范2 金2 严1 方2",
);

/** Given names (one or two characters), by the usual gender association so full names read naturally. */
export const GIVEN_NAMES_MALE: readonly string[] = words(
  "伟 磊 勇 军 杰 涛 明 超 鹏 斌 强 辉 建国 志强 俊杰 浩然 子轩 宇航 晓东 海峰 文斌 建华 志伟 国强 永刚 建平 伟东 晨阳 一鸣 嘉豪 思远 博文 天宇 昊天 泽宇 立新 卫东 家乐 俊辉 振华 春雷 学军 旭东 明轩 浩宇 志刚 海涛 文杰 晓峰 国平",
);
export const GIVEN_NAMES_FEMALE: readonly string[] = words(
  "芳 娜 敏 静 丽 艳 娟 婷 雪 琳 颖 倩 秀英 丽华 晓燕 美玲 海燕 雅婷 思琪 欣怡 梦瑶 佳怡 雨萱 诗涵 慧敏 丽娟 春梅 玉兰 晓雯 文静 佳琪 婉清 嘉欣 雪梅 红霞 晓丽 莉莉 丹丹 露 薇 晓婷 思雨 欣然 静怡 凤英",
);

export const PRIMARY_POSITIONS: readonly (readonly [string, number])[] = [
  ["行政经理", 30],
  ["行政主管", 20],
  ["办公室主任", 15],
  ["总经理", 10],
  ["前台", 15],
  ["行政专员", 10],
];
export const SECONDARY_POSITIONS: readonly string[] = words("前台 财务经理 人事经理 行政助理 总经理助理 IT主管");

/** Mainland mobile prefixes (China Mobile / Unicom / Telecom). */
export const MOBILE_PREFIXES: readonly string[] = words(
  "138 139 137 136 135 150 151 152 158 159 182 186 187 188 189 133 153 180 181 177 199 130 131 132 155 156 185 173",
);
