import { beforeAll, describe, expect, it } from "vitest";
import { listAuditLogs } from "@/lib/audit-trail/queries";
import { db } from "@/lib/db";
import { pageRequest } from "@/lib/pagination";
import { createTenantAction, updateTenantAction } from "@/lib/registry/tenant.actions";
import { getTenant, listTenants } from "@/lib/registry/tenant.queries";
import { createUnitAction, updateUnitAction } from "@/lib/registry/unit.actions";
import { getUnit, listUnits } from "@/lib/registry/unit.queries";
import { createUserAction } from "@/lib/registry/user.actions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
const unitInput = (over: Record<string, unknown> = {}) => ({
  siteId: world.siteA,
  code: "A-0801",
  building: "A座",
  floor: "8F",
  areaSqm: "120",
  status: "VACANT",
  tenantId: "",
  ...over,
});

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("units and tenants: create, edit, audit", () => {
  it("creates and edits a unit, and the audit trail shows both with before/after", async () => {
    await signInAs(world.users.MANAGER);
    const created = await createUnitAction(unitInput());
    expect(created).toMatchObject({ ok: true, message: "已保存" });
    const id = (created as { data: { id: string } }).data.id;
    const edited = await updateUnitAction({
      id,
      version: 0,
      code: "A-0801",
      building: "A座",
      floor: "8F",
      areaSqm: "118.5",
      status: "OCCUPIED",
      tenantId: world.a.tenant,
    });
    expect(edited.ok).toBe(true);
    expect(await getUnit(id)).toMatchObject({ status: "OCCUPIED", tenantId: world.a.tenant, areaSqm: 118.5 });

    const trail = await listAuditLogs({ entity: "Unit" }, pageRequest("1"));
    const rows = trail.rows.filter((r) => r.entityId === id);
    expect(rows.map((r) => r.action)).toEqual(["UPDATE", "CREATE"]);
    expect(rows[0].changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "status", label: "状态", before: "空置", after: "已入驻" }),
        expect.objectContaining({ field: "areaSqm", before: "120", after: "118.5" }),
        expect.objectContaining({ field: "tenantId", label: "业户", after: "业户A" }),
      ]),
    );
    expect(rows[0].changes.map((c) => c.field)).not.toContain("building");
    expect(rows[0].actor?.name).toBe("测试MANAGER");
  });

  it("a double submission creates one unit; the second answers in Chinese that it exists", async () => {
    await signInAs(world.users.MANAGER);
    const input = unitInput({ code: "A-0901" });
    const [first, second] = await Promise.all([createUnitAction(input), createUnitAction(input)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const refusal = (first.ok ? second : first) as { code: string; message: string };
    expect(refusal.code).toBe("conflict");
    expect(await db.unit.count({ where: { code: "A-0901" } })).toBe(1);
  });

  it("refuses bad input with Chinese field messages and writes nothing", async () => {
    await signInAs(world.users.MANAGER);
    const before = { units: await db.unit.count(), audit: await db.auditLog.count() };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [unitInput({ code: "" }), "code", /必填/],
      [unitInput({ code: "X".repeat(31) }), "code", /不能超过 30/],
      [unitInput({ areaSqm: "-3" }), "areaSqm", /不能小于|格式/],
      [unitInput({ status: "DEMOLISHED" }), "status", /请从列表中选择/],
      [unitInput({ status: "OCCUPIED", tenantId: "" }), "tenantId", /须选择业户/],
      [unitInput({ code: "Z-1", isAdmin: true }), "_form", /不允许的字段/],
      [unitInput({ code: "Z-2", status: "OCCUPIED", tenantId: world.b.tenant }), "tenantId", /不属于此项目/],
    ];
    for (const [input, field, message] of cases) {
      const result = await createUnitAction(input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      expect((result as { fieldErrors?: Record<string, string> }).fieldErrors?.[field], field).toMatch(message);
    }
    // A site id forged into the request (another site, or one that does not exist).
    expect(await createUnitAction(unitInput({ code: "Z-3", siteId: world.siteB }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await createUnitAction(unitInput({ code: "Z-4", siteId: "cl0000000000000000000000" }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await createUnitAction("not an object")).toMatchObject({ ok: false, code: "invalid" });
    expect({ units: await db.unit.count(), audit: await db.auditLog.count() }).toEqual(before);
  });

  it("keeps tenant contacts away from roles that do not need them (§1.9)", async () => {
    await signInAs(world.users.CLERK);
    const created = await createTenantAction({
      siteId: world.siteA,
      name: "上海恒拓信息科技有限公司",
      notes: "",
      contacts: [{ name: "周敏", position: "行政经理", phone: "13812345678" }],
    });
    expect(created.ok).toBe(true);
    const id = (created as { data: { id: string } }).data.id;
    expect((await listTenants({ q: "13812345678" }, pageRequest("1"))).rows.map((r) => r.id)).toEqual([id]);

    await signInAs(world.users.SUPERVISOR);
    const asSupervisor = await listTenants({ q: "恒拓" }, pageRequest("1"));
    expect(asSupervisor.seesContacts).toBe(false);
    expect(asSupervisor.rows[0]).not.toHaveProperty("contacts");
    expect(JSON.stringify(await getTenant(id))).not.toContain("13812345678");
    // Searching by phone must not reveal who owns a number either.
    expect((await listTenants({ q: "13812345678" }, pageRequest("1"))).rows).toEqual([]);

    // Phone numbers never reach the audit trail.
    await signInAs(world.users.MANAGER);
    expect(
      (
        await updateTenantAction({
          id,
          version: 0,
          name: "上海恒拓信息科技有限公司",
          notes: "二期",
          contacts: [{ name: "周敏", position: "", phone: "13900001111" }],
        })
      ).ok,
    ).toBe(true);
    const trail = await listAuditLogs({ entity: "Tenant" }, pageRequest("1"));
    expect(JSON.stringify(trail.rows)).not.toMatch(/1381234|1390000/);
  });

  it("lists only the user's sites, filtered and paginated in SQL", async () => {
    await signInAs(world.users.MANAGER);
    const page = await listUnits({}, pageRequest("1"));
    expect(page.rows.every((r) => r.site.code === "SA")).toBe(true);
    expect(await getUnit(world.b.unit)).toBeNull();
    expect((await listUnits({ site: world.siteB }, pageRequest("1"))).rows.every((r) => r.site.code === "SA")).toBe(true);
    expect((await listUnits({ status: "OCCUPIED" }, pageRequest("1"))).rows.every((r) => r.status === "OCCUPIED")).toBe(true);
  });

  it("refuses a forged site id when creating an account", async () => {
    await signInAs(world.users.ADMIN);
    const result = await createUserAction({
      username: "forger",
      password: "Secret12345",
      name: "X",
      role: "CLERK",
      duty: null,
      siteIds: ["forged-site-id"],
    });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.user.count({ where: { username: "forger" } })).toBe(0);
  });
});

describe("the audit trail is append-only", () => {
  it("the database refuses to update or delete an audit row", async () => {
    const row = await db.auditLog.findFirstOrThrow({ select: { id: true } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { entity: "Forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });
});
