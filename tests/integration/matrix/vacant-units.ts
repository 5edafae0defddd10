import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import * as vacantActions from "@/lib/vacant-units/actions";
import { currentMonth } from "@/lib/vacant-units/rules";
import { CHECK_ITEMS } from "@/lib/vacant-units/schema";
import { localDateInZone } from "@/lib/calendar";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";
import { newRequestId } from "@/lib/request-id";

/**
 * Vacant units: actions, inputs and fixtures for the authorization matrix. Each call gets a
 * fresh vacant unit (vacant since long ago, so it is due this month) with a cleaner of its site, and
 * the verify/send-back/resubmit steps a record in the state they act on, entered by someone else
 * than the acting user (four eyes).
 */
const TZ = "Asia/Shanghai";
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const fx: Record<MatrixSite, { unit: string; cleaner: string; record: string }> = {
  a: { unit: "", cleaner: "", record: "" },
  b: { unit: "", cleaner: "", record: "" },
};
const today = () => localDateInZone(new Date(), TZ);
const checks = () => CHECK_ITEMS.map((item) => ({ item, result: "PASS", note: "", photoFileIds: [] }));

const RECORD_STATE: Partial<Record<ActionName, "SUBMITTED" | "SENT_BACK">> = {
  verifyVacantCleaningAction: "SUBMITTED",
  sendBackVacantCleaningAction: "SUBMITTED",
  resubmitVacantCleaningAction: "SENT_BACK",
};

async function prepare(name: ActionName, site: MatrixSite, actorId: string | null, world: World) {
  if (!(name in vacantActions)) return;
  const siteId = site === "a" ? world.siteA : world.siteB;
  const longAgo = new Date("2025-01-01T00:00:00Z");
  const cleaner = await db.cleaner.create({ data: { siteId, name: `保洁${uniq()}`, company: "洁美保洁公司" } });
  const unit = await db.unit.create({
    // R-VAC-1: with its dedicated cleaner, who is the one recording.
    data: { siteId, code: `MV-${uniq()}`, building: "A座", floor: "9F", status: "VACANT", createdAt: longAgo, cleanerId: cleaner.id },
  });
  await db.unitStatusChange.create({ data: { unitId: unit.id, status: "VACANT", changedAt: longAgo } });
  fx[site] = { unit: unit.id, cleaner: cleaner.id, record: "" };
  const state = RECORD_STATE[name];
  if (state) {
    // Entered by a user other than the one acting (no account acts as "nobody" here: the admin has no vacant:* permission).
    const enteredBy = actorId === world.users.CLERK ? world.users.ADMIN : world.users.CLERK;
    const record = await db.vacantCleaningRecord.create({
      data: {
        requestId: newRequestId(),
        siteId,
        unitId: unit.id,
        month: currentMonth(new Date(), TZ),
        cleanedOn: new Date(`${today()}T00:00:00Z`),
        cleanerId: cleaner.id,
        createdById: enteredBy,
        state,
        sentBackReason: state === "SENT_BACK" ? "矩阵测试" : null,
        checks: { create: CHECK_ITEMS.map((item) => ({ item, result: "PASS" as const })) },
      },
    });
    fx[site].record = record.id;
  }
}

export const vacantUnitsMatrix: MatrixModule = {
  actions: [vacantActions],
  inputs: {
    createCleanerAction: (w, s) => ({ siteId: s === "a" ? w.siteA : w.siteB, name: `新保洁${uniq()}`, company: "", phone: "" }),
    updateCleanerAction: (_w, s) => ({
      id: fx[s].cleaner,
      name: `改名${uniq()}`,
      company: "洁美保洁公司",
      phone: "13800000000",
      active: true,
    }),
    assignUnitCleanerAction: (_w, s) => ({ unitId: fx[s].unit, cleanerId: fx[s].cleaner }),
    submitVacantCleaningAction: (_w, s) => ({
      requestId: newRequestId(),
      unitId: fx[s].unit,
      month: currentMonth(new Date(), TZ),
      cleanedOn: today(),
      cleanerId: fx[s].cleaner,
      checks: checks(),
    }),
    resubmitVacantCleaningAction: (_w, s) => ({ recordId: fx[s].record, cleanedOn: today(), cleanerId: fx[s].cleaner, checks: checks() }),
    verifyVacantCleaningAction: (_w, s) => ({ recordId: fx[s].record }),
    sendBackVacantCleaningAction: (_w, s) => ({ recordId: fx[s].record, reason: "门窗未关" }),
  },
  prepare,
};
