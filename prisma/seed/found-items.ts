/**
 * Demo data for the found-items register (§7.8, R-LOST-1), per seeded site: eight items handed in from
 * the garbage room over the last seven months — two still kept within their period, two kept past it
 * (due for disposal), two claimed by their owners with a drawn signature, two disposed of before a
 * witness. Dates relative to `now` in the site's zone; numbered through lib/daily-number.ts like the
 * app does; idempotent per site (a site with any found item gets nothing); no audit rows.
 */
import { createHash } from "node:crypto";
import { addDays, dateColumn, instantFromLocalDateTime, localDateInZone } from "../../lib/calendar";
import { nextDailyNumber } from "../../lib/daily-number";
import { DEFAULT_RETENTION_DAYS, keepUntilOf } from "../../lib/found-items/rules";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { FoundItemState, IdDocumentType } from "../../lib/generated/prisma/enums";
import { SITES } from "./data";
import { signaturePng, writeSignatureBlob } from "./newspapers";

interface DemoItem {
  daysAgo: number;
  time: string;
  description: string;
  foundPlace: string;
  foundByName: string;
  keptAt: string;
  state: FoundItemState;
  claim?: { afterDays: number; name: string; idType: IdDocumentType; last4: string };
  disposal?: { method: string; witness: string };
}

const ITEMS: DemoItem[] = [
  {
    daysAgo: 2,
    time: "08:40",
    description: "钥匙串（3 把钥匙，蓝色挂件）",
    foundPlace: "B1 垃圾房",
    foundByName: "王秀兰",
    keptAt: "客务部保险柜 1 层",
    state: "REGISTERED",
  },
  {
    daysAgo: 12,
    time: "16:10",
    description: "黑色皮质钱包，内有银行卡两张",
    foundPlace: "A座 18F 茶水间垃圾桶",
    foundByName: "陈桂芳",
    keptAt: "客务部保险柜 1 层",
    state: "REGISTERED",
  },
  {
    daysAgo: 40,
    time: "10:05",
    description: "华为手机（白色，屏幕有裂纹）",
    foundPlace: "A座 12F 卫生间",
    foundByName: "王秀兰",
    keptAt: "客务部保险柜 2 层",
    state: "CLAIMED",
    claim: { afterDays: 1, name: "沈立伟", idType: "ID_CARD", last4: "203X" },
  },
  {
    daysAgo: 65,
    time: "14:30",
    description: "近视眼镜（黑框，带眼镜盒）",
    foundPlace: "B1 垃圾房分类站",
    foundByName: "赵师傅",
    keptAt: "客务部物品柜",
    state: "CLAIMED",
    claim: { afterDays: 6, name: "何佳琪", idType: "EMPLOYEE_BADGE", last4: "0817" },
  },
  {
    daysAgo: 100,
    time: "09:15",
    description: "折叠雨伞（藏青色）",
    foundPlace: "大堂垃圾桶",
    foundByName: "陈桂芳",
    keptAt: "客务部物品柜",
    state: "REGISTERED",
  },
  {
    daysAgo: 125,
    time: "11:50",
    description: "不锈钢保温杯（刻有英文名 Lily）",
    foundPlace: "B座 6F 茶水间",
    foundByName: "王秀兰",
    keptAt: "客务部物品柜",
    state: "REGISTERED",
  },
  {
    daysAgo: 150,
    time: "17:20",
    description: "U 盘（16G，无标记）",
    foundPlace: "B1 垃圾房",
    foundByName: "赵师傅",
    keptAt: "客务部保险柜 1 层",
    state: "DISPOSED",
    disposal: { method: "格式化后销毁", witness: "刘芳" },
  },
  {
    daysAgo: 210,
    time: "07:55",
    description: "羊毛围巾（灰色）",
    foundPlace: "A座 3F 会议室垃圾桶",
    foundByName: "陈桂芳",
    keptAt: "客务部物品柜",
    state: "DISPOSED",
    disposal: { method: "捐赠给社区慈善超市", witness: "赵婷" },
  },
];

