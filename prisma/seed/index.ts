/**
 * Demo data for Kewu: two sites (HQ 汇金中心, SP 科创园) with areas of every type, ~200 units,
 * ~120 tenant companies with contacts, the forwarding departments, and one account per role.
 *
 * Safe to run again: everything is keyed by its natural key and only what is missing is created
 * (INSERT … ON CONFLICT DO NOTHING). Existing rows are never updated, so a second run neither
 * duplicates anything nor resets a password, a site's slot times or a unit's status that someone
 * changed. Contacts are written only for tenants created in this run, site assignments (UserSite)
 * only for accounts or sites created in this run, so deleted contacts or removed assignments stay so.
 * It all runs in one transaction: a failed run leaves nothing half-written.
 *
 * Then six months of complaints per site, ending now (./complaints): added only to a site that has
 * no complaint yet, in a transaction of their own. Then the default checklists and two months of
 * inspection rounds (./inspections), likewise only for a site without inspections.
 *
 * Used by the CLI (prisma/seed.ts) and by integration tests: `await seed(db)`.
 */
import { hashPassword } from "../../lib/auth/password";
import { syncDailyCounters } from "../../lib/daily-number";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { seedCleaningSupervision } from "./cleaning-supervision";
import { seedComplaints } from "./complaints";
import { seedContractors } from "./contractors";
import { seedGoodsPasses } from "./goods-passes";
import { seedInspections } from "./inspections";
import { seedMeetingHistory } from "./meeting-history";
import { seedMeetingSeries } from "./meeting-series";
import { seedNewspapers } from "./newspapers";
import { seedSpecialServices } from "./special-services";
import { seedSurveys } from "./surveys";
import { seedVacantUnits } from "./vacant-units";
import { seedFoundItems } from "./found-items";
import { seedWaste } from "./waste";
import { DEMO_PASSWORD, DEMO_USERS, SITES } from "./data";
import { buildSitePlan } from "./generate";

export { DEMO_PASSWORD, DEMO_USERS, SITES } from "./data";
export { buildSitePlan } from "./generate";
export { planSiteComplaints, seedComplaints } from "./complaints";
export { planSiteInspections, seedInspections } from "./inspections";

