/**
 * Walks the permission table (lib/permissions.ts): every exported server action, called as each role
 * and anonymously, is allowed or refused exactly as ACTION_PERMISSIONS + PERMISSIONS say; allowed roles
 * are refused for records of a site they are not assigned to; an action missing from the table fails.
 * Each module brings its part (this folder, one file per module): its actions, a valid input per action,
 * and the records each call acts on.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { ACTION_PERMISSIONS, COMPANY_WIDE, ROLES, roleHas, seesAllSites, type ActionName } from "@/lib/permissions";
import { buildWorld, signInAs, type World } from "../../support/fixtures";
import { resetDatabase } from "../../support/reset-db";
import { asLoadedNow } from "../../support/versions";
import { accountMatrix } from "./account";
import { calendarMatrix } from "./calendar";
import { chatChannelsMatrix } from "./chat-channels";
import { checklistsMatrix } from "./checklists";
import { cleaningSupervisionMatrix } from "./cleaning-supervision";
import { complaintsMatrix } from "./complaints";
import { contractorsMatrix } from "./contractors";
import { filesMatrix } from "./files";
import { goodsPassesMatrix } from "./goods-passes";
import { goodsSettingsMatrix } from "./goods-settings";
import { inspectionsMatrix } from "./inspections";
import { meetingsMatrix } from "./meetings";
import { newspapersMatrix } from "./newspapers";
import { notificationsMatrix } from "./notifications";
import { registryMatrix } from "./registry";
import { remindersMatrix } from "./reminders";
import { revisitSigningMatrix } from "./revisit-signing";
import { signatoriesMatrix } from "./signatories";
import { specialServicesMatrix } from "./special-services";
import { surveysMatrix } from "./surveys";
import type { MatrixModule, MatrixSite } from "./types";
import { vacantUnitsMatrix } from "./vacant-units";
import { workOrdersMatrix } from "./work-orders";
import { foundItemsMatrix } from "./found-items";
import { wasteMatrix } from "./waste";

type AnyAction = (input: unknown) => Promise<{ ok: boolean; code?: string }>;
const MODULES: MatrixModule[] = [
  accountMatrix,
  registryMatrix,
  calendarMatrix,
  filesMatrix,
  notificationsMatrix,
  remindersMatrix,
  chatChannelsMatrix,
  complaintsMatrix,
  revisitSigningMatrix,
  checklistsMatrix,
  inspectionsMatrix,
  workOrdersMatrix,
  goodsPassesMatrix,
  signatoriesMatrix,
  goodsSettingsMatrix,
  newspapersMatrix,
  vacantUnitsMatrix,
  meetingsMatrix,
  cleaningSupervisionMatrix,
  foundItemsMatrix,
  wasteMatrix,
  specialServicesMatrix,
  contractorsMatrix,
  surveysMatrix,
];
const actions: Record<string, AnyAction> = Object.assign({}, ...MODULES.flatMap((m) => m.actions));
const INPUTS: MatrixModule["inputs"] = Object.assign({}, ...MODULES.map((m) => m.inputs));
/** Audit rows an allowed call writes, when not one. */
const AUDIT_ROWS: MatrixModule["auditRows"] = Object.assign({}, ...MODULES.map((m) => m.auditRows ?? {}));
const NO_AUDIT: ActionName[] = MODULES.flatMap((m) => m.noAudit ?? []);
/** Actions on company-wide records have no site to scope. */
const UNSCOPED: ActionName[] = MODULES.flatMap((m) => m.unscoped ?? []);

let world: World;
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** An edit is made from the record's current version, as a form loaded just before the call would send it. */
async function inputFor(name: ActionName, site: MatrixSite) {
  const input = INPUTS[name];
  if (!input) throw new Error(`authorization matrix: no input for ${name} (add it to the module's file in tests/integration/matrix)`);
  return asLoadedNow(name, input(world, site));
}

