import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { claimVersion, type VersionClaim } from "@/lib/versioning";

type Tx = Prisma.TransactionClient;
type Snapshot = Record<string, unknown> | null;

export interface AuditEntry {
  actorId: string | null;
  siteId: string | null;
  entity: string;
  entityId: string;
  action: AuditAction;
  before?: Snapshot;
  after?: Snapshot;
}

const SECRET_FIELD = /password|hash|secret|token/i;

/**
 * Confidential fields per entity (§1.9): contact details, the text of minutes, leave reasons. The trail
 * records that such a field changed, never its value, so reading the audit trail (the admin's right)
 * does not reveal tenants' contacts or what a meeting said.
 */
export const CONFIDENTIAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Tenant: ["contacts"],
  AuthorisedSignatory: ["phone"],
  Department: ["contactName", "contactPhone"],
  Meeting: ["lastWeekReview", "nextWeekPlan", "assignments"],
  MeetingAmendment: ["text", "reason"],
  LeaveRequest: ["reason", "decisionNote"],
  // The owner of a found item: who they are and the last characters of their document (R-LOST-1).
  FoundItem: ["claimantName", "claimantIdLast4"],
};

/** What the trail holds for a confidential field: the fact of the change only. */
export type AuditChange = { before: unknown; after: unknown } | { redacted: true };

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object" && "toFixed" in value) return String(value); // Prisma Decimal
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value ?? null;
}

/**
 * { field: { before, after } } for the fields that differ; secrets are never written to the trail, and
 * a confidential field of `entity` is written as { redacted: true }.
 */
export function diffFields(before: Snapshot, after: Snapshot, entity = ""): Record<string, AuditChange> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const confidential = CONFIDENTIAL_FIELDS[entity] ?? [];
  const changes: Record<string, AuditChange> = {};
  for (const key of keys) {
    if (SECRET_FIELD.test(key)) continue;
    const b = plain(before?.[key]);
    const a = plain(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = confidential.includes(key) ? { redacted: true } : { before: b, after: a };
  }
  return changes;
}

/** Every create/update/delete writes its audit row inside the same transaction. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      siteId: entry.siteId,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      changes: diffFields(entry.before ?? null, entry.after ?? null, entry.entity) as Prisma.InputJsonValue,
    },
  });
}

/** Several audit rows in one statement: one step that changes several records (a household's papers). */
export async function writeAudits(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({
      actorId: entry.actorId,
      siteId: entry.siteId,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      changes: diffFields(entry.before ?? null, entry.after ?? null, entry.entity) as Prisma.InputJsonValue,
    })),
  });
}

type Row = { id: string } & Record<string, unknown>;

/** Create one record and its audit row in one transaction; returns the new id. */
export async function auditedCreate(
  db: { $transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R> },
  who: { actorId: string; siteId: string | null; entity: string },
  create: (tx: Tx) => Promise<Row>,
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const after = await create(tx);
    await writeAudit(tx, { actorId: who.actorId, siteId: who.siteId, entity: who.entity, entityId: after.id, action: "CREATE", after });
    return { id: after.id };
  });
}

/**
 * Update one record (already loaded, site-checked, as `before`) and write its audit row in one transaction.
 * With `edit` (the model and the version the form was loaded with) the update first claims that version
 * (lib/versioning.ts): an edit made on an older version is refused as stale and writes nothing.
 */
export async function auditedUpdate(
  db: { $transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R> },
  who: { actorId: string; siteId: string | null; entity: string; edit?: Omit<VersionClaim, "entity" | "id"> },
  before: Row,
  update: (tx: Tx) => Promise<Row>,
): Promise<{ id: string; version?: number }> {
  return db.$transaction(async (tx) => {
    const version = who.edit ? await claimVersion(tx, { ...who.edit, entity: who.entity, id: before.id }) : undefined;
    const after = await update(tx);
    const { siteId: _site, ...beforeFields } = before;
    const versions = who.edit ? { before: { version: who.edit.version }, after: { version } } : { before: {}, after: {} };
    await writeAudit(tx, {
      actorId: who.actorId,
      siteId: who.siteId,
      entity: who.entity,
      entityId: before.id,
      action: "UPDATE",
      before: { ...beforeFields, ...versions.before },
      after: { ...after, ...versions.after },
    });
    return version === undefined ? { id: before.id } : { id: before.id, version };
  });
}
