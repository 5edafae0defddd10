import { db } from "@/lib/db";
import * as goodsPassActions from "@/lib/goods-passes/actions";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A route per site for registering, a pass in the state each step acts on. */
const routeFor: Record<MatrixSite, string> = { a: "", b: "" };
const goodsPassFor: Record<MatrixSite, string> = { a: "", b: "" };
const GOODS_PASS_STATE: Partial<Record<ActionName, "PENDING" | "APPROVED">> = {
  approveGoodsPassAction: "PENDING",
  rejectGoodsPassAction: "PENDING",
  releaseGoodsPassAction: "APPROVED",
};

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  const siteId = site === "a" ? world.siteA : world.siteB;
  if (name === "createGoodsPassAction")
    routeFor[site] = (
      await db.loadingRoute.upsert({
        where: { siteId_name: { siteId, name: "矩阵通道" } },
        create: { siteId, name: "矩阵通道", opensAt: "00:00", closesAt: "24:00" },
        update: {},
      })
    ).id;
  const passState = GOODS_PASS_STATE[name];
  if (!passState) return;
  // Its own route (a second approval on one route would hit R-GP-5), registered by the front desk (four eyes).
  const route = await db.loadingRoute.create({ data: { siteId, name: `矩阵${uniq()}` } });
  const now = Date.now();
  goodsPassFor[site] = (
    await db.goodsPass.create({
      data: {
        requestId: newRequestId(),
        siteId,
        tenantId: world[site].tenant,
        unitId: world[site].unit,
        direction: "IN",
        carrierName: "李四",
        carrierIdLast4: "1234",
        routeId: route.id,
        windowStart: new Date(now - 1800_000),
        windowEnd: new Date(now + 7200_000),
        state: passState,
        number: passState === "APPROVED" ? `M-${uniq()}` : null,
        createdById: world.users.FRONT_DESK,
        items: { create: [{ position: 1, name: "办公椅", quantity: 1, unit: "把" }] },
      },
    })
  ).id;
}

/** Goods passes: registering, stamping or rejecting, and release at the gate. */
export const goodsPassesMatrix: MatrixModule = {
  actions: [goodsPassActions],
  inputs: {
    createGoodsPassAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: s === "a" ? w.siteA : w.siteB,
      tenantId: w[s].tenant,
      unitId: w[s].unit,
      direction: "IN",
      carrierName: "王五",
      carrierIdLast4: "1234",
      routeId: routeFor[s],
      windowStart: new Date(Date.now() + (48 + n) * 3600e3).toISOString(),
      windowEnd: new Date(Date.now() + (49 + n) * 3600e3).toISOString(),
      notes: "",
      items: [{ name: "办公桌", quantity: 1, unit: "张", hazardous: false }],
    }),
    approveGoodsPassAction: (_w, s) => ({ passId: goodsPassFor[s] }),
    rejectGoodsPassAction: (_w, s) => ({ passId: goodsPassFor[s], reason: "矩阵测试" }),
    releaseGoodsPassAction: (_w, s) => ({ passId: goodsPassFor[s] }),
  },
  prepare,
};