/** Each module re-creates what the call acts on, so every call has its own target. */
async function prepare(name: ActionName, site: MatrixSite, actorId: string | null) {
  // The admin's password reset (run as ADMIN) would make the clerk change their password before anything else.
  await db.user.updateMany({ where: { mustChangePassword: true }, data: { mustChangePassword: false } });
  for (const m of MODULES) await m.prepare?.(name, site, actorId, world);
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

// A module's prepare may fix the clock for its call (inspections: a window open whatever the hour of the run).
afterEach(() => {
  vi.useRealTimers();
});

describe("the permission table covers every server action", () => {
  it("every exported action has a row, and every row an action", () => {
    const exported = Object.keys(actions).sort();
    expect(exported).toEqual(Object.keys(ACTION_PERMISSIONS).sort());
    for (const fn of Object.values(actions)) expect(typeof fn).toBe("function");
  });
});

describe.each([...ROLES, null] as (Role | null)[])("as %s", (role) => {
  it.each(Object.keys(ACTION_PERMISSIONS) as ActionName[])("%s is allowed exactly when the table says so", async (name) => {
    await signInAs(role ? world.users[role] : null);
    await prepare(name, "a", role ? world.users[role] : null);
    const auditBefore = await db.auditLog.count();
    const result = await actions[name](await inputFor(name, "a"));
    // The world's users are assigned to site A only: company-wide rights stay with all-sites roles.
    const permission = ACTION_PERMISSIONS[name];
    const allowed = role !== null && roleHas(role, permission) && (!COMPANY_WIDE.includes(permission) || seesAllSites(role));
    if (allowed) {
      expect(result, `${role} ${name}`).toMatchObject({ ok: true });
      expect(await db.auditLog.count()).toBe(auditBefore + (NO_AUDIT.includes(name) ? 0 : (AUDIT_ROWS?.[name] ?? 1)));
    } else {
      expect(result).toMatchObject({ ok: false, code: role === null ? "unauthenticated" : "forbidden" });
      expect(await db.auditLog.count()).toBe(auditBefore);
    }
  });

  // The admin sees every site by role, so only site-bound roles can meet "another site".
  const scoped = (Object.keys(ACTION_PERMISSIONS) as ActionName[]).filter(
    (a) => role !== null && role !== "ADMIN" && !UNSCOPED.includes(a) && roleHas(role, ACTION_PERMISSIONS[a]),
  );
  if (scoped.length > 0)
    it.each(scoped)("%s on a record of another site is refused and writes nothing", async (name) => {
      await signInAs(world.users[role as Role]);
      await prepare(name, "b", world.users[role as Role]);
      const auditBefore = await db.auditLog.count();
      const result = await actions[name](await inputFor(name, "b"));
      expect(result).toMatchObject({ ok: false, code: "not_found" });
      expect(await db.auditLog.count()).toBe(auditBefore);
    });
});

describe("company-wide settings: the admin or a manager of every site", () => {
  const companyWide = (Object.keys(ACTION_PERMISSIONS) as ActionName[]).filter((a) => COMPANY_WIDE.includes(ACTION_PERMISSIONS[a]));

  it("the table marks checklist templates, hazard terms, official years (save and preview) and the survey questionnaire company-wide", () => {
    expect(companyWide.sort()).toEqual([
      "previewOfficialYearAction",
      "saveChecklistTemplateAction",
      "saveHazardTermsAction",
      "saveOfficialYearAction",
      "saveSurveyQuestionnaireAction",
    ]);
  });

  it.each(companyWide)("%s: a one-site manager is refused, a manager assigned to every site is allowed", async (name) => {
    const manager = world.users.MANAGER;
    await signInAs(manager);
    await prepare(name, "a", manager);
    const before = await db.auditLog.count();
    expect(await actions[name](await inputFor(name, "a"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.auditLog.count()).toBe(before);

    // Every site there is (the matrix above created more with createSiteAction).
    const others = (await db.site.findMany({ where: { id: { not: world.siteA } }, select: { id: true } })).map((s) => s.id);
    await db.userSite.createMany({ data: others.map((siteId) => ({ userId: manager, siteId })) });
    try {
      await signInAs(manager);
      await prepare(name, "a", manager);
      expect(await actions[name](await inputFor(name, "a"))).toMatchObject({ ok: true });
      // A new site the manager is not assigned to takes the right away again.
      const extra = await db.site.create({ data: { code: `SX${uniq()}`.slice(0, 16).toUpperCase(), name: "新项目X" } });
      await signInAs(manager);
      expect(await actions[name](await inputFor(name, "a"))).toMatchObject({ ok: false, code: "forbidden" });
      await db.site.delete({ where: { id: extra.id } });
    } finally {
      await db.userSite.deleteMany({ where: { userId: manager, siteId: { in: others } } });
    }
  });
});
