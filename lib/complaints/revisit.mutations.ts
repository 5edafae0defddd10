import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import type { Calendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { issueSigningLink, issueSigningLinkOnce, signingLinkView } from "@/lib/signing-links/store";
import { auditStep, checkTime, loadComplaint, siteCalendar, transition, type Tx } from "./mutations";
import { canDo, rectificationDue, stateAfterRevisit, type Severity, type SatisfactionLevel } from "./rules";
import { CreateRevisitSigningLinkSchema, RecordRevisitSchema } from "./schema";

/** What completing a revisit needs to know of its complaint (as loadComplaint reads it). */
export interface RevisitComplaint {
  id: string;
  siteId: string;
  state: "RECEIVED" | "IN_RECTIFICATION" | "RECTIFIED" | "REVISITED" | "CLOSED";
  round: number;
  severity: Severity;
}

/**
 * R-CMP-3/4: the client's signature completes the revisit at `completedAt`, which is when its deadline
 * counts as met. A satisfied client moves the complaint on to REVISITED; an unsatisfied one reopens it
 * with a new rectification deadline counted from that moment. `actorId` is null when the client signed
 * through a link.
 */
export async function completeRevisit(
  tx: Tx,
  calendar: Calendar,
  c: RevisitComplaint,
  revisit: { id: string; satisfaction: SatisfactionLevel },
  completedAt: Date,
  actorId: string | null,
  audit: Record<string, unknown>,
): Promise<{ reopened: boolean }> {
  const next = stateAfterRevisit(revisit.satisfaction);
  const reopenDue = next === "IN_RECTIFICATION" ? rectificationDue(calendar, completedAt, c.severity) : null;
  await transition(
    tx,
    c,
    "recordRevisit",
    c.round,
    reopenDue
      ? {
          state: "IN_RECTIFICATION",
          round: c.round + 1,
          rectificationDueAt: reopenDue.dueAt,
          rectificationDueProvisional: reopenDue.provisional,
          rectifiedAt: null,
          revisitDueAt: null,
          revisitDueProvisional: false,
          revisitedAt: completedAt,
        }
      : { state: "REVISITED", revisitedAt: completedAt },
  );
  const { count } = await tx.complaintRevisit.updateMany({ where: { id: revisit.id, completedAt: null }, data: { completedAt } });
  if (count !== 1) throw new DomainError("conflict", "complaints.errors.stepNotAllowed");
  if (reopenDue) await tx.complaintRectification.create({ data: { complaintId: c.id, round: c.round + 1, dueAt: reopenDue.dueAt } });
  await writeAudit(tx, {
    actorId,
    siteId: c.siteId,
    entity: "Complaint",
    entityId: c.id,
    action: "UPDATE",
    before: { state: c.state, round: c.round },
    after: {
      state: next,
      round: reopenDue ? c.round + 1 : c.round,
      satisfaction: revisit.satisfaction,
      revisitCompletedAt: completedAt,
      rectificationDueAt: reopenDue?.dueAt,
      ...audit,
    },
  });
  return { reopened: !!reopenDue };
}

/**
 * 《回访记录表》 (R-CMP-4). Signed on the spot, the revisit is complete at once; otherwise (a phone
 * revisit) it is recorded and waits for the client's signature through a signing link, the complaint
 * staying RECTIFIED with its revisit deadline running.
 */
export const recordRevisit = defineMutation({
  name: "recordRevisitAction",
  schema: RecordRevisitSchema,
  successKey: "complaints.stepSaved",
  async run(actor: Actor, input) {
    const c = await loadComplaint(actor, input.complaintId);
    const now = new Date();
    const revisitedAt = input.revisitedAt instanceof Date ? input.revisitedAt : now;
    // R-CMP-3: after the rectification it follows; backdating as for the receipt.
    const backdated = checkTime(actor, revisitedAt, now, c.rectifiedAt, "revisitedAt");
    if (input.round !== c.round || !canDo("recordRevisit", c.state)) throw new DomainError("conflict", "complaints.errors.stepNotAllowed");
    const signatureFileId = input.signatureFileId || null;
    const calendar = await siteCalendar(c.siteId);
    return db.$transaction(async (tx) => {
      const existing = await tx.complaintRevisit.findUnique({
        where: { complaintId_round: { complaintId: c.id, round: c.round } },
        select: { id: true },
      });
      if (existing) throw new DomainError("conflict", "complaints.errors.stepNotAllowed");
      // Claimed before the revisit row names it, so a file already used elsewhere gets the files' own message.
      // R-CMP-4: the client's drawn signature is this revisit's evidence and no other record's.
      if (signatureFileId)
        await claimFiles(tx, {
          actor,
          siteId: c.siteId,
          entity: "COMPLAINT",
          entityId: c.id,
          kinds: ["SIGNATURE"],
          files: { signatureFileId: [signatureFileId] },
        });
      const revisit = await tx.complaintRevisit.create({
        data: {
          complaintId: c.id,
          round: c.round,
          dueAt: c.revisitDueAt ?? revisitedAt,
          method: input.method,
          revisitedAt,
          satisfaction: input.satisfaction,
          clientName: input.clientName,
          comments: input.comments ?? null,
          signatureFileId,
          signedAt: signatureFileId ? now : null,
          byId: actor.id,
        },
        select: { id: true },
      });
      const recorded = { method: input.method, revisitedAt, backdated };
      if (!signatureFileId) {
        await auditStep(tx, actor, c, { revisit: null }, { revisit: "awaiting_signature", satisfaction: input.satisfaction, ...recorded });
        return { id: c.id, reopened: false, awaitingSignature: true };
      }
      // Signed on the spot: done when the visit took place.
      const { reopened } = await completeRevisit(
        tx,
        calendar,
        c,
        { id: revisit.id, satisfaction: input.satisfaction },
        revisitedAt,
        actor.id,
        recorded,
      );
      return { id: c.id, reopened, awaitingSignature: false };
    });
  },
});

/**
 * A one-time signing link for the revisit waiting for the client's signature: shown to the staff
 * member as a QR code and a link to copy; a new link revokes the one before.
 */
export const createRevisitSigningLink = defineMutation({
  name: "createRevisitSigningLinkAction",
  schema: CreateRevisitSigningLinkSchema,
  async run(actor: Actor, input) {
    const c = await loadComplaint(actor, input.complaintId);
    if (input.round !== c.round || c.state !== "RECTIFIED") throw new DomainError("conflict", "complaints.errors.stepNotAllowed");
    const now = new Date();
    const link = await issueSigningLinkOnce(actor, { siteId: c.siteId, requestId: input.requestId }, () =>
      db.$transaction(async (tx) => {
        const revisit = await tx.complaintRevisit.findUnique({
          where: { complaintId_round: { complaintId: c.id, round: c.round } },
          select: { id: true, completedAt: true },
        });
        if (!revisit || revisit.completedAt) throw new DomainError("conflict", "complaints.errors.notAwaitingSignature");
        const issued = await issueSigningLink(tx, {
          purpose: "COMPLAINT_REVISIT",
          targetId: revisit.id,
          siteId: c.siteId,
          createdById: actor.id,
          requestId: input.requestId,
          now,
        });
        await writeAudit(tx, {
          actorId: actor.id,
          siteId: c.siteId,
          entity: "SigningLink",
          entityId: issued.id,
          action: "CREATE",
          after: { purpose: "COMPLAINT_REVISIT", complaintId: c.id, round: c.round, expiresAt: issued.expiresAt },
        });
        return issued;
      }),
    );
    return { ...(await signingLinkView(link.token)), expiresAt: link.expiresAt.toISOString() };
  },
});
