/**
 * The audit trail reads like the rest of the UI: Chinese field labels and states, the site's local
 * time with its zone, names instead of ids, a link to the record, and filters by person, record and day.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { auditActors, listAuditLogs } from "@/lib/audit-trail/queries";
import { createComplaintAction } from "@/lib/complaints/actions";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { pageRequest } from "@/lib/pagination";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
let complaint: { id: string; number: string };

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await signInAs(world.users.FRONT_DESK);
  const result = await createComplaintAction({
    requestId: newRequestId(),
    siteId: world.siteA,
    tenantId: world.a.tenant,
    unitId: world.a.unit,
    source: "PHONE",
    category: "REPAIR",
    severity: "MAJOR",
    description: "B座12层男卫生间水龙头漏水",
    departmentId: world.a.department,
    receivedAt: "",
    photoIds: [],
  });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  complaint = (result as { data: { id: string; number: string } }).data;
});

describe("a readable audit trail", () => {
  it("shows the front desk's entry with Chinese labels, local time and names", async () => {
    await signInAs(world.users.MANAGER);
    const trail = await listAuditLogs({ entity: "Complaint" }, pageRequest("1"));
    const row = trail.rows.find((r) => r.entityId === complaint.id)!;
    expect(row).toBeDefined();
    expect(row.actor?.name).toBe("测试FRONT_DESK");
    const at = await db.auditLog.findFirstOrThrow({ where: { entityId: complaint.id }, select: { at: true } });
    // Asia/Shanghai (the fixture sites' zone), with the zone named; never UTC's "Z".
    expect(row.localAt).toBe(`${formatInZone(at.at, "Asia/Shanghai")} GMT+8`);
    expect(row.record).toEqual({ label: complaint.number, href: `/complaints/${complaint.id}` });

    const byLabel = Object.fromEntries(row.changes.map((c) => [c.label, c.after]));
    expect(byLabel["来源"]).toBe("电话");
    expect(byLabel["严重程度"]).toBe("重大投诉");
    expect(byLabel["部门"]).toBe("工程部A");
    expect(byLabel["业户"]).toBe("业户A");
    expect(byLabel["接收时间"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+8$/);
    // A new record has no "before".
    expect(row.changes.every((c) => c.before === null)).toBe(true);
    expect(byLabel["整改期限"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+8$/);
    // No English field names, no raw ids, no UTC instants anywhere in what the reader sees.
    const shown = JSON.stringify(row.changes.map((c) => [c.label, c.before, c.after]));
    expect(shown).not.toMatch(/[a-z]+Id\b|receivedAt|PHONE|MAJOR|\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    for (const id of [world.a.tenant, world.a.department, world.users.FRONT_DESK]) expect(shown).not.toContain(id);
  });

  it("filters by person, record and day", async () => {
    await signInAs(world.users.MANAGER);
    const frontDesk = world.users.FRONT_DESK;
    const byPerson = await listAuditLogs({ actor: frontDesk }, pageRequest("1"));
    expect(byPerson.rows.length).toBeGreaterThan(0);
    expect(byPerson.rows.every((r) => r.actor?.id === frontDesk)).toBe(true);
    const byRecord = await listAuditLogs({ q: complaint.id }, pageRequest("1"));
    expect(byRecord.rows.map((r) => r.entityId)).toEqual([complaint.id]);
    const day = byRecord.rows[0].localAt.slice(0, 10);
    expect((await listAuditLogs({ q: complaint.id, from: day, to: day }, pageRequest("1"))).total).toBe(1);
    expect((await listAuditLogs({ q: complaint.id, from: "2000-01-01", to: "2000-01-01" }, pageRequest("1"))).total).toBe(0);
  });
});

// Last: it adds entries of its own.
describe("the by-person filter", () => {
  it("offers each person who acted at the user's sites once, and nobody from another site", async () => {
    // A second entry by the front desk, and an entry at site B by someone the manager does not see there.
    await db.auditLog.createMany({
      data: [
        {
          siteId: world.siteA,
          actorId: world.users.FRONT_DESK,
          entity: "complaint",
          entityId: complaint.id,
          action: "UPDATE",
          changes: {},
        },
        { siteId: world.siteB, actorId: world.users.CLERK, entity: "tenant", entityId: world.b.tenant, action: "UPDATE", changes: {} },
      ],
    });
    await signInAs(world.users.MANAGER);
    const people = await auditActors();
    expect(people.filter((p) => p.id === world.users.FRONT_DESK)).toHaveLength(1);
    expect(people.map((p) => p.id)).not.toContain(world.users.CLERK);
  });
});
