/**
 * Found items against PostgreSQL (§7.8, R-LOST-1): registered with a per-site daily number and the
 * site's keeping period, claimed by the owner with a drawn signature (identity: document type and last
 * four characters only), disposed of before a witness once the period is over. Bad input is refused
 * with a Chinese message and writes nothing; a replay or a double submit changes nothing twice.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import {
  claimFoundItemAction,
  disposeFoundItemAction,
  registerFoundItemAction,
  saveFoundItemSettingsAction,
} from "@/lib/found-items/actions";
import { getFoundItem, listFoundItems } from "@/lib/found-items/queries";
import { pageRequest } from "@/lib/pagination";
import { newRequestId } from "@/lib/request-id";
import { uploadedFile } from "../support/files";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

const TZ = "Asia/Shanghai";
let world: World;
const today = () => localDateInZone(new Date(), TZ);

function item(over: Record<string, unknown> = {}) {
  return {
    requestId: newRequestId(),
    siteId: world.siteA,
    description: "黑色钱包",
    foundPlace: "B1 垃圾房",
    foundOn: today(),
    foundTime: "00:00",
    foundByName: "王秀兰",
    keptAt: "客务部保险柜",
    photoFileIds: [] as string[],
    ...over,
  };
}

async function register(over: Record<string, unknown> = {}) {
  const result = await registerFoundItemAction(item(over));
  if (!result.ok) throw new Error(`register refused: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

async function written() {
  const [items, audits, attachments] = await Promise.all([
    db.foundItem.count(),
    db.auditLog.count({ where: { entity: { in: ["FoundItem", "FoundItemSetting"] } } }),
    db.fileAttachment.count({ where: { entity: "FOUND_ITEM" } }),
  ]);
  return { items, audits, attachments };
}

async function claimInput(itemId: string, over: Record<string, unknown> = {}) {
  return {
    itemId,
    claimantName: "沈立伟",
    idType: "ID_CARD",
    idLast4: "203x",
    signatureFileId: await uploadedFile(world.users.FRONT_DESK, world.siteA, "SIGNATURE"),
    ...over,
  };
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

beforeEach(async () => {
  await db.foundItem.deleteMany();
  await db.foundItemSetting.deleteMany();
  await signInAs(world.users.FRONT_DESK);
});

describe("registering a found item (R-LOST-1)", () => {
  it("numbers it per site and day, keeps it the default 90 days, claims its photo and writes one audit row", async () => {
    const photo = await uploadedFile(world.users.FRONT_DESK, world.siteA);
    const { id, number } = await register({ photoFileIds: [photo] });
    const day = today().replaceAll("-", "");
    expect(number).toBe(`FI-SA-${day}-001`);
    expect((await register()).number).toBe(`FI-SA-${day}-002`);
    const detail = await getFoundItem(id);
    expect(detail).toMatchObject({ state: "REGISTERED", keepUntil: addDays(today(), 90), foundByName: "王秀兰", dueForDisposal: false });
    expect(await db.fileAttachment.findUnique({ where: { fileId: photo } })).toMatchObject({ entity: "FOUND_ITEM", entityId: id });
    expect(await db.auditLog.count({ where: { entity: "FoundItem", entityId: id, action: "CREATE" } })).toBe(1);
  });

  it("a replayed request answers with the item already registered and writes nothing", async () => {
    const input = item();
    const first = await registerFoundItemAction(input);
    const before = await written();
    const again = await registerFoundItemAction(input);
    expect(again).toEqual(first);
    expect(await written()).toEqual(before);
  });

  it("refuses missing fields, a future date, a date over a year back and another site, writing nothing", async () => {
    const before = await written();
    const empty = await registerFoundItemAction(item({ description: " ", foundByName: "" }));
    expect(empty).toMatchObject({ ok: false, code: "invalid" });
    if (!empty.ok) {
      expect(empty.fieldErrors?.description).toBe("请填写物品名称及特征");
      expect(empty.fieldErrors?.foundByName).toBe("请填写拾获人姓名");
    }
    const future = await registerFoundItemAction(item({ foundOn: addDays(today(), 1) }));
    expect(future).toMatchObject({ ok: false, fieldErrors: { foundOn: "拾获时间不能晚于现在" } });
    const old = await registerFoundItemAction(item({ foundOn: addDays(today(), -400) }));
    expect(old).toMatchObject({ ok: false, fieldErrors: { foundOn: "拾获日期不能早于一年前" } });
    const badDate = await registerFoundItemAction(item({ foundOn: "2026-02-30" }));
    expect(badDate).toMatchObject({ ok: false, fieldErrors: { foundOn: "请填写有效的拾获日期" } });
    expect(await registerFoundItemAction(item({ siteId: world.siteB }))).toMatchObject({ ok: false, code: "not_found" });
    const otherSitePhoto = await uploadedFile(world.users.FRONT_DESK, world.siteB);
    expect(await registerFoundItemAction(item({ photoFileIds: [otherSitePhoto] }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await written()).toEqual(before);
  });

  it("uses the site's own keeping period, fixed when registered", async () => {
    await signInAs(world.users.MANAGER);
    expect(await saveFoundItemSettingsAction({ siteId: world.siteA, version: 0, retentionDays: 30 })).toMatchObject({
      ok: true,
      data: { version: 1 },
    });
    await signInAs(world.users.FRONT_DESK);
    const { id } = await register();
    expect((await getFoundItem(id))?.keepUntil).toBe(addDays(today(), 30));
    await signInAs(world.users.MANAGER);
    await saveFoundItemSettingsAction({ siteId: world.siteA, version: 1, retentionDays: 120 });
    expect((await getFoundItem(id))?.keepUntil).toBe(addDays(today(), 30));
  });
});

describe("the owner's claim", () => {
  it("refuses a claim without a signature with a Chinese message and writes nothing", async () => {
    const { id } = await register();
    const before = await written();
    const result = await claimFoundItemAction(await claimInput(id, { signatureFileId: "" }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (!result.ok) expect(result.fieldErrors?.signatureFileId).toBe("请认领人在屏幕上签名并点“确认签名”，没有签名不能放行");
    const { signatureFileId: _none, ...withoutField } = await claimInput(id);
    expect(await claimFoundItemAction(withoutField)).toMatchObject({
      ok: false,
      fieldErrors: { signatureFileId: expect.stringContaining("签名") },
    });
    expect(await written()).toEqual(before);
    expect((await getFoundItem(id))?.state).toBe("REGISTERED");
  });

  it("refuses a full ID number, a photo as signature and another user's upload", async () => {
    const { id } = await register();
    const before = await written();
    expect(await claimFoundItemAction(await claimInput(id, { idLast4: "310101199001011234" }))).toMatchObject({
      ok: false,
      fieldErrors: { idLast4: "请填写证件号后四位（数字或字母）" },
    });
    const photo = await uploadedFile(world.users.FRONT_DESK, world.siteA, "PHOTO");
    expect(await claimFoundItemAction(await claimInput(id, { signatureFileId: photo }))).toMatchObject({ ok: false, code: "invalid" });
    const colleagues = await uploadedFile(world.users.CLERK, world.siteA, "SIGNATURE");
    expect(await claimFoundItemAction(await claimInput(id, { signatureFileId: colleagues }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await written()).toEqual(before);
  });

  it("releases the item once: the signature becomes its evidence; a double submit changes nothing", async () => {
    const { id } = await register();
    const input = await claimInput(id);
    const [first, second] = await Promise.all([claimFoundItemAction(input), claimFoundItemAction(input)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const refused = first.ok ? second : first;
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    const detail = await getFoundItem(id);
    expect(detail).toMatchObject({
      state: "CLAIMED",
      claimantName: "沈立伟",
      claimantIdType: "ID_CARD",
      claimantIdLast4: "203X",
      claimSignatureFileId: input.signatureFileId,
      releasedBy: "测试FRONT_DESK",
    });
    expect(await db.auditLog.count({ where: { entity: "FoundItem", entityId: id, action: "UPDATE" } })).toBe(1);
    // §1.9: the trail records that the owner's identity was written, not what it is.
    const audit = await db.auditLog.findFirst({
      where: { entity: "FoundItem", entityId: id, action: "UPDATE" },
      select: { changes: true },
    });
    expect(JSON.stringify(audit?.changes)).not.toContain("203X");
    expect(await claimFoundItemAction(await claimInput(id))).toMatchObject({ ok: false, fieldErrors: undefined, code: "conflict" });
    expect(await disposeFoundItemAction({ itemId: id, method: "销毁", witnessName: "刘芳" })).toMatchObject({ ok: false });
  });

  it("an item of another site does not exist for the user", async () => {
    await signInAs(world.users.ADMIN);
    const other = await db.foundItem.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteB,
        number: "FI-SB-20260101-001",
        description: "手机",
        foundPlace: "大堂",
        foundAt: new Date(),
        foundOn: new Date(`${today()}T00:00:00Z`),
        foundByName: "张三",
        keptAt: "柜子",
        keepUntil: new Date(`${today()}T00:00:00Z`),
        registeredById: world.users.ADMIN,
      },
    });
    await signInAs(world.users.FRONT_DESK);
    expect(await claimFoundItemAction(await claimInput(other.id))).toMatchObject({ ok: false, code: "not_found" });
    expect(await getFoundItem(other.id)).toBeNull();
  });
});

describe("disposal after the keeping period, with a witness", () => {
  it("is refused before the period ends, naming the first allowed day", async () => {
    await signInAs(world.users.SUPERVISOR);
    const { id } = await register({ foundOn: addDays(today(), -90) });
    const before = await written();
    const result = await disposeFoundItemAction({ itemId: id, method: "交派出所", witnessName: "刘芳" });
    expect(result).toMatchObject({ ok: false, code: "invalid", message: `保管期未满，${addDays(today(), 1)} 起方可处理` });
    expect(await written()).toEqual(before);
  });

  it("is recorded once the period is over; the witness is not the person recording it", async () => {
    await signInAs(world.users.SUPERVISOR);
    const { id } = await register({ foundOn: addDays(today(), -91) });
    expect((await getFoundItem(id))?.dueForDisposal).toBe(true);
    expect(await disposeFoundItemAction({ itemId: id, method: "销毁", witnessName: "测试SUPERVISOR" })).toMatchObject({
      ok: false,
      fieldErrors: { witnessName: "见证人不能是处理人本人" },
    });
    expect(await disposeFoundItemAction({ itemId: id, method: "", witnessName: "刘芳" })).toMatchObject({
      ok: false,
      fieldErrors: { method: "请填写处理方式" },
    });
    expect(await disposeFoundItemAction({ itemId: id, method: "捐赠", witnessName: "刘芳", note: "社区慈善超市" })).toMatchObject({
      ok: true,
    });
    expect(await disposeFoundItemAction({ itemId: id, method: "捐赠", witnessName: "刘芳" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await getFoundItem(id)).toMatchObject({ state: "DISPOSED", disposalWitnessName: "刘芳", disposedBy: "测试SUPERVISOR" });
    expect(await claimFoundItemAction(await claimInput(id))).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("the register list (filtered and paginated in SQL)", () => {
  it("filters by state and by 'due for disposal'", async () => {
    const due = await register({ foundOn: addDays(today(), -120), description: "雨伞" });
    await register({ description: "钥匙" });
    const claimed = await register({ description: "手机" });
    expect(await claimFoundItemAction(await claimInput(claimed.id))).toMatchObject({ ok: true });
    const all = await listFoundItems({}, pageRequest("1"));
    expect(all.total).toBe(3);
    const dueList = await listFoundItems({ state: "DUE" }, pageRequest("1"));
    expect(dueList.rows.map((r) => r.id)).toEqual([due.id]);
    expect(dueList.rows[0].dueForDisposal).toBe(true);
    expect((await listFoundItems({ state: "CLAIMED" }, pageRequest("1"))).rows.map((r) => r.id)).toEqual([claimed.id]);
    expect((await listFoundItems({ state: "REGISTERED", q: "钥" }, pageRequest("1"))).total).toBe(1);
    expect((await listFoundItems({ state: "nonsense" }, pageRequest("1"))).total).toBe(3);
    expect((await listFoundItems({ site: world.siteB }, pageRequest("1"))).total).toBe(3);
  });
});

describe("the keeping-period setting", () => {
  it("refuses a period outside 7–365 days and a stale save", async () => {
    await signInAs(world.users.MANAGER);
    expect(await saveFoundItemSettingsAction({ siteId: world.siteA, version: 0, retentionDays: 3 })).toMatchObject({
      ok: false,
      fieldErrors: { retentionDays: "保管天数须为 7–365 的整数" },
    });
    expect(await saveFoundItemSettingsAction({ siteId: world.siteA, version: 0, retentionDays: "abc" })).toMatchObject({ ok: false });
    expect(await saveFoundItemSettingsAction({ siteId: world.siteA, version: 0, retentionDays: 60 })).toMatchObject({ ok: true });
    expect(await saveFoundItemSettingsAction({ siteId: world.siteA, version: 0, retentionDays: 45 })).toMatchObject({
      ok: false,
      code: "stale",
    });
    expect(await db.foundItemSetting.findUnique({ where: { siteId: world.siteA } })).toMatchObject({ retentionDays: 60, version: 1 });
    expect(await saveFoundItemSettingsAction({ siteId: world.siteB, version: 0, retentionDays: 60 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});