export async function seedFoundItems(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const users = await db.user.findMany({
    where: { username: { in: ["frontdesk", "clerk", "supervisor"] } },
    select: { id: true, username: true },
  });
  const idOf = (username: string) => users.find((u) => u.username === username)?.id;
  const frontDesk = idOf("frontdesk");
  const clerk = idOf("clerk");
  const supervisor = idOf("supervisor");
  if (!frontDesk || !clerk || !supervisor) return;
  const bytes = signaturePng();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.png`;
  let wrote = false;

  for (const def of SITES) {
    const site = await db.site.findUnique({ where: { code: def.code }, select: { id: true, code: true, timeZone: true } });
    if (!site) continue;
    if ((await db.foundItem.count({ where: { siteId: site.id } })) > 0) {
      options.log(`found items ${site.code}: already seeded`);
      continue;
    }
    const today = localDateInZone(now, site.timeZone);
    await db.$transaction(
      async (tx) => {
        for (const [index, item] of ITEMS.entries()) {
          const foundOn = addDays(today, -item.daysAgo);
          const foundAt = instantFromLocalDateTime(`${foundOn}T${item.time}`, site.timeZone);
          const number = await nextDailyNumber(tx, "FOUND_ITEM", site, foundOn);
          const created = await tx.foundItem.create({
            data: {
              requestId: `00000000-0000-4000-8000-${site.code === "HQ" ? "1" : "2"}${String(index).padStart(11, "0")}`,
              siteId: site.id,
              number,
              description: item.description,
              foundPlace: item.foundPlace,
              foundAt,
              foundOn: dateColumn(foundOn),
              foundByName: item.foundByName,
              keptAt: item.keptAt,
              keepUntil: dateColumn(keepUntilOf(foundOn, DEFAULT_RETENTION_DAYS)),
              registeredById: index % 2 === 0 ? frontDesk : clerk,
              createdAt: new Date(foundAt.getTime() + 30 * 60_000),
            },
            select: { id: true },
          });
          if (item.claim) {
            const claimedAt = instantFromLocalDateTime(`${addDays(foundOn, item.claim.afterDays)}T15:00`, site.timeZone);
            const file = await tx.storedFile.create({
              data: {
                siteId: site.id,
                kind: "SIGNATURE",
                contentType: "image/png",
                size: bytes.length,
                sha256,
                storageKey,
                width: 160,
                height: 60,
                uploadedById: frontDesk,
                createdAt: claimedAt,
              },
              select: { id: true },
            });
            await tx.fileAttachment.create({ data: { fileId: file.id, siteId: site.id, entity: "FOUND_ITEM", entityId: created.id } });
            await tx.foundItem.update({
              where: { id: created.id },
              data: {
                state: "CLAIMED",
                claimantName: item.claim.name,
                claimantIdType: item.claim.idType,
                claimantIdLast4: item.claim.last4,
                claimSignatureFileId: file.id,
                claimedAt,
                releasedById: frontDesk,
              },
            });
            wrote = true;
          }
          if (item.disposal) {
            // From the first day after the keeping period (R-LOST-1), a few days later.
            const disposedOn = addDays(keepUntilOf(foundOn, DEFAULT_RETENTION_DAYS), 5);
            await tx.foundItem.update({
              where: { id: created.id },
              data: {
                state: "DISPOSED",
                disposalMethod: item.disposal.method,
                disposalWitnessName: item.disposal.witness,
                disposedAt: instantFromLocalDateTime(`${disposedOn}T10:00`, site.timeZone),
                disposedById: supervisor,
              },
            });
          }
        }
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    options.log(`found items ${site.code}: ${ITEMS.length} items (2 kept, 2 due for disposal, 2 claimed, 2 disposed)`);
  }
  if (wrote) await writeSignatureBlob(storageKey, bytes);
}
