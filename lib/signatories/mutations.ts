import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { dateColumn, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import { CreateSignatorySchema, RevokeSignatorySchema } from "./schema";

export const createSignatory = defineMutation({
  name: "createSignatoryAction",
  schema: CreateSignatorySchema,
  successKey: "signatories.created",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const [tenant, site] = await Promise.all([
      db.tenant.findFirst({ where: { id: input.tenantId, siteId: input.siteId }, select: { id: true } }),
      db.site.findUniqueOrThrow({ where: { id: input.siteId }, select: { timeZone: true } }),
    ]);
    if (!tenant) throw new DomainError("invalid", "signatories.errors.tenantNotFound", "tenantId");
    // Registering someone whose authority has already ended would only add an expired row.
    if (input.validTo < localDateInZone(new Date(), site.timeZone))
      throw new DomainError("invalid", "signatories.errors.validToPast", "validTo");
    if (input.certificateFileId === input.specimenFileId)
      throw new DomainError("invalid", "signatories.errors.fileNotFound", "specimenFileId");

    // A double tap or a replayed request answers with the signatory it already registered.
    return createOnce(actor, {
      find: async () => {
        const made = await db.authorisedSignatory.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, createdById: true },
        });
        return made && { madeById: made.createdById, result: { id: made.id } };
      },
      create: () =>
        db.$transaction(async (tx) => {
          const signatory = await tx.authorisedSignatory.create({
            data: {
              siteId: input.siteId,
              tenantId: input.tenantId,
              name: input.name,
              position: input.position ?? null,
              phone: input.phone,
              certificateFileId: input.certificateFileId,
              specimenFileId: input.specimenFileId,
              validFrom: dateColumn(input.validFrom),
              validTo: dateColumn(input.validTo),
              createdById: actor.id,
              requestId: input.requestId,
            },
            select: { id: true },
          });
          const claim = { actor, siteId: input.siteId, entity: "SIGNATORY", entityId: signatory.id } as const;
          await claimFiles(tx, { ...claim, kinds: ["PHOTO"], files: { certificateFileId: [input.certificateFileId] } });
          await claimFiles(tx, { ...claim, kinds: ["SIGNATURE", "PHOTO"], files: { specimenFileId: [input.specimenFileId] } });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "AuthorisedSignatory",
            entityId: signatory.id,
            action: "CREATE",
            after: {
              tenantId: input.tenantId,
              name: input.name,
              position: input.position ?? null,
              phone: input.phone,
              certificateFileId: input.certificateFileId,
              specimenFileId: input.specimenFileId,
              validFrom: input.validFrom,
              validTo: input.validTo,
            },
          });
          return signatory;
        }),
    });
  },
});

/** Revoking is final and happens once: a second revoke (or a replay) is refused. */
export const revokeSignatory = defineMutation({
  name: "revokeSignatoryAction",
  schema: RevokeSignatorySchema,
  successKey: "signatories.revoked",
  async run(actor: Actor, input) {
    const signatory = await db.authorisedSignatory.findFirst({
      where: { id: input.signatoryId, siteId: { in: actor.siteIds } },
      select: { id: true, siteId: true, revokedAt: true },
    });
    if (!signatory) throw new DomainError("not_found", "errors.not_found");
    return db.$transaction(async (tx) => {
      const revokedAt = new Date();
      const { count } = await tx.authorisedSignatory.updateMany({
        where: { id: signatory.id, revokedAt: null },
        data: { revokedAt, revokedById: actor.id },
      });
      if (count !== 1) throw new DomainError("conflict", "signatories.errors.alreadyRevoked");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: signatory.siteId,
        entity: "AuthorisedSignatory",
        entityId: signatory.id,
        action: "UPDATE",
        before: { revokedAt: null },
        after: { revokedAt, revokedById: actor.id },
      });
      return { id: signatory.id };
    });
  },
});
