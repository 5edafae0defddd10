/**
 * The complaint list's search box: a tenant's name or a unit's code (any part, any case) or the
 * start of a complaint number (any case), only within the user's sites. Found in two steps (tenants
 * and units first, then their complaints: lib/complaints/queries.ts); a term that cannot start a
 * number adds no condition on the number (lib/daily-number.ts numberPrefixFilter).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createComplaintAction } from "@/lib/complaints/actions";
import { listComplaints } from "@/lib/complaints/queries";
import { db } from "@/lib/db";
import { pageRequest } from "@/lib/pagination";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
const numbers: Record<string, string> = {};

async function complaint(key: string, site: "a" | "b", tenantId: string, unitId: string | null) {
  const result = await createComplaintAction({
    requestId: newRequestId(),
    siteId: site === "a" ? world.siteA : world.siteB,
    tenantId,
    unitId,
    source: "PHONE",
    category: "REPAIR",
    severity: "GENERAL",
    description: "空调不制冷",
    departmentId: world[site].department,
    receivedAt: "",
    photoIds: [],
  });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  numbers[key] = (result as { data: { number: string } }).data.number;
}

const search = async (q: string) => (await listComplaints({ q }, pageRequest("1"))).rows.map((r) => r.number).sort();

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  const green = await db.tenant.create({ data: { siteId: world.siteA, name: "绿叶科技有限公司" }, select: { id: true } });
  // Site B's tenant has the same name: the manager of site A must not find its complaint.
  const greenB = await db.tenant.create({ data: { siteId: world.siteB, name: "绿叶科技有限公司" }, select: { id: true } });
  // The front desk works at both sites; the manager only at site A.
  await db.user.update({ where: { id: world.users.FRONT_DESK }, data: { sites: { create: [{ siteId: world.siteB }] } } });
  await signInAs(world.users.FRONT_DESK);
  await complaint("tenantA", "a", world.a.tenant, world.a.unit);
  await complaint("green", "a", green.id, null);
  await complaint("greenB", "b", greenB.id, null);
});

describe("complaint search", () => {
  it("finds a tenant's complaints by part of its name, within the user's sites only", async () => {
    await signInAs(world.users.MANAGER);
    expect(await search("叶科技")).toEqual([numbers.green]);
    expect(await search("业户A")).toEqual([numbers.tenantA]);
  });

  it("finds by part of a unit's code, in any case", async () => {
    await signInAs(world.users.MANAGER);
    expect(await search("u-a")).toEqual([numbers.tenantA]);
  });

  it("finds by the start of a number in any case, not by a fragment from its middle", async () => {
    await signInAs(world.users.MANAGER);
    expect(numbers.green).toMatch(/^SA-\d{8}-\d{3}$/);
    expect(await search(numbers.green.toLowerCase())).toEqual([numbers.green]);
    expect(await search("sa-")).toEqual([numbers.green, numbers.tenantA].sort());
    expect(await search(numbers.green.slice(3, 11))).toEqual([]);
  });

  it("finds nothing for a term that matches no tenant, unit or number", async () => {
    await signInAs(world.users.MANAGER);
    expect(await search("不存在的业户")).toEqual([]);
    expect(await search("zz-1")).toEqual([]);
  });

  it("a user of both sites finds both complaints of tenants with the same name", async () => {
    await signInAs(world.users.FRONT_DESK);
    expect(await search("绿叶")).toEqual([numbers.green, numbers.greenB].sort());
  });
});
