import "server-only";
import { DomainError } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FileEntity, FileKind } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export interface ClaimFilesInput {
  actor: Actor;
  /** The record's site: a file of another site is refused. */
  siteId: string;
  /** The record the files become evidence of; it is written in the same transaction. */
  entity: FileEntity;
  entityId: string;
  /** The kinds this field takes (a seal is a photo, a drawn signature a SIGNATURE). */
  kinds: readonly FileKind[];
  /** Form field → file ids named in it; a refusal is reported on the field. */
  files: Record<string, readonly string[]>;
  /**
   * A record corrected and submitted again keeps the files it already has, whoever took them
   * (R-VAC-3); without this, a file already attached to anything, this record included, is refused.
   */
  keepOwn?: boolean;
}

const invalid = (field: string) => new DomainError("invalid", "files.errors.invalidFile", field);
const alreadyUsed = (field: string) => new DomainError("invalid", "files.errors.alreadyUsed", field);

/**
 * Makes uploaded files the evidence of one record, inside the transaction that writes the record.
 * A file must exist, be of the record's site and of an allowed kind, and have been uploaded by the
 * actor (the photo or signature is taken on their device); a file that is already evidence of any
 * record, in any module, is refused with its own message. FileAttachment's primary key is the file id: when two
 * transactions claim one file at once, the second waits for the first and inserts nothing, so the
 * database — not a count made beforehand — decides that a file belongs to one record.
 */
export async function claimFiles(tx: Tx, input: ClaimFilesInput): Promise<void> {
  const named = Object.entries(input.files).flatMap(([field, ids]) => ids.map((id) => ({ field, id })));
  if (named.length === 0) return;
  const seen = new Set<string>();
  for (const { field, id } of named) {
    // One photo cannot prove two things of one record either.
    if (seen.has(id)) throw alreadyUsed(field);
    seen.add(id);
  }

  const rows = await tx.storedFile.findMany({
    where: { id: { in: [...seen] } },
    select: { id: true, siteId: true, kind: true, uploadedById: true, attachment: { select: { entity: true, entityId: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const toClaim: { field: string; id: string }[] = [];
  for (const { field, id } of named) {
    const file = byId.get(id);
    if (!file || file.siteId !== input.siteId) throw invalid(field);
    const own = file.attachment?.entity === input.entity && file.attachment.entityId === input.entityId;
    if (own && input.keepOwn) continue;
    // Evidence of another record first: whatever else is wrong, taking it again is the message that helps.
    if (file.attachment) throw alreadyUsed(field);
    if (!input.kinds.includes(file.kind) || file.uploadedById !== input.actor.id) throw invalid(field);
    toClaim.push({ field, id });
  }
  if (toClaim.length === 0) return;

  const { count } = await tx.fileAttachment.createMany({
    data: toClaim.map(({ id }) => ({ fileId: id, siteId: input.siteId, entity: input.entity, entityId: input.entityId })),
    skipDuplicates: true,
  });
  if (count === toClaim.length) return;
  // Another transaction claimed one of them between the check above and the insert.
  const taken = await tx.fileAttachment.findMany({
    where: { fileId: { in: toClaim.map((c) => c.id) }, NOT: { entity: input.entity, entityId: input.entityId } },
    select: { fileId: true },
  });
  const lost = toClaim.find((c) => taken.some((t) => t.fileId === c.id)) ?? toClaim[0];
  throw alreadyUsed(lost.field);
}

/**
 * A file stored inside the transaction of its record, with no user's upload before it (a client's
 * signature through a one-time link): it is that record's evidence from the start.
 */
export async function attachNewFile(tx: Tx, file: { fileId: string; siteId: string; entity: FileEntity; entityId: string }): Promise<void> {
  await tx.fileAttachment.create({ data: file });
}
