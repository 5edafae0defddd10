import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import type { ActionName } from "@/lib/permissions";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

/**
 * Revisit signing links (R-CMP-4): the action lives in lib/complaints/actions (walked with the core
 * modules); here its input and fixture — a complaint whose phone revisit waits for the client's signature.
 */
let n = 0;
const pendingFor: Record<MatrixSite, string> = { a: "", b: "" };

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  if (name !== "createRevisitSigningLinkAction") return;
  const siteId = site === "a" ? world.siteA : world.siteB;
  const now = new Date();
  const complaint = await db.complaint.create({
    data: {
      number: `M-SIGN-${site}-${Date.now().toString(36)}${(n++).toString(36)}`,
      requestId: `matrix-sign-${site}-${Date.now().toString(36)}${(n++).toString(36)}`,
      siteId,
      tenantId: world[site].tenant,
      departmentId: world[site].department,
      source: "PHONE",
      category: "REPAIR",
      severity: "GENERAL",
      description: "矩阵测试",
      receivedAt: now,
      receivedById: world.users.MANAGER,
      state: "RECTIFIED",
      rectificationDueAt: now,
      rectifiedAt: now,
      revisitDueAt: new Date(now.getTime() + 7 * 86400_000),
      rectifications: { create: { round: 1, dueAt: now, rectifiedAt: now } },
      revisits: {
        create: {
          round: 1,
          dueAt: new Date(now.getTime() + 7 * 86400_000),
          method: "PHONE",
          revisitedAt: now,
          satisfaction: "SATISFIED",
          clientName: "张三",
          byId: world.users.CLERK,
        },
      },
    },
    select: { id: true },
  });
  pendingFor[site] = complaint.id;
}

export const revisitSigningMatrix: MatrixModule = {
  actions: [],
  inputs: { createRevisitSigningLinkAction: (_w, s) => ({ requestId: newRequestId(), complaintId: pendingFor[s], round: 1 }) },
  prepare,
};
