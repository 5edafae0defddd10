/**
 * Stale edits of the settings and meeting records (lib/versioning.ts): meeting series and their
 * attendees, meeting minutes, checklist templates, the hazard list, loading routes and calendar
 * overrides. For each: an edit made on the version a colleague has already replaced is refused as stale
 * (naming who changed what), and writes nothing; 50 concurrent edits from one version: exactly 1 passes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { setCalendarOverrideAction } from "@/lib/calendar-admin/actions";
import { saveChecklistTemplateAction } from "@/lib/checklists/actions";
import { db } from "@/lib/db";
import { saveHazardTermsAction, saveLoadingRouteAction } from "@/lib/goods-settings/actions";
import { saveMinutesAction, setParticipantActiveAction, updateSeriesAction } from "@/lib/meetings/actions";
import { ACTION_PERMISSIONS, COMPANY_WIDE, ROLES, roleHas, seesAllSites, type ActionName } from "@/lib/permissions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { asLoadedNow } from "../support/versions";
import { meetingsMatrix } from "./matrix/meetings";

type Answer = { ok: boolean; code?: string; message?: string };
type Action = (input: unknown) => Promise<Answer>;

let world: World;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

/** A role the table lets take the action (company-wide rights: a role that sees every site). */
function actorFor(name: ActionName) {
  const permission = ACTION_PERMISSIONS[name];
  return world.users[ROLES.find((r) => roleHas(r, permission) && (!COMPANY_WIDE.includes(permission) || seesAllSites(r)))!];
}

interface Kind {
  action: Action;
  name: ActionName;
  /** The edit's input without a version; `variant` tells two different edits apart. */
  input: (variant: string) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** What the record holds now (unchanged by a refused edit). */
  stored: () => Promise<unknown>;
  /** The field the stale refusal names. */
  names: RegExp;
}

/** Fixtures made once per kind, on first use. */
const made: Record<string, string> = {};
let seriesEdit: Record<string, string> | undefined;
async function meetingFixture(name: ActionName) {
  const manager = world.users.MANAGER;
  await meetingsMatrix.prepare!(name, "a", manager, world);
  return meetingsMatrix.inputs[name]!(world, "a") as Record<string, string>;
}

const KINDS: Record<string, Kind> = {
  "meeting series": {
    name: "updateSeriesAction",
    action: updateSeriesAction,
    input: async (variant) => {
      seriesEdit ??= await meetingFixture("updateSeriesAction");
      return { ...seriesEdit, place: `${variant}会议室` };
    },
    stored: async () => db.meetingSeries.findUniqueOrThrow({ where: { id: seriesEdit!.seriesId }, select: { place: true, version: true } }),
    names: /地点/,
  },
  "series attendees": {
    name: "setParticipantActiveAction",
    action: setParticipantActiveAction,
    input: async (variant) => {
      made.participant ??= (await meetingFixture("setParticipantActiveAction")).participantId;
      return { participantId: made.participant, active: variant === "甲" ? false : true };
    },
    stored: async () => db.meetingParticipant.findUniqueOrThrow({ where: { id: made.participant }, select: { id: true, active: true } }),
    names: /矩阵外部人员/,
  },
  "meeting minutes": {
    name: "saveMinutesAction",
    action: saveMinutesAction,
    input: async (variant) => {
      made.meeting ??= (await meetingFixture("saveMinutesAction")).meetingId;
      return { meetingId: made.meeting, lastWeekReview: `${variant}：大堂保洁`, nextWeekPlan: "", assignments: "" };
    },
    stored: async () => db.meeting.findUniqueOrThrow({ where: { id: made.meeting }, select: { lastWeekReview: true, version: true } }),
    names: /上周工作及存在问题/,
  },
  "checklist templates": {
    name: "saveChecklistTemplateAction",
    action: saveChecklistTemplateAction,
    input: (variant) => ({ areaType: "RESTROOM", items: [{ label: `${variant}：地面干燥`, equipment: false }] }),
    stored: async () => db.checklistTemplate.findMany({ where: { areaType: "RESTROOM" }, select: { version: true, current: true } }),
    names: /检查项/,
  },
  "hazard terms": {
    name: "saveHazardTermsAction",
    action: saveHazardTermsAction,
    input: (variant) => ({ terms: ["汽油", `${variant}醇`] }),
    stored: async () => db.hazardTerm.findMany({ select: { term: true }, orderBy: { term: "asc" } }),
    names: /危险品词语/,
  },
  "loading routes": {
    name: "saveLoadingRouteAction",
    action: saveLoadingRouteAction,
    input: async (variant) => {
      made.route ??= (await db.loadingRoute.create({ data: { siteId: world.siteA, name: "1号货梯" } })).id;
      return { siteId: world.siteA, id: made.route, name: `${variant}号货梯`, active: true };
    },
    stored: async () => db.loadingRoute.findUniqueOrThrow({ where: { id: made.route }, select: { name: true, version: true } }),
    names: /路线名称/,
  },
  "calendar overrides": {
    name: "setCalendarOverrideAction",
    action: setCalendarOverrideAction,
    input: (variant) => ({ siteId: world.siteA, date: "2026-12-26", kind: "HOLIDAY", note: `${variant}：停电检修` }),
    stored: async () =>
      db.calendarOverride.findUniqueOrThrow({ where: { id: world.a.override }, select: { kind: true, note: true, version: true } }),
    names: /类型|备注/,
  },
};

