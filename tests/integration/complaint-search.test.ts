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
import { COUNT_CAP, PAGE_SIZE, pageRequest } from "@/lib/pagination";
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

/** The numbers found; the page's total (a separate, capped count in SQL) must count the same complaints. */
async function search(q: string) {
  const list = await listComplaints({ q }, pageRequest("1"));
  expect(list.total, `total of "${q}"`).toBe(list.rows.length);
  expect(list.capped).toBe(false);
  return list.rows.map((r) => r.number).sort();
}

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

  it("counts a search's complaints up to the cap and shows more as capped (1000+), with the filters applied", async () => {
    await signInAs(world.users.MANAGER);
    const many = await db.tenant.create({ data: { siteId: world.siteA, name: "繁忙商贸有限公司" }, select: { id: true } });
    const manager = await db.user.findUniqueOrThrow({ where: { id: world.users.MANAGER }, select: { id: true } });
    // COUNT_CAP + 5 complaints of one tenant, written in one statement (the intake action would take minutes).
    await db.$executeRaw`
      INSERT INTO "Complaint" (id, number, "requestId", "siteId", "tenantId", "departmentId", source, category, severity,
        description, "receivedAt", "receivedById", state, "rectificationDueAt", "updatedAt")
      SELECT 'cap-' || g, 'CAP-' || lpad(g::text, 6, '0'), 'cap-' || g, ${world.siteA}, ${many.id}, ${world.a.department},
        'PHONE', 'REPAIR', CASE WHEN g <= 3 THEN 'MAJOR' ELSE 'GENERAL' END::"ComplaintSeverity", '门禁故障',
        now() - g * interval '1 hour', ${manager.id}, 'RECEIVED', now() + interval '1 day', now()
      FROM generate_series(1, ${COUNT_CAP + 5}) g`;
    const all = await listComplaints({ q: "繁忙商贸" }, pageRequest("1"));
    expect(all.rows).toHaveLength(PAGE_SIZE);
    expect(all).toMatchObject({ total: COUNT_CAP, capped: true });
    // The newest first: complaint 1 was received an hour ago.
    expect(all.rows[0].number).toBe("CAP-000001");
    const major = await listComplaints({ q: "繁忙商贸", severity: "MAJOR" }, pageRequest("1"));
    expect(major).toMatchObject({ total: 3, capped: false });
    expect(major.rows.map((r) => r.number)).toEqual(["CAP-000001", "CAP-000002", "CAP-000003"]);
    // A number prefix counts through the same capped statement.
    expect(await listComplaints({ q: "cap-00000" }, pageRequest("1"))).toMatchObject({ total: 9, capped: false });
    // The same search on site B finds none of them.
    await signInAs(world.users.FRONT_DESK);
    expect((await listComplaints({ q: "繁忙商贸", site: world.siteB }, pageRequest("1"))).total).toBe(0);
  });

  it("pages a search over several tenants and a unit newest first, each complaint once, with its total", async () => {
    await signInAs(world.users.MANAGER);
    const manager = await db.user.findUniqueOrThrow({ where: { id: world.users.MANAGER }, select: { id: true } });
    const [jia, yi] = await Promise.all(
      ["交错贸易甲", "交错贸易乙"].map((name) => db.tenant.create({ data: { siteId: world.siteA, name }, select: { id: true } })),
    );
    // A unit whose code holds the term too: tenant 甲's complaints in it match twice (by tenant and by unit).
    const unit = await db.unit.create({
      data: { siteId: world.siteA, code: "交错贸易-01", building: "A", floor: "1F" },
      select: { id: true },
    });
    // 25 complaints each, received in turns: 甲 at odd hours ago, 乙 at even ones; 甲's first ten in the unit.
    await db.$executeRaw`
      INSERT INTO "Complaint" (id, number, "requestId", "siteId", "tenantId", "unitId", "departmentId", source, category, severity,
        description, "receivedAt", "receivedById", state, "rectificationDueAt", "updatedAt")
      SELECT 'mix-' || g, 'MIX-' || lpad(g::text, 4, '0'), 'mix-' || g, ${world.siteA},
        CASE WHEN g % 2 = 1 THEN ${jia.id} ELSE ${yi.id} END, CASE WHEN g % 2 = 1 AND g <= 20 THEN ${unit.id} END,
        ${world.a.department}, 'PHONE', 'REPAIR', 'GENERAL', '门禁故障',
        now() - g * interval '1 hour', ${manager.id}, 'RECEIVED', now() + interval '1 day', now()
      FROM generate_series(1, 50) g`;
    const pages = await Promise.all(["1", "2", "3"].map((p) => listComplaints({ q: "交错贸易" }, pageRequest(p))));
    const expected = Array.from({ length: 50 }, (_, i) => `MIX-${String(i + 1).padStart(4, "0")}`);
    expect(pages.map((p) => p.rows.map((r) => r.number))).toEqual([expected.slice(0, 20), expected.slice(20, 40), expected.slice(40)]);
    expect(pages.map((p) => p.total)).toEqual([50, 50, 50]);
  });
});
