import { createCalendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import * as inspectionActions from "@/lib/inspections/actions";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import { fixClock } from "../../support/clock";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
/** The current lobby checklist (the matrix's area on each site is a lobby). */
let lobbyTemplate: { id: string; itemId: string };

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  if (name !== "submitInspectionAction") return;
  const siteId = site === "a" ? world.siteA : world.siteB;
  // A window open at the fixed clock whatever the time of the run (the site-update action changes slot times);
  // the matrix puts the real clock back after each call.
  fixClock();
  await db.site.update({
    where: { id: siteId },
    data: { slot1Start: "00:00", slot1End: "23:58", slot2Start: "23:58", slot2End: "23:59", inspectOnWeekends: true },
  });
  await db.inspection.deleteMany({ where: { areaId: world[site].area } });
  const current = await db.checklistTemplate.findFirst({
    where: { areaType: "LOBBY", current: true },
    select: { id: true, items: { select: { id: true } } },
  });
  if (current && current.items.length === 1) lobbyTemplate = { id: current.id, itemId: current.items[0].id };
  else {
    await db.checklistTemplate.updateMany({ where: { areaType: "LOBBY" }, data: { current: false } });
    const version = (await db.checklistTemplate.count({ where: { areaType: "LOBBY" } })) + 1;
    const created = await db.checklistTemplate.create({
      data: { areaType: "LOBBY", version, items: { create: [{ position: 1, label: "地面清洁" }] } },
      select: { id: true, items: { select: { id: true } } },
    });
    lobbyTemplate = { id: created.id, itemId: created.items[0].id };
  }
}

/** Inspection rounds: one submission per area and slot. */
export const inspectionsMatrix: MatrixModule = {
  actions: [inspectionActions],
  inputs: {
    submitInspectionAction: (w, s) => ({
      requestId: newRequestId(),
      areaId: w[s].area,
      periodKey: `${shanghai.localDateOf(new Date())}#1`,
      templateId: lobbyTemplate.id,
      results: [{ itemId: lobbyTemplate.itemId, result: "PASS", note: "", photoFileIds: [] }],
    }),
  },
  prepare,
};
