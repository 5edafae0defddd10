import { db } from "@/lib/db";
import { MANY_SITES } from "@/lib/many-sites";

/**
 * Sites for the many-site views (decision 020), made the way tests/integration/dashboard-company.test.ts
 * makes them: MANY_SITES more sites Z01…Z08 beside the world's site A, so that a manager of site A and
 * these sees MANY_SITES + 1 — one more than a page shows in detail. Each has a tenant and a unit; a site
 * may be given its own time zone (Asia/Shanghai otherwise).
 */
export interface ExtraSite {
  id: string;
  code: string;
  timeZone: string;
  tenant: string;
  unit: string;
}

export async function addManySites(timeZones: Record<string, string> = {}): Promise<ExtraSite[]> {
  const sites: ExtraSite[] = [];
  for (let i = 1; i <= MANY_SITES; i++) {
    const code = `Z${String(i).padStart(2, "0")}`;
    const timeZone = timeZones[code] ?? "Asia/Shanghai";
    const site = await db.site.create({ data: { code, name: `分公司${i}`, timeZone }, select: { id: true } });
    const tenant = await db.tenant.create({ data: { siteId: site.id, name: `业户${code}` }, select: { id: true } });
    const unit = await db.unit.create({
      data: { siteId: site.id, code: `U-${code}`, building: "A座", floor: "1F", status: "OCCUPIED", tenantId: tenant.id },
      select: { id: true },
    });
    sites.push({ id: site.id, code, timeZone, tenant: tenant.id, unit: unit.id });
  }
  return sites;
}

/** A manager account of exactly these sites. */
export async function managerOf(username: string, siteIds: readonly string[]): Promise<string> {
  const user = await db.user.create({
    data: { username, name: "集团经理", role: "MANAGER", passwordHash: "x", sites: { create: siteIds.map((siteId) => ({ siteId })) } },
    select: { id: true },
  });
  return user.id;
}
