/**
 * Optimistic concurrency (lib/versioning.ts): every edit names the version it was loaded with; of many
 * concurrent edits from one version exactly one is written, every other is refused as stale with what
 * changed since, and no edit is silently lost. Child rows (tenant contacts) are edited in place by id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { updateAreaAction } from "@/lib/registry/area.actions";
import { db } from "@/lib/db";
import { updateDepartmentAction } from "@/lib/registry/department.actions";
import { updateTenantAction } from "@/lib/registry/tenant.actions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { currentVersion } from "../support/versions";

let world: World;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

const departmentEdit = (over: Record<string, unknown> = {}) => ({
  id: world.a.department,
  name: "工程部",
  kind: "ENGINEERING",
  contactName: "王工",
  contactPhone: "021-5555",
  ...over,
});

describe("stale edits are refused, never a silent overwrite", () => {
  it("50 concurrent edits of one record from the same version: exactly 1 succeeds, 49 are refused as stale, 0 lost updates", async () => {
    await signInAs(world.users.MANAGER);
    const version = await currentVersion("department", world.a.department);
    const auditBefore = await db.auditLog.count({ where: { entity: "Department", entityId: world.a.department } });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => updateDepartmentAction(departmentEdit({ version, contactName: `联系人${i}` }))),
    );
    const ok = results.filter((r) => r.ok);
    const stale = results.filter((r) => !r.ok && r.code === "stale");
    const winner = results.findIndex((r) => r.ok);
    const stored = await db.department.findUniqueOrThrow({ where: { id: world.a.department } });
    const auditRows = (await db.auditLog.count({ where: { entity: "Department", entityId: world.a.department } })) - auditBefore;
    // Lost update: a success whose value is not what the record holds (or more writes than successes).
    const lost = ok.length - (stored.contactName === `联系人${winner}` ? 1 : 0) + (auditRows - ok.length);
    console.log(
      `50 concurrent edits of one record from the same version: ${ok.length} succeeds, ${stale.length} are refused as stale, ${lost} lost updates`,
    );
    expect(ok).toHaveLength(1);
    expect(stale).toHaveLength(49);
    expect(lost).toBe(0);
    expect(stored.version).toBe(version + 1);
    // The refusal names who changed what since, and offers to reload (the form shows the button on "stale").
    const refusal = stale[0] as { message: string; fieldErrors?: Record<string, string> };
    expect(refusal.message).toMatch(/^自您打开后，.+ 于 .+ 修改了：.*联系人.*。请重新加载后再改。$/);
  });

  it("an edit from an older version names the fields changed since, and writes nothing", async () => {
    await signInAs(world.users.MANAGER);
    const version = await currentVersion("area", world.a.area);
    const area = { id: world.a.area, name: "大堂", type: "LOBBY", building: "A座", floor: "1F", active: true };
    expect(await updateAreaAction({ ...area, version, floor: "2F" })).toMatchObject({ ok: true });
    const before = await db.auditLog.count();
    const refused = await updateAreaAction({ ...area, version, name: "新大堂" });
    expect(refused).toMatchObject({ ok: false, code: "stale" });
    expect(refused.ok ? "" : refused.message).toContain("楼层");
    expect(await db.auditLog.count()).toBe(before);
    expect(await db.area.findUniqueOrThrow({ where: { id: world.a.area } })).toMatchObject({ name: "大堂", floor: "2F" });
  });

  it("an edit without a version, or with a version the record never had, is refused with a clear message; nothing written", async () => {
    await signInAs(world.users.MANAGER);
    const before = await db.auditLog.count();
    const stored = await db.department.findUniqueOrThrow({ where: { id: world.a.department } });

    const missing = await updateDepartmentAction(departmentEdit({ name: "无版本" }));
    expect(missing).toMatchObject({ ok: false, code: "invalid", fieldErrors: { version: expect.stringContaining("版本") } });

    // The version of another record (edited more often than this one) does not match this record.
    const other = world.b.department;
    await db.department.update({ where: { id: other }, data: { version: { increment: 5 } } });
    const foreign = await updateDepartmentAction(departmentEdit({ name: "他人版本", version: await currentVersion("department", other) }));
    expect(foreign).toMatchObject({ ok: false, code: "stale", message: expect.stringContaining("版本与当前记录不符") });

    for (const bad of [-1, 1.5, "1"])
      expect(await updateDepartmentAction(departmentEdit({ version: bad }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.auditLog.count()).toBe(before);
    expect(await db.department.findUniqueOrThrow({ where: { id: world.a.department } })).toEqual(stored);
  });
});

describe("child rows are edited in place by id", () => {
  it("a tenant's kept contacts keep their ids; removed ones go, new ones come; a foreign contact id is refused", async () => {
    await signInAs(world.users.MANAGER);
    const tenant = world.a.tenant;
    await db.tenantContact.deleteMany({ where: { tenantId: tenant } });
    const first = await db.tenantContact.create({ data: { tenantId: tenant, name: "张三", phone: "13800000000", isPrimary: true } });
    const second = await db.tenantContact.create({ data: { tenantId: tenant, name: "李四", phone: "13800000001" } });
    const version = await currentVersion("tenant", tenant);
    const edit = (contacts: unknown[], v = version) => updateTenantAction({ id: tenant, version: v, name: "业户A", notes: "", contacts });

    expect(
      await edit([
        { id: first.id, name: "张三", position: "经理", phone: "13800000009" },
        { name: "王五", position: "", phone: "13800000002" },
      ]),
    ).toMatchObject({ ok: true });
    const contacts = await db.tenantContact.findMany({ where: { tenantId: tenant }, orderBy: { name: "asc" } });
    expect(contacts.map((c) => c.name).sort()).toEqual(["张三", "王五"]);
    expect(contacts.find((c) => c.name === "张三")).toMatchObject({
      id: first.id,
      phone: "13800000009",
      position: "经理",
      isPrimary: true,
    });
    expect(contacts.some((c) => c.id === second.id)).toBe(false);

    const foreignContact = await db.tenantContact.create({ data: { tenantId: world.b.tenant, name: "外人", phone: "13800000003" } });
    const refused = await edit([{ id: foreignContact.id, name: "外人", position: "", phone: "13800000003" }], version + 1);
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.tenantContact.findUniqueOrThrow({ where: { id: foreignContact.id } })).toMatchObject({ tenantId: world.b.tenant });
  });
});
