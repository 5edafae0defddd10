import { localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import * as wasteActions from "@/lib/waste/actions";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

/**
 * Waste (§12, §13): each call acts on its own point or container of its site; a stream save starts from
 * the defaults (no row, version 0).
 */
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const fx: Record<MatrixSite, { point: string; container: string }> = { a: { point: "", container: "" }, b: { point: "", container: "" } };

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  if (!(name in wasteActions)) return;
  const siteId = site === "a" ? world.siteA : world.siteB;
  if (name === "saveWasteStreamAction") await db.wasteStreamSetting.deleteMany({ where: { siteId, stream: "TONER" } });
  if (name === "updateWastePointAction" || name === "createWasteContainerAction" || name === "retireWasteContainerAction") {
    const point = await db.wasteCollectionPoint.create({ data: { siteId, name: `站点${uniq()}` } });
    const container = await db.wasteContainer.create({
      data: { pointId: point.id, siteId, stream: "BATTERIES", label: `电池箱${uniq()}` },
    });
    fx[site] = { point: point.id, container: container.id };
  }
}

export const wasteMatrix: MatrixModule = {
  actions: [wasteActions],
  inputs: {
    createWastePointAction: (w, s) => ({ siteId: s === "a" ? w.siteA : w.siteB, name: `站点${uniq()}`, location: "" }),
    updateWastePointAction: (_w, s) => ({ id: fx[s].point, name: `站点${uniq()}`, location: "B1", active: true }),
    createWasteContainerAction: (_w, s) => ({ pointId: fx[s].point, stream: "TONER", label: `墨盒箱${uniq()}` }),
    retireWasteContainerAction: (_w, s) => ({ containerId: fx[s].container }),
    saveWasteStreamAction: (w, s) => ({
      siteId: s === "a" ? w.siteA : w.siteB,
      stream: "TONER",
      version: 0,
      responsible: "ADMIN_HR",
      responsibleName: "",
      clearanceDays: 60,
    }),
    recordWasteClearanceAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: s === "a" ? w.siteA : w.siteB,
      stream: "RECYCLABLE",
      clearedOn: localDateInZone(new Date(), "Asia/Shanghai"),
      quantity: "12.5",
      unit: "KG",
      takenBy: "绿源再生资源回收站",
      receiptFileId: "",
      note: "",
    }),
  },
  prepare,
};