describe("an edit on an old version is refused as stale and changes nothing", () => {
  it.each(Object.keys(KINDS))("%s", async (kind) => {
    const k = KINDS[kind];
    await signInAs(actorFor(k.name));
    // Two forms loaded from the same version: the first save passes, the second is stale.
    const first = (await asLoadedNow(k.name, await k.input("甲"))) as Record<string, unknown>;
    const second = { ...(await k.input("乙")), version: first.version };
    expect(await k.action(first)).toMatchObject({ ok: true });
    const stored = await k.stored();
    const audit = await db.auditLog.count();
    const refused = await k.action(second);
    expect(refused).toMatchObject({ ok: false, code: "stale" });
    expect(refused.message).toMatch(/^自您打开后，.+ 于 .+ 修改了：.+。请重新加载后再改。$/);
    expect(refused.message).toMatch(k.names);
    expect(await k.stored()).toEqual(stored);
    expect(await db.auditLog.count()).toBe(audit);
    // Reloaded (the current version), the same edit passes.
    expect(await k.action(await asLoadedNow(k.name, await k.input("乙")))).toMatchObject({ ok: true });
  });

  it("a calendar day set meanwhile (the form knew no override for it) is refused as stale, unless it asks for what is there", async () => {
    await signInAs(world.users.MANAGER);
    const day = { siteId: world.siteA, date: "2026-12-27", kind: "WORKDAY", note: "调休" };
    expect(await setCalendarOverrideAction(day)).toMatchObject({ ok: true });
    // The same entry again (a replay, or a colleague's identical entry): nothing to write, no refusal.
    expect(await setCalendarOverrideAction(day)).toMatchObject({ ok: true });
    const audit = await db.auditLog.count();
    expect(await setCalendarOverrideAction({ ...day, kind: "HOLIDAY" })).toMatchObject({ ok: false, code: "stale" });
    expect(await db.auditLog.count()).toBe(audit);
  });

  it("an attendee is toggled in place: the same row (id, attendance history) before and after", async () => {
    await signInAs(world.users.MANAGER);
    const before = await db.meetingParticipant.count();
    const input = (await asLoadedNow("setParticipantActiveAction", { participantId: made.participant, active: false })) as object;
    expect(await setParticipantActiveAction(input)).toMatchObject({ ok: true, data: { id: made.participant } });
    expect(await db.meetingParticipant.count()).toBe(before);
    expect(await db.meetingParticipant.findUniqueOrThrow({ where: { id: made.participant }, select: { active: true } })).toEqual({
      active: false,
    });
  });
});

describe("50 concurrent edits of one loading route from the same version", () => {
  it("exactly 1 succeeds, 49 are refused as stale, 0 lost updates", async () => {
    const k = KINDS["loading routes"];
    await signInAs(actorFor(k.name));
    const { version } = (await asLoadedNow(k.name, await k.input("基准"))) as { version: number };
    const answers = await Promise.all(Array.from({ length: 50 }, async (_, i) => k.action({ ...(await k.input(`${i}`)), version })));
    const ok = answers.filter((a) => a.ok);
    const stale = answers.filter((a) => !a.ok && a.code === "stale");
    const winner = answers.findIndex((a) => a.ok);
    const stored = (await k.stored()) as { name: string; version: number };
    const writes = await db.auditLog.count({
      where: { entity: "LoadingRoute", entityId: made.route, changes: { path: ["version", "before"], equals: version } },
    });
    const lost = ok.length - (stored.name === `${winner}号货梯` ? 1 : 0) + (writes - ok.length);
    console.log(
      `50 concurrent edits of one loading route from the same version: ${ok.length} succeeds, ${stale.length} are refused as stale, ${lost} lost updates`,
    );
    expect(ok).toHaveLength(1);
    expect(stale).toHaveLength(49);
    expect(lost).toBe(0);
    expect(stored.version).toBe(version + 1);
  });
});
