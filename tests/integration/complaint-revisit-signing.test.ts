/**
 * R-CMP-1..5 rule fidelity against PostgreSQL: the client signs every revisit (on the spot, or through a
 * one-time signing link: once, 72 hours, nothing of other complaints), step times follow the received-at
 * rule, the unit is the tenant's own, and a pending revisit's deadline keeps running on the dashboard.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  createComplaintAction,
  createRevisitSigningLinkAction,
  recordRectificationAction,
  recordRevisitAction,
  startRectificationAction,
} from "@/lib/complaints/actions";
import { deadlineCounts } from "@/lib/complaints/dashboard.queries";
import { getComplaint } from "@/lib/complaints/queries";
import { revisitForSigning } from "@/lib/complaints/signing";
import { signRevisitAction } from "@/lib/complaints/signing-actions";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { hashSigningToken } from "@/lib/signing-links/token";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
let n = 0;

/** A 1×1 PNG header: enough for the upload's magic-byte and dimension checks. */
const TINY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);

const intake = (over: Record<string, unknown> = {}) => ({
  requestId: newRequestId(),
  siteId: world.siteA,
  tenantId: world.a.tenant,
  unitId: world.a.unit,
  source: "PHONE",
  category: "REPAIR",
  severity: "GENERAL",
  description: "B座12层男卫生间水龙头漏水，业户多次反映",
  departmentId: world.a.department,
  receivedAt: "",
  photoIds: [],
  ...over,
});

const fieldError = (result: unknown, field: string) => (result as { fieldErrors?: Record<string, string> }).fieldErrors?.[field];

/** A complaint waiting for its revisit (rectified now, by the supervisor). */
async function rectifiedComplaint(over: Record<string, unknown> = {}) {
  await signInAs(world.users.SUPERVISOR);
  const created = await createComplaintAction(intake(over));
  expect(created, JSON.stringify(created)).toMatchObject({ ok: true });
  const { id } = (created as { data: { id: string } }).data;
  await startRectificationAction({ complaintId: id, round: 1 });
  expect(await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "已更换水龙头阀芯", photoIds: [] })).toMatchObject({
    ok: true,
  });
  return id;
}

const phoneRevisit = (complaintId: string, satisfaction = "SATISFIED") => ({
  complaintId,
  round: 1,
  method: "PHONE",
  satisfaction,
  clientName: "张三",
  comments: "处理及时",
  revisitedAt: "",
});

async function linkFor(complaintId: string, round = 1) {
  const result = await createRevisitSigningLinkAction({ requestId: newRequestId(), complaintId, round });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  const { url, qrSvg, expiresAt } = (result as { data: { url: string; qrSvg: string; expiresAt: string } }).data;
  return { url, qrSvg, expiresAt, token: url.split("/sign/")[1] };
}