/** `now`: where the complaint history ends (default: the current time); `log`: one line per site. */
export async function seed(db: PrismaClient, options: { now?: Date; log?: (line: string) => void } = {}): Promise<void> {
  const plans = SITES.map(buildSitePlan);

  // bcrypt cost 12 is slow (~0.4 s): hash once, and only when an account actually has to be created.
  const usernames = DEMO_USERS.map((u) => u.username);
  const existing = await db.user.findMany({ where: { username: { in: usernames } }, select: { username: true } });
  const existingNames = new Set(existing.map((u) => u.username));
  const toCreate = DEMO_USERS.filter((u) => !existingNames.has(u.username));
  const passwordHash = toCreate.length > 0 ? await hashPassword(DEMO_PASSWORD) : "";

  await db.$transaction(
    async (tx) => {
      const siteIdByCode = new Map<string, string>();
      const newSiteCodes = new Set<string>();

      for (const plan of plans) {
        // What the site already holds, by natural key: only the rest is inserted (and when nothing is
        // missing no insert is sent at all, which keeps a re-run fast). Sequential queries: one
        // connection serves the whole transaction.
        const existingSite = await tx.site.findUnique({ where: { code: plan.code }, select: { id: true } });
        let siteId: string;
        if (existingSite) {
          siteId = existingSite.id;
        } else {
          const created = await tx.site.upsert({
            where: { code: plan.code },
            create: {
              code: plan.code,
              name: plan.name,
              address: plan.address,
              timeZone: plan.timeZone,
              slot1Start: plan.slot1Start,
              slot1End: plan.slot1End,
              slot2Start: plan.slot2Start,
              slot2End: plan.slot2End,
            },
            update: {},
            select: { id: true },
          });
          siteId = created.id;
          newSiteCodes.add(plan.code);
        }
        siteIdByCode.set(plan.code, siteId);
        const isNew = newSiteCodes.has(plan.code);
        const site = {
          areas: isNew ? [] : await tx.area.findMany({ where: { siteId }, select: { building: true, floor: true, name: true } }),
          departments: isNew ? [] : await tx.department.findMany({ where: { siteId }, select: { name: true } }),
          tenants: isNew ? [] : await tx.tenant.findMany({ where: { siteId }, select: { name: true } }),
          units: isNew ? [] : await tx.unit.findMany({ where: { siteId }, select: { code: true } }),
        };

        const areaKey = (a: { building: string; floor: string; name: string }) => `${a.building}\u0000${a.floor}\u0000${a.name}`;
        const haveAreas = new Set(site.areas.map(areaKey));
        const newAreas = plan.areas.filter((a) => !haveAreas.has(areaKey(a)));
        if (newAreas.length > 0) {
          await tx.area.createMany({
            data: newAreas.map((a) => ({ siteId, type: a.type, building: a.building, floor: a.floor, name: a.name })),
            skipDuplicates: true,
          });
        }

        const haveDepartments = new Set(site.departments.map((d) => d.name));
        const newDepartments = plan.departments.filter((d) => !haveDepartments.has(d.name));
        if (newDepartments.length > 0) {
          await tx.department.createMany({
            data: newDepartments.map((d) => ({
              siteId,
              kind: d.kind,
              name: d.name,
              contactName: d.contactName,
              contactPhone: d.contactPhone,
            })),
            skipDuplicates: true,
          });
        }

        // Tenants: the ones created now (returned by createManyAndReturn) get their contacts; an
        // existing tenant's contacts are left as they are.
        const haveTenants = new Set(site.tenants.map((t) => t.name));
        const newTenants = plan.tenants.filter((t) => !haveTenants.has(t.name));
        if (newTenants.length > 0) {
          const created = await tx.tenant.createManyAndReturn({
            data: newTenants.map((t) => ({ siteId, name: t.name, notes: t.notes })),
            skipDuplicates: true,
            select: { id: true, name: true },
          });
          const contactsByName = new Map(newTenants.map((t) => [t.name, t.contacts]));
          const contacts = created.flatMap((t) =>
            (contactsByName.get(t.name) ?? []).map((c) => ({
              tenantId: t.id,
              name: c.name,
              position: c.position,
              phone: c.phone,
              isPrimary: c.isPrimary,
            })),
          );
          if (contacts.length > 0) await tx.tenantContact.createMany({ data: contacts });
        }

        const haveUnits = new Set(site.units.map((u) => u.code));
        const newUnits = plan.units.filter((u) => !haveUnits.has(u.code));
        if (newUnits.length > 0) {
          const tenantNames = [...new Set(newUnits.flatMap((u) => (u.tenantName ? [u.tenantName] : [])))];
          const tenants = await tx.tenant.findMany({
            where: { siteId, name: { in: tenantNames } },
            select: { id: true, name: true },
          });
          const tenantIdByName = new Map(tenants.map((t) => [t.name, t.id]));
          await tx.unit.createMany({
            data: newUnits.map((u) => ({
              siteId,
              code: u.code,
              building: u.building,
              floor: u.floor,
              areaSqm: u.areaSqm,
              status: u.status,
              tenantId: u.tenantName ? (tenantIdByName.get(u.tenantName) ?? null) : null,
            })),
            skipDuplicates: true,
          });
        }
      }

      // Accounts: created once with the demo password, never updated here. Site assignments are
      // written for accounts or sites created in this run only, so a removed assignment stays removed.
      if (toCreate.length === 0 && newSiteCodes.size === 0) return;
      if (toCreate.length > 0) {
        await tx.user.createMany({
          data: toCreate.map((u) => ({ username: u.username, name: u.name, role: u.role, duty: u.duty, passwordHash })),
          skipDuplicates: true,
        });
      }
      const users = await tx.user.findMany({ where: { username: { in: usernames } }, select: { id: true, username: true } });
      const userIdByName = new Map(users.map((u) => [u.username, u.id]));
      const assignments = DEMO_USERS.flatMap((u) => {
        const userId = userIdByName.get(u.username);
        if (!userId) return [];
        const userIsNew = !existingNames.has(u.username);
        return (u.siteCodes ?? plans.map((p) => p.code)).flatMap((code) => {
          const siteId = siteIdByCode.get(code);
          return siteId && (userIsNew || newSiteCodes.has(code)) ? [{ userId, siteId }] : [];
        });
      });
      if (assignments.length > 0) await tx.userSite.createMany({ data: assignments, skipDuplicates: true });
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  await seedComplaints(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // Default checklists, then two months of inspection rounds and their work orders (./inspections).
  await seedInspections(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // Loading routes, the hazard list, signatories and two weeks of goods passes (./goods-passes).
  await seedGoodsPasses(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // Newspaper titles, subscriptions and past days (./newspapers).
  await seedNewspapers(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // Cleaners, dedicated cleaners and past months' vacant-unit cleaning records (./vacant-units).
  await seedVacantUnits(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // The three weekly meeting series per site (./meeting-series), then past weeks' meetings (./meeting-history).
  await seedMeetingSeries(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  await seedMeetingHistory(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // Two months of cleaning supervisor's days, the contractor's plans and a monthly summary (./cleaning-supervision).
  await seedCleaningSupervision(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // Found items in every state (./found-items) and waste points with their clearance log (./waste).
  await seedFoundItems(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  await seedWaste(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // The special-service catalogue and four months of orders with their notices and revisits (./special-services).
  await seedSpecialServices(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // The cleaning and catering companies, their staff (joining the cleaners above), two months of canteen checks (./contractors).
  await seedContractors(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // The survey questionnaire, two past rounds per site with responses and opinions at every step (./surveys).
  await seedSurveys(db, { now: options.now, log: options.log ?? ((line) => console.log(line)) });
  // Complaints, work orders and passes above were numbered in bulk: the next ones continue their days.
  await syncDailyCounters(db);
}
