/**
 * Default checklists (version 1) for every area type, drawn from the department's rules:
 * §2 (主管巡检: the public areas and, for outlets, 乱设摊点、广告牌、乱贴乱画、饲养家禽家畜宠物),
 * §8 (空置单元: 地面无杂物无积水、墙面无污染无蜘蛛网、门窗关好), §10 (保洁监管: 设备设施损坏或异常
 * 立即通知工程部), §12 (固体废弃物分类容器、废旧电池回收箱), §13 (包装容器定期清理).
 * Items marked `equipment` are lights, doors, elevators, taps and fire equipment: their failure
 * opens a work order (R-INS-5). Each item carries the notes a supervisor typically writes when it
 * fails (used by the inspection seed).
 *
 * Idempotent: a type that already has a template (any version) gets nothing. Relative imports only.
 */
import type { Prisma } from "../../lib/generated/prisma/client";
import type { AreaType } from "../../lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export interface DefaultItem {
  label: string;
  equipment: boolean;
  failNotes: readonly string[];
}

const item = (label: string, ...failNotes: string[]): DefaultItem => ({ label, equipment: false, failNotes });
const equipment = (label: string, ...failNotes: string[]): DefaultItem => ({ label, equipment: true, failNotes });

export const DEFAULT_CHECKLISTS: Record<AreaType, readonly DefaultItem[]> = {
  FLOOR: [
    item("走廊地面清洁干燥、无杂物", "走廊地面有水渍，已通知保洁擦干", "走廊有纸屑杂物，已安排清理"),
    item("墙面、踢脚线无污渍、无蜘蛛网", "墙角有蜘蛛网，已安排清理", "踢脚线积灰，已要求保洁擦拭"),
    item("分类垃圾桶（可回收/不可回收）清洁、未满溢", "垃圾桶满溢未及时清运", "垃圾未分类投放，已提醒保洁"),
    equipment("走廊照明正常", "走廊吸顶灯不亮", "走廊灯管闪烁"),
    equipment("防火门闭合完好、闭门器正常", "防火门闭门器损坏，门无法自动关闭", "防火门被杂物顶开"),
    item("消防通道畅通、无堆放物品", "消防通道堆放纸箱，已要求业户清走"),
  ],
  LOBBY: [
    item("地面清洁干燥", "大堂入口地面湿滑，已放置警示牌并擦干", "地面有鞋印污渍，已安排推尘"),
    item("玻璃门窗清洁、无手印", "旋转门玻璃手印较多，已安排擦拭", "大堂玻璃幕墙下沿有污渍"),
    item("无垃圾杂物", "前台旁有快递包装堆放，已清理"),
    item("标识标牌完好、清洁", "楼层导视牌脱落一角", "导向标识积灰"),
    equipment("大堂照明正常", "大堂筒灯两盏不亮", "大堂吊灯部分灯珠损坏"),
    equipment("自动门、闸机运行正常", "自动门感应失灵", "闸机刷卡无反应"),
  ],
  ROOFTOP: [
    item("天台地面无杂物、无积水", "排水口附近积水", "天台有施工遗留杂物"),
    item("排水口、地漏畅通", "排水口被落叶堵塞，已清理"),
    equipment("天台门锁闭完好", "天台门锁损坏，门无法锁闭"),
    equipment("避雷及屋面设备外观无异常", "屋面设备检修盖板松动"),
  ],
  ELEVATOR: [
    item("轿厢清洁、地面无污渍", "轿厢地面有饮料洒落，已安排清理", "轿厢地毯污渍明显"),
    item("轿厢镜面、不锈钢面无手印", "不锈钢面手印较多，已安排擦拭"),
    equipment("按钮、楼层显示及轿厢照明正常", "5层按钮指示灯不亮", "轿厢照明灯管闪烁", "楼层显示屏缺划"),
    equipment("运行平稳、平层准确、开关门正常", "开关门有异响", "平层误差较大"),
    equipment("紧急呼叫对讲正常", "紧急呼叫按钮无应答"),
  ],
  RESTROOM: [
    item("地面清洁干燥、无异味", "地面积水，已安排拖干", "有异味，已通知保洁加强通风消毒"),
    item("洁具、台面清洁", "洗手台面水渍较多", "小便池有污垢"),
    item("手纸、洗手液补充齐全", "手纸用完未及时补充", "洗手液缺少"),
    equipment("水龙头、冲水阀正常无漏水", "水龙头漏水", "蹲便冲水阀失灵"),
    equipment("照明、排风扇正常", "排风扇不转", "镜前灯不亮"),
  ],
  TEA_ROOM: [
    item("台面、水池清洁无残渣", "水池有茶渣残留，已安排清理"),
    item("垃圾及时清理、分类存放", "厨余垃圾未及时清运"),
    item("地面清洁干燥", "地面有水渍"),
    equipment("开水器、水龙头正常", "开水器不加热", "水龙头出水量小"),
    equipment("照明正常", "茶水间灯管不亮"),
  ],
  EXTERIOR: [
    item("外围路面、广场清洁无杂物", "广场有烟头纸屑，已安排清扫", "落叶较多未清扫"),
    item("绿化带无垃圾", "绿化带内有塑料袋"),
    item("固体废弃物分类容器及废旧电池回收箱完好", "废旧电池回收箱已满，已通知清运", "分类垃圾桶标识脱落"),
    item("无乱贴乱画、无违规广告", "路灯杆张贴小广告，已清除"),
    equipment("路灯、景观灯正常", "广场路灯一盏不亮", "景观灯带部分不亮"),
  ],
  GARBAGE_ROOM: [
    item("垃圾分类存放", "可回收与不可回收垃圾混放，已要求分拣"),
    item("无易燃、易爆等危险品及腐蚀性物品存放", "垃圾房内发现废油漆桶，已要求清走"),
    item("禁烟标识遵守、无明火、无人员留宿", "垃圾房内发现烟头，已提醒工作人员"),
    item("垃圾按时清运、无满溢", "垃圾未按时清运，已通知清运公司"),
    item("包装容器定期清理、送至指定回收点", "包装纸箱堆积未送回收点"),
    item("地面清洁、无异味、无蚊蝇", "地面污水未冲洗，异味较重", "蚊蝇较多，已通知保洁公司消杀"),
  ],
  FIRE_ESCAPE: [
    item("通道畅通、无堆放物品", "通道内堆放装修材料，已要求清走"),
    item("地面无杂物、无积水", "地面有积灰杂物"),
    item("墙面无污染、无蜘蛛网", "墙角有蜘蛛网"),
    equipment("应急照明及疏散指示灯正常", "疏散指示灯不亮", "应急照明灯损坏"),
    equipment("消防器材齐全完好", "灭火器压力不足", "消火栓箱门损坏"),
    item("空置单元门窗关闭", "空置单元窗户未关"),
  ],
  STAIRS: [
    item("台阶清洁、扶手无尘土", "扶手积灰，已安排擦拭", "台阶有油污"),
    item("无杂物堆放", "楼梯转角堆放杂物"),
    equipment("楼梯间照明正常", "声控灯不亮", "楼梯间灯管损坏"),
    equipment("防火门闭合完好", "防火门闭门器漏油"),
  ],
  COMMERCIAL_OUTLET: [
    item("经营秩序良好", "店外排队占用通道，已提醒商户疏导"),
    item("无乱设摊点", "店门口私设促销摊位，已要求撤除"),
    item("无违规广告牌", "门口摆放落地广告牌占道，已要求收回"),
    item("无乱贴乱画", "橱窗外张贴促销海报，已要求清除"),
    item("无违规饲养家禽、家畜、宠物", "店内饲养宠物猫，已告知规定并限期处理"),
  ],
};

/** Notes for a failed item: the item's own when it is a default one, else a general note. */
export function failNotesFor(label: string, isEquipment: boolean): readonly string[] {
  for (const items of Object.values(DEFAULT_CHECKLISTS)) {
    const found = items.find((i) => i.label === label);
    if (found) return found.failNotes;
  }
  return isEquipment ? ["设备异常，已通知工程部维修"] : ["未达标，已要求保洁公司整改"];
}

/** Creates version 1 for every area type that has no template yet; returns how many were created. */
export async function seedChecklists(tx: Tx): Promise<number> {
  const existing = await tx.checklistTemplate.findMany({ distinct: ["areaType"], select: { areaType: true } });
  const have = new Set(existing.map((t) => t.areaType));
  let created = 0;
  for (const [areaType, items] of Object.entries(DEFAULT_CHECKLISTS) as [AreaType, readonly DefaultItem[]][]) {
    if (have.has(areaType)) continue;
    await tx.checklistTemplate.create({
      data: {
        areaType,
        version: 1,
        current: true,
        items: { create: items.map((i, position) => ({ position, label: i.label, equipment: i.equipment })) },
      },
    });
    created++;
  }
  return created;
}
