import { addDays, dateColumn, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import * as foundItemActions from "@/lib/found-items/actions";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import { uploadedFile } from "../../support/files";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

/**
 * Found items (R-LOST-1): each claim or disposal acts on a fresh registered item of its site (kept past
 * its period for a disposal), a claim with a signature the acting user just drew; each settings save
 * starts from no setting (version 0).
 */
const TZ = "Asia/Shanghai";
let n = 0;
const fx: Record<MatrixSite, { item: string; signature: string }> = { a: { item: "", signature: "" }, b: { item: "", signature: "" } };

async function prepare(name: ActionName, site: MatrixSite, actorId: string | null, world: World) {
  if (!(name in foundItemActions)) return;
  const siteId = site === "a" ? world.siteA : world.siteB;
  const today = localDateInZone(new Date(), TZ);
  if (name === "saveFoundItemSettingsAction") await db.foundItemSetting.deleteMany({ where: { siteId } });
  if (name === "claimFoundItemAction" || name === "disposeFoundItemAction") {
    const foundOn = name === "disposeFoundItemAction" ? addDays(today, -120) : today;
    const item = await db.foundItem.create({
      data: {
        requestId: newRequestId(),
        siteId,
        number: `FI-M-${Date.now().toString(36)}-${n++}`,
        description: "钱包",
        foundPlace: "B1 垃圾房",
        foundAt: new Date(),
        foundOn: dateColumn(foundOn),
        foundByName: "王秀兰",
        keptAt: "保险柜",
        keepUntil: dateColumn(addDays(foundOn, 90)),
        registeredById: world.users.CLERK,
      },
    });
    fx[site] = { item: item.id, signature: await uploadedFile(actorId ?? world.users.MANAGER, siteId, "SIGNATURE") };
  }
}

export const foundItemsMatrix: MatrixModule = {
  actions: [foundItemActions],
  inputs: {
    registerFoundItemAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: s === "a" ? w.siteA : w.siteB,
      description: "黑色钱包",
      foundPlace: "B1 垃圾房",
      foundOn: localDateInZone(new Date(), TZ),
      foundTime: "00:00",
      foundByName: "王秀兰",
      keptAt: "客务部保险柜",
      photoFileIds: [],
    }),
    claimFoundItemAction: (_w, s) => ({
      itemId: fx[s].item,
      claimantName: "沈立伟",
      idType: "ID_CARD",
      idLast4: "1234",
      signatureFileId: fx[s].signature,
    }),
    disposeFoundItemAction: (_w, s) => ({ itemId: fx[s].item, method: "交派出所", witnessName: "见证人王五" }),
    saveFoundItemSettingsAction: (w, s) => ({ siteId: s === "a" ? w.siteA : w.siteB, version: 0, retentionDays: 60 }),
  },
  prepare,
};
