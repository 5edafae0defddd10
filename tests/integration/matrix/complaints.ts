import * as complaintActions from "@/lib/complaints/actions";
import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** Each complaint step needs a complaint waiting for exactly that step. */
const complaintFor: Record<MatrixSite, string> = { a: "", b: "" };
const STEP_STATE: Partial<Record<ActionName, "RECEIVED" | "IN_RECTIFICATION" | "RECTIFIED" | "REVISITED">> = {
  startRectificationAction: "RECEIVED",
  recordRectificationAction: "IN_RECTIFICATION",
  recordRevisitAction: "RECTIFIED",
  closeComplaintAction: "REVISITED",
};

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  const state = STEP_STATE[name];
  if (!state) return;
  const now = new Date();
  const c = await db.complaint.create({
    data: {
      number: `M-${uniq()}`,
      requestId: newRequestId(),
      siteId: site === "a" ? world.siteA : world.siteB,
      tenantId: world[site].tenant,
      departmentId: world[site].department,
      source: "PHONE",
      category: "REPAIR",
      severity: "GENERAL",
      description: "矩阵测试",
      receivedAt: new Date(now.getTime() - 3600_000),
      receivedById: world.users.MANAGER,
      state,
      rectificationDueAt: new Date(now.getTime() + 86400_000),
      rectifiedAt: state === "RECTIFIED" || state === "REVISITED" ? new Date(now.getTime() - 1800_000) : null,
      revisitDueAt: state === "RECTIFIED" || state === "REVISITED" ? new Date(now.getTime() + 7 * 86400_000) : null,
      rectifications: { create: { round: 1, dueAt: new Date(now.getTime() + 86400_000) } },
    },
  });
  complaintFor[site] = c.id;
}

/** Complaints: intake and each step of rectification and revisit. */
export const complaintsMatrix: MatrixModule = {
  actions: [complaintActions],
  inputs: {
    createComplaintAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: s === "a" ? w.siteA : w.siteB,
      tenantId: w[s].tenant,
      unitId: w[s].unit,
      source: "PHONE",
      category: "REPAIR",
      severity: "GENERAL",
      description: "空调不制冷",
      departmentId: w[s].department,
      receivedAt: "",
      photoIds: [],
    }),
    startRectificationAction: (_w, s) => ({ complaintId: complaintFor[s], round: 1 }),
    recordRectificationAction: (_w, s) => ({
      complaintId: complaintFor[s],
      round: 1,
      actionTaken: "已维修",
      rectifiedAt: "",
      photoIds: [],
    }),
    recordRevisitAction: (_w, s) => ({
      complaintId: complaintFor[s],
      round: 1,
      method: "PHONE",
      satisfaction: "SATISFIED",
      clientName: "张三",
      comments: "",
      revisitedAt: "",
    }),
    closeComplaintAction: (_w, s) => ({ complaintId: complaintFor[s], round: 1 }),
  },
  prepare,
};
