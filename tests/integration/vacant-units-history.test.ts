/**
 * R-VAC-1 needs each unit's status history: creating a unit and every change of its status in the unit
 * registry write a UnitStatusChange row in the same transaction; an edit that keeps the status writes none.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUnitAction, updateUnitAction } from "@/lib/registry/unit.actions";
import { vacantMonthView } from "@/lib/vacant-units/queries";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await signInAs(world.users.MANAGER);
});

const history = (unitId: string) =>
  db.unitStatusChange.findMany({ where: { unitId }, orderBy: { changedAt: "asc" }, select: { status: true, changedById: true } });

describe("R-VAC-1: the unit registry keeps the status history", () => {
  it("create, change of status, edit without change; the month view follows", async () => {
    const created = await createUnitAction({
      siteId: world.siteA,
      code: "H-1001",
      building: "A座",
      floor: "10F",
      areaSqm: "",
      status: "VACANT",
      tenantId: "",
    });
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? created.data.id : "";
    expect(await history(id)).toEqual([{ status: "VACANT", changedById: world.users.MANAGER }]);
    expect((await vacantMonthView({ site: world.siteA })).rows.map((r) => r.id)).toContain(id);

    const base = { id, code: "H-1001", building: "A座", floor: "10F", areaSqm: "" };
    expect(await updateUnitAction({ ...base, version: 0, floor: "10层", status: "VACANT", tenantId: "" })).toMatchObject({ ok: true });
    expect(await history(id)).toHaveLength(1);

    expect(await updateUnitAction({ ...base, version: 1, status: "OCCUPIED", tenantId: world.a.tenant })).toMatchObject({ ok: true });
    expect((await history(id)).map((h) => h.status)).toEqual(["VACANT", "OCCUPIED"]);
    // Occupied now, in the running month: off this month's schedule.
    expect((await vacantMonthView({ site: world.siteA })).rows.map((r) => r.id)).not.toContain(id);
  });

  it("a refused update writes no history row", async () => {
    const before = await db.unitStatusChange.count();
    const refused = await updateUnitAction({
      id: world.a.unit,
      version: 0,
      code: "U-A",
      building: "A座",
      floor: "1F",
      areaSqm: "",
      status: "VACANT",
      tenantId: world.a.tenant,
    });
    expect(refused).toMatchObject({ ok: false });
    expect(await db.unitStatusChange.count()).toBe(before);
  });
});
