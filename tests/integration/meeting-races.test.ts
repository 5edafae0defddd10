/**
 * Guarded meeting steps under load: deciding a leave request (R-MTG-3) and confirming the minutes
 * (R-MTG-2) each check who may act and from which state inside one guarded update, so of 20 requests
 * fired at once exactly one passes, the others are refused with a clear message and one audit row is written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmMeetingAction, decideLeaveAction } from "@/lib/meetings/actions";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { meetingsMatrix } from "./matrix/meetings";

let world: World;
type Answer = { ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string> };

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

/** The meetings matrix's fixture for one step (a series convened by the manager, a meeting in the state the step acts on). */
async function fixtureFor(name: "decideLeaveAction" | "confirmMeetingAction") {
  const manager = world.users.MANAGER;
  await meetingsMatrix.prepare!(name, "a", manager, world);
  await signInAs(manager);
  return meetingsMatrix.inputs[name]!(world, "a") as Record<string, string>;
}

describe("20 concurrent requests of one meeting step: exactly one passes", () => {
  it("deciding one leave request: approvals and rejections at once, one decision, one audit row", async () => {
    const input = await fixtureFor("decideLeaveAction");
    const answers: Answer[] = await Promise.all(
      Array.from({ length: 20 }, (_, i) => decideLeaveAction({ ...input, decision: i % 2 ? "REFUSED" : "APPROVED" })),
    );
    const ok = answers.filter((a) => a.ok);
    console.log(`20 concurrent leave decisions: ${ok.length} passed, ${answers.length - ok.length} refused`);
    expect(ok).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok))
      expect(a).toMatchObject({ ok: false, code: "conflict", fieldErrors: { decision: "该请假申请已处理" } });
    const leave = await db.leaveRequest.findUniqueOrThrow({ where: { id: input.leaveRequestId }, select: { state: true } });
    expect(["APPROVED", "REFUSED"]).toContain(leave.state);
    expect(await db.auditLog.count({ where: { entity: "LeaveRequest", entityId: input.leaveRequestId } })).toBe(1);
  });

  it("confirming one meeting's minutes: one confirmation, one audit row, the minutes locked", async () => {
    const input = await fixtureFor("confirmMeetingAction");
    const answers: Answer[] = await Promise.all(Array.from({ length: 20 }, () => confirmMeetingAction(input)));
    const ok = answers.filter((a) => a.ok);
    console.log(`20 concurrent confirmations: ${ok.length} passed, ${answers.length - ok.length} refused`);
    expect(ok).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok))
      expect(a).toMatchObject({ ok: false, code: "conflict", message: "会议纪要已确认，内容不可再更改；如需更正，请添加更正记录" });
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: input.meetingId }, select: { state: true, confirmedById: true } });
    expect(meeting).toEqual({ state: "CONFIRMED", confirmedById: world.users.MANAGER });
    expect(await db.auditLog.count({ where: { entity: "Meeting", entityId: input.meetingId } })).toBe(1);
  });
});
