import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { formatInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import {
  storeSignatureFromLink,
  findOpenSigningLink,
  issueSigningLink,
  issueSigningLinkOnce,
  signingLinkView,
} from "@/lib/signing-links/store";
import { putCheckedBytes } from "@/lib/storage";
import { type Tx } from "./mutations";
import { advance, assertStep, loadItem } from "./opinion.mutations";
import type { SurveyItemState } from "./rules";
import { CreateSurveyRevisitLinkSchema, RecordSurveyRevisitSchema } from "./schema";

/**
 * R-SUR-3 (as R-CMP-4): the client's signature completes the revisit at `completedAt`, which is when
 * its deadline counts as met, and the item is revisited. `actor` is null when the client signed
 * through a link.
 */
async function completeRevisit(
  tx: Tx,
  item: { id: string; siteId: string; state: SurveyItemState },
  revisitId: string,
  completedAt: Date,
  actor: Actor | null,
  audit: Record<string, unknown>,
) {
  const { count } = await tx.surveyRevisit.updateMany({ where: { id: revisitId, completedAt: null }, data: { completedAt } });
  if (count !== 1) throw new DomainError("conflict", "surveys.errors.stepDone");
  await advance(tx, actor, item, "revisit", { revisitedAt: completedAt }, { revisitedAt: completedAt, ...audit });
}

/**
 * 《回访记录表》 of an opinion (R-SUR-3): only after the rectification. Signed on the spot, it is
 * complete at once; after a phone revisit it waits for the client's signature through a signing link,
 * the revisit deadline still running.
 */
export const recordSurveyRevisit = defineMutation({
  name: "recordSurveyRevisitAction",
  schema: RecordSurveyRevisitSchema,
  successKey: "surveys.stepSaved",
  async run(actor: Actor, input) {
    const item = await loadItem(actor, input.itemId);
    assertStep("revisit", item.state);
    const now = new Date();
    const signatureFileId = input.signatureFileId || null;
    return db.$transaction(async (tx) => {
      const existing = await tx.surveyRevisit.findUnique({ where: { itemId: item.id }, select: { id: true } });
      if (existing) throw new DomainError("conflict", "surveys.errors.revisitPending");
      if (signatureFileId)
        await claimFiles(tx, {
          actor,
          siteId: item.siteId,
          entity: "SURVEY_ITEM",
          entityId: item.id,
          kinds: ["SIGNATURE"],
          files: { signatureFileId: [signatureFileId] },
        });
      const revisit = await tx.surveyRevisit.create({
        data: {
          itemId: item.id,
          dueAt: item.revisitDueAt ?? now,
          method: input.method,
          revisitedAt: now,
          satisfaction: input.satisfaction,
          clientName: input.clientName,
          comments: input.comments ?? null,
          signatureFileId,
          signedAt: signatureFileId ? now : null,
          byId: actor.id,
        },
        select: { id: true },
      });
      const recorded = { method: input.method, satisfaction: input.satisfaction, clientName: input.clientName };
      if (!signatureFileId) {
        await writeAudit(tx, {
          actorId: actor.id,
          siteId: item.siteId,
          entity: "SurveyOpinionItem",
          entityId: item.id,
          action: "UPDATE",
          before: { revisit: null },
          after: { revisit: "awaiting_signature", ...recorded },
        });
        return { id: item.id, awaitingSignature: true };
      }
      await completeRevisit(tx, item, revisit.id, now, actor, recorded);
      return { id: item.id, awaitingSignature: false };
    });
  },
});

/** A one-time signing link for the revisit waiting for the client's signature (a new one revokes the one before). */
export const createSurveyRevisitLink = defineMutation({
  name: "createSurveyRevisitSigningLinkAction",
  schema: CreateSurveyRevisitLinkSchema,
  async run(actor: Actor, input) {
    const item = await loadItem(actor, input.itemId);
    if (item.state !== "RECTIFIED") throw new DomainError("conflict", "complaints.errors.notAwaitingSignature");
    const now = new Date();
    const link = await issueSigningLinkOnce(actor, { siteId: item.siteId, requestId: input.requestId }, () =>
      db.$transaction(async (tx) => {
        const revisit = await tx.surveyRevisit.findUnique({ where: { itemId: item.id }, select: { id: true, completedAt: true } });
        if (!revisit || revisit.completedAt) throw new DomainError("conflict", "complaints.errors.notAwaitingSignature");
        const issued = await issueSigningLink(tx, {
          purpose: "SURVEY_REVISIT",
          targetId: revisit.id,
          siteId: item.siteId,
          createdById: actor.id,
          requestId: input.requestId,
          now,
        });
        await writeAudit(tx, {
          actorId: actor.id,
          siteId: item.siteId,
          entity: "SigningLink",
          entityId: issued.id,
          action: "CREATE",
          after: { purpose: "SURVEY_REVISIT", itemId: item.id, expiresAt: issued.expiresAt },
        });
        return issued;
      }),
    );
    return { ...(await signingLinkView(link.token)), expiresAt: link.expiresAt.toISOString() };
  },
});

async function loadPendingRevisit(targetId: string, siteId: string) {
  const revisit = await db.surveyRevisit.findFirst({
    where: { id: targetId, item: { siteId } },
    select: {
      id: true,
      revisitedAt: true,
      satisfaction: true,
      clientName: true,
      comments: true,
      completedAt: true,
      signatureFileId: true,
      item: {
        select: {
          id: true,
          siteId: true,
          state: true,
          summary: true,
          measures: true,
          rectifiedAt: true,
          round: { select: { title: true } },
          site: { select: { name: true, timeZone: true } },
        },
      },
    },
  });
  return revisit && !revisit.completedAt && !revisit.signatureFileId && revisit.item.state === "RECTIFIED" ? revisit : null;
}

/** What the client sees on the public signing page: this one revisit record and nothing else. */
export async function surveyRevisitForSigning(token: string) {
  const link = await findOpenSigningLink(token, "SURVEY_REVISIT");
  if (!link) return null;
  const revisit = await loadPendingRevisit(link.targetId, link.siteId);
  if (!revisit) return null;
  const tz = revisit.item.site.timeZone;
  return {
    siteName: revisit.item.site.name,
    roundTitle: revisit.item.round.title,
    summary: revisit.item.summary,
    measures: revisit.item.measures,
    rectifiedAt: revisit.item.rectifiedAt ? formatInZone(revisit.item.rectifiedAt, tz) : null,
    revisitedAt: formatInZone(revisit.revisitedAt, tz),
    satisfaction: revisit.satisfaction,
    clientName: revisit.clientName,
    comments: revisit.comments,
    expiresAt: formatInZone(link.expiresAt, tz),
  };
}

/**
 * The client's signature through a link (R-SUR-3): the PNG is stored and the revisit completed in one
 * transaction that uses the link up with a guarded update, so a second submission changes nothing.
 */
export async function signSurveyRevisitWithLink(token: string, bytes: Uint8Array): Promise<void> {
  const link = await findOpenSigningLink(token, "SURVEY_REVISIT");
  if (!link) throw new DomainError("conflict", "signing.errors.linkInvalid");
  const revisit = await loadPendingRevisit(link.targetId, link.siteId);
  if (!revisit) throw new DomainError("conflict", "signing.errors.linkInvalid");
  const file = await putCheckedBytes(bytes, "SIGNATURE");
  const item = revisit.item;
  await db.$transaction(async (tx) => {
    const now = new Date();
    const signatureFileId = await storeSignatureFromLink(tx, link, file, { entity: "SURVEY_ITEM", entityId: item.id }, now);
    const { count } = await tx.surveyRevisit.updateMany({
      where: { id: revisit.id, completedAt: null, signatureFileId: null },
      data: { signatureFileId, signedAt: now },
    });
    if (count !== 1) throw new DomainError("conflict", "signing.errors.linkInvalid");
    await completeRevisit(tx, item, revisit.id, now, null, { signedThroughLink: link.id });
  });
}
