import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import * as serviceActions from "@/lib/special-services/actions";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

/**
 * Special services (§3.3): actions, inputs and fixtures for the authorization matrix. Each call gets
 * its own catalogue entry, an order still to be done and one whose service is done (payment notice
 * issued, revisit open) on the site it acts on.
 */
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const fx: Record<MatrixSite, { service: string; ordered: string; done: string }> = {
  a: { service: "", ordered: "", done: "" },
  b: { service: "", ordered: "", done: "" },
};
const siteOf = (w: World, s: MatrixSite) => (s === "a" ? w.siteA : w.siteB);
const tenantOf = (w: World, s: MatrixSite) => (s === "a" ? w.a.tenant : w.b.tenant);

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  if (!(name in serviceActions)) return;
  const siteId = siteOf(world, site);
  const service = await db.specialService.create({
    data: { siteId, name: `矩阵服务${uniq()}`, unitLabel: "次", priceFen: 10000 },
    select: { id: true },
  });
  const order = (state: "ORDERED" | "DONE") =>
    db.specialServiceOrder.create({
      data: {
        requestId: newRequestId(),
        siteId,
        serviceId: service.id,
        serviceName: "矩阵服务",
        tenantId: tenantOf(world, site),
        agreedPriceFen: 10000,
        scheduledAt: new Date(Date.now() - 60 * 60_000),
        state,
        orderedById: world.users.CLERK,
        ...(state === "DONE"
          ? { doneAt: new Date(Date.now() - 30 * 60_000), performedBy: "保洁员", revisitDueAt: new Date(Date.now() + 3 * 86_400_000) }
          : {}),
      },
      select: { id: true },
    });
  fx[site] = { service: service.id, ordered: (await order("ORDERED")).id, done: (await order("DONE")).id };
}

export const specialServicesMatrix: MatrixModule = {
  actions: [serviceActions],
  inputs: {
    createSpecialServiceAction: (w, s) => ({ siteId: siteOf(w, s), name: `新服务${uniq()}`, unitLabel: "次", price: "88.00" }),
    updateSpecialServiceAction: (_w, s) => ({
      id: fx[s].service,
      name: `改名${uniq()}`,
      unitLabel: "次",
      price: "99.50",
      description: "",
      active: true,
    }),
    updateServiceSettingsAction: (w, s) => ({ siteId: siteOf(w, s), version: 0, revisitWorkingDays: 3 }),
    createServiceOrderAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: siteOf(w, s),
      serviceId: fx[s].service,
      tenantId: tenantOf(w, s),
      agreedPrice: "100",
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    cancelServiceOrderAction: (_w, s) => ({ orderId: fx[s].ordered, reason: "业户取消" }),
    recordServiceDoneAction: (_w, s) => ({ orderId: fx[s].ordered, performedBy: "保洁员张师傅" }),
    recordNoticeDeliveryAction: (_w, s) => ({ orderId: fx[s].done, deliveredTo: "前台李小姐" }),
    recordServiceRevisitAction: (_w, s) => ({ orderId: fx[s].done, contact: "王经理", satisfaction: "SATISFIED", answer: "满意" }),
  },
  prepare,
};