function signForm(token: string, bytes: Uint8Array = TINY_PNG) {
  const form = new FormData();
  form.set("token", token);
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], "signature.png", { type: "image/png" }));
  return form;
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("R-CMP-4: the client signs every revisit", () => {
  it("a phone revisit waits for the client's signature; the link signs it once and completes the revisit", async () => {
    const id = await rectifiedComplaint();
    await signInAs(world.users.CLERK);
    expect(await recordRevisitAction(phoneRevisit(id))).toMatchObject({ ok: true, data: { awaitingSignature: true } });

    // Pending: still RECTIFIED, no completion, the revisit deadline still open on the dashboard.
    let c = await db.complaint.findUniqueOrThrow({ where: { id }, include: { revisits: true } });
    expect(c.state).toBe("RECTIFIED");
    expect(c.revisitedAt).toBeNull();
    expect(c.revisits[0]).toMatchObject({ completedAt: null, signatureFileId: null });
    expect((await getComplaint(id))?.revisits[0]).toMatchObject({ awaitingSignature: true, onTime: null });
    // A second revisit record for the same round is refused.
    expect(await recordRevisitAction(phoneRevisit(id))).toMatchObject({ ok: false, code: "conflict" });

    const first = await linkFor(id);
    expect(first.url).toMatch(/^https?:\/\/[^/]+\/sign\/[A-Za-z0-9_-]{43}$/);
    expect(first.qrSvg).toMatch(/^<svg/);
    expect(new Date(first.expiresAt).getTime() - Date.now()).toBeGreaterThan(71.9 * 3600_000);
    // Only the hash is stored.
    const stored = await db.signingLink.findFirstOrThrow({ where: { targetId: c.revisits[0].id } });
    expect(stored.tokenHash).toBe(hashSigningToken(first.token));
    expect(JSON.stringify(stored)).not.toContain(first.token);

    // Regenerating revokes the earlier link.
    const second = await linkFor(id);
    expect(await revisitForSigning(first.token)).toBeNull();
    expect(await signRevisitAction(signForm(first.token))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/无效、已使用或已过期/),
    });

    // The page shows this revisit record only, without the tenant's phone.
    await signInAs(null);
    const view = await revisitForSigning(second.token);
    expect(view).toMatchObject({ number: c.number, satisfaction: "SATISFIED", actionTaken: "已更换水龙头阀芯", clientName: "张三" });
    expect(JSON.stringify(view)).not.toMatch(/1[3-9]\d{9}/);

    // Signed without an account.
    expect(await signRevisitAction(signForm(second.token))).toMatchObject({ ok: true });
    c = await db.complaint.findUniqueOrThrow({ where: { id }, include: { revisits: true } });
    expect(c.state).toBe("REVISITED");
    expect(c.revisits[0].signatureFileId).not.toBeNull();
    expect(c.revisits[0].completedAt).toEqual(c.revisitedAt);
    expect(c.revisits[0].signedAt).toEqual(c.revisits[0].completedAt);
    const file = await db.storedFile.findUniqueOrThrow({ where: { id: c.revisits[0].signatureFileId! } });
    expect(file).toMatchObject({ kind: "SIGNATURE", siteId: world.siteA, uploadedById: world.users.CLERK });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "Complaint", entityId: id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: null });
    expect(audit.changes).toMatchObject({ state: { after: "REVISITED" }, signedThroughLink: { after: expect.any(String) } });

    // The link then refuses, and the page shows nothing.
    expect(await signRevisitAction(signForm(second.token))).toMatchObject({ ok: false });
    expect(await revisitForSigning(second.token)).toBeNull();
    expect(await db.storedFile.count({ where: { kind: "SIGNATURE", uploadedById: world.users.CLERK } })).toBe(1);
  });

  it("two submissions racing on one link: one signs, the other is refused", async () => {
    const id = await rectifiedComplaint();
    await signInAs(world.users.CLERK);
    await recordRevisitAction(phoneRevisit(id));
    const { token } = await linkFor(id);
    await signInAs(null);
    const results = await Promise.all([signRevisitAction(signForm(token)), signRevisitAction(signForm(token))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.complaintRevisit.count({ where: { complaintId: id, signatureFileId: { not: null } } })).toBe(1);
  });

  it("an expired link is refused and the revisit stays pending", async () => {
    const id = await rectifiedComplaint();
    await signInAs(world.users.CLERK);
    await recordRevisitAction(phoneRevisit(id));
    const { token } = await linkFor(id);
    await db.signingLink.updateMany({ where: { tokenHash: hashSigningToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await signInAs(null);
    expect(await revisitForSigning(token)).toBeNull();
    expect(await signRevisitAction(signForm(token))).toMatchObject({ ok: false });
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).state).toBe("RECTIFIED");
  });

  it("garbage, a token of another purpose' shape, or no file: refused, nothing written", async () => {
    const files = await db.storedFile.count();
    expect(await signRevisitAction(signForm("not-a-token"))).toMatchObject({ ok: false });
    expect(await signRevisitAction(signForm("A".repeat(43)))).toMatchObject({ ok: false });
    const noFile = new FormData();
    noFile.set("token", "A".repeat(43));
    expect(await signRevisitAction(noFile)).toMatchObject({ ok: false });
    expect(await db.storedFile.count()).toBe(files);
  });

  it("an unsatisfied client's signature reopens the complaint, the new deadline counted from the signing", async () => {
    const id = await rectifiedComplaint();
    await signInAs(world.users.CLERK);
    await recordRevisitAction(phoneRevisit(id, "UNSATISFIED"));
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).state).toBe("RECTIFIED");
    const { token } = await linkFor(id);
    await signInAs(null);
    expect(await signRevisitAction(signForm(token))).toMatchObject({ ok: true });
    const c = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ state: "IN_RECTIFICATION", round: 2 });
    expect(await db.complaintRectification.count({ where: { complaintId: id } })).toBe(2);
  });

  it("a link only for a revisit waiting for a signature, and only by revisit staff of the site", async () => {
    const id = await rectifiedComplaint();
    await signInAs(world.users.CLERK);
    // No revisit recorded yet: nothing to sign.
    expect(await createRevisitSigningLinkAction({ requestId: newRequestId(), complaintId: id, round: 1 })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    await signInAs(world.users.FRONT_DESK);
    expect(await createRevisitSigningLinkAction({ requestId: newRequestId(), complaintId: id, round: 1 })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("a pending revisit is still counted as an open revisit deadline on the dashboard", async () => {
    const id = await rectifiedComplaint({ severity: "MAJOR" });
    await signInAs(world.users.CLERK);
    await recordRevisitAction(phoneRevisit(id));
    await signInAs(world.users.MANAGER);
    const before = (await deadlineCounts({})).total.revisit.overdue;
    // Its deadline passes while the client has not signed: the revisit is overdue.
    await db.complaint.update({ where: { id }, data: { revisitDueAt: new Date(Date.now() - 3600_000) } });
    expect((await deadlineCounts({})).total.revisit.overdue).toBe(before + 1);
  });
});

describe("R-CMP-2/3: step times are honest", () => {
  it("a clerk cannot backdate a revisit; a supervisor up to 7 days, never before the rectification, audited", async () => {
    const id = await rectifiedComplaint();
    const c = await db.complaint.findUniqueOrThrow({ where: { id } });
    await signInAs(world.users.CLERK);
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    expect(fieldError(await recordRevisitAction({ ...phoneRevisit(id), revisitedAt: hourAgo }), "revisitedAt")).toMatch(/主管或经理/);
    await signInAs(world.users.SUPERVISOR);
    const beforeRectification = new Date(c.rectifiedAt!.getTime() - 60_000).toISOString();
    expect(fieldError(await recordRevisitAction({ ...phoneRevisit(id), revisitedAt: beforeRectification }), "revisitedAt")).toMatch(
      /不能早于上一步骤/,
    );
    expect(await db.complaintRevisit.count({ where: { complaintId: id } })).toBe(0);
  });

  it("a rectification time: backdating needs the right, at most 7 days, never before the receipt; audited", async () => {
    await signInAs(world.users.SUPERVISOR);
    const receivedAt = new Date(Date.now() - 3 * 86400_000);
    const created = await createComplaintAction(intake({ receivedAt: receivedAt.toISOString() }));
    const { id } = (created as { data: { id: string } }).data;
    await startRectificationAction({ complaintId: id, round: 1 });
    const rectify = (rectifiedAt: string) =>
      recordRectificationAction({ complaintId: id, round: 1, actionTaken: "已处理", photoIds: [], rectifiedAt });
    expect(fieldError(await rectify(new Date(receivedAt.getTime() - 60_000).toISOString()), "rectifiedAt")).toMatch(/不能早于上一步骤/);
    expect(fieldError(await rectify(new Date(Date.now() + 3600_000).toISOString()), "rectifiedAt")).toMatch(/不能晚于现在/);
    const twoDaysAgo = new Date(Date.now() - 2 * 86400_000);
    expect(await rectify(twoDaysAgo.toISOString())).toMatchObject({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "Complaint", entityId: id }, orderBy: { id: "desc" } });
    expect(audit.changes).toMatchObject({ backdated: { after: true }, rectifiedAt: { after: twoDaysAgo.toISOString() } });
  });

  it("no rectification time more than 7 days back, even for a supervisor", async () => {
    await signInAs(world.users.SUPERVISOR);
    const created = await createComplaintAction(intake({ receivedAt: new Date(Date.now() - 6 * 86400_000).toISOString() }));
    const { id } = (created as { data: { id: string } }).data;
    await startRectificationAction({ complaintId: id, round: 1 });
    const eightDaysAgo = new Date(Date.now() - 8 * 86400_000).toISOString();
    expect(
      fieldError(
        await recordRectificationAction({ complaintId: id, round: 1, actionTaken: "x", photoIds: [], rectifiedAt: eightDaysAgo }),
        "rectifiedAt",
      ),
    ).toMatch(/7 天/);
  });
});

describe("R-CMP-1: the unit belongs to the tenant", () => {
  it("a unit of another tenant of the same site is refused next to the unit field; nothing written", async () => {
    const otherTenant = await db.tenant.create({ data: { siteId: world.siteA, name: `其他业户${n++}` } });
    const otherUnit = await db.unit.create({
      data: { siteId: world.siteA, code: `U-OTHER-${n++}`, building: "B座", floor: "2F", status: "OCCUPIED", tenantId: otherTenant.id },
    });
    const vacantUnit = await db.unit.create({
      data: { siteId: world.siteA, code: `U-VAC-${n++}`, building: "B座", floor: "3F", status: "VACANT" },
    });
    await signInAs(world.users.FRONT_DESK);
    const count = await db.complaint.count();
    expect(fieldError(await createComplaintAction(intake({ unitId: otherUnit.id })), "unitId")).toBe("该单元不属于所选业户");
    expect(fieldError(await createComplaintAction(intake({ unitId: vacantUnit.id })), "unitId")).toBe("该单元不属于所选业户");
    expect(await db.complaint.count()).toBe(count);
    expect(await createComplaintAction(intake())).toMatchObject({ ok: true });
  });
});
