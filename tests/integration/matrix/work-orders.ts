import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import * as workOrderActions from "@/lib/work-orders/actions";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** Each work-order step needs a work order waiting for exactly that step. */
const workOrderFor: Record<MatrixSite, string> = { a: "", b: "" };
const WORK_ORDER_STATE: Partial<Record<ActionName, "OPEN" | "FIXED">> = {
  markWorkOrderFixedAction: "OPEN",
  verifyWorkOrderAction: "FIXED",
  sendBackWorkOrderAction: "FIXED",
  workOrderToComplaintAction: "OPEN",
};

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  const state = WORK_ORDER_STATE[name];
  if (!state) return;
  const wo = await db.workOrder.create({
    data: {
      number: `WO-${uniq()}`,
      siteId: site === "a" ? world.siteA : world.siteB,
      areaId: world[site].area,
      description: "矩阵测试",
      createdById: world.users.MANAGER,
      state,
    },
  });
  workOrderFor[site] = wo.id;
}

/** Engineering work orders from failed inspection items. */
export const workOrdersMatrix: MatrixModule = {
  actions: [workOrderActions],
  inputs: {
    markWorkOrderFixedAction: (_w, s) => ({ workOrderId: workOrderFor[s], fixNote: "已修复" }),
    verifyWorkOrderAction: (_w, s) => ({ workOrderId: workOrderFor[s] }),
    sendBackWorkOrderAction: (_w, s) => ({ workOrderId: workOrderFor[s], reason: "未修好" }),
    workOrderToComplaintAction: (w, s) => ({ workOrderId: workOrderFor[s], tenantId: w[s].tenant, unitId: w[s].unit, severity: "GENERAL" }),
  },
  prepare,
  /** Converting a work order also creates the complaint. */
  auditRows: { workOrderToComplaintAction: 2 },
};
