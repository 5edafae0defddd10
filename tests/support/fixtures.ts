import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/permissions";
import { session } from "./session";

/**
 * Integration fixtures: two sites, one account per role on site A only (the admin sees every site by
 * role), and one record of each kind on each site. Sign-in is simulated by `signInAs`, which sets the
 * identity that lib/auth/session.ts would read from the next-auth cookie; everything after that (user
 * lookup, disabled check, permission, site scope, database) is the real code against real Postgres.
 */

export interface World {
  siteA: string;
  siteB: string;
  users: Record<Role, string>;
  a: Records;
  b: Records;
}
interface Records {
  unit: string;
  tenant: string;
  area: string;
  department: string;
  override: string;
}

let passwordHash: string | undefined;

export async function buildWorld(): Promise<World> {
  passwordHash ??= await hashPassword("Kewu@2026");
  const siteA = await db.site.create({ data: { code: "SA", name: "测试项目A" }, select: { id: true } });
  const siteB = await db.site.create({ data: { code: "SB", name: "测试项目B" }, select: { id: true } });
  const users = {} as Record<Role, string>;
  for (const role of ROLES) {
    const user = await db.user.create({
      data: {
        username: role.toLowerCase(),
        name: `测试${role}`,
        role,
        duty: role === "SUPERVISOR" ? "CLEANING" : null,
        passwordHash,
        sites: { create: [{ siteId: siteA.id }] },
      },
      select: { id: true },
    });
    users[role] = user.id;
  }
  const records = async (siteId: string, tag: string): Promise<Records> => {
    const tenant = await db.tenant.create({
      data: { siteId, name: `业户${tag}`, contacts: { create: [{ name: "张三", phone: "13800000000", isPrimary: true }] } },
      select: { id: true },
    });
    const unit = await db.unit.create({
      data: { siteId, code: `U-${tag}`, building: "A座", floor: "1F", status: "OCCUPIED", tenantId: tenant.id },
      select: { id: true },
    });
    const area = await db.area.create({
      data: { siteId, name: `大堂${tag}`, type: "LOBBY", building: "A座", floor: "1F" },
      select: { id: true },
    });
    const department = await db.department.create({ data: { siteId, name: `工程部${tag}`, kind: "ENGINEERING" }, select: { id: true } });
    const override = await db.calendarOverride.create({
      data: { siteId, date: new Date("2026-12-26T00:00:00Z"), kind: "WORKDAY" },
      select: { id: true },
    });
    return { unit: unit.id, tenant: tenant.id, area: area.id, department: department.id, override: override.id };
  };
  return { siteA: siteA.id, siteB: siteB.id, users, a: await records(siteA.id, "A"), b: await records(siteB.id, "B") };
}

export async function signInAs(userId: string | null) {
  if (!userId) {
    session.claims = null;
    return;
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  session.claims = { userId, sessionVersion: user.sessionVersion };
}
