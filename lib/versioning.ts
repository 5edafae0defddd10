import "server-only";
import { DomainError } from "@/lib/action";
import type { Prisma } from "@/lib/generated/prisma/client";
import { currentLocale, translator } from "@/lib/i18n/server";

type Tx = Prisma.TransactionClient;

/** The models people edit through a form: each has a `version` column bumped by every edit. */
export type VersionedModel =
  | "site"
  | "area"
  | "unit"
  | "tenant"
  | "department"
  | "user"
  | "calendarOverride"
  | "newspaperTitle"
  | "newspaperSubscription"
  | "cleaner"
  | "meetingSeries"
  | "meeting"
  | "wasteCollectionPoint"
  | "specialService"
  | "contractor"
  | "loadingRoute"
  | "hazardTermList";

type VersionedDelegate = {
  updateMany(args: { where: { id: string; version: number }; data: { version: { increment: 1 } } }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string }; select: { version: true } }): Promise<{ version: number } | null>;
};

export interface VersionClaim {
  model: VersionedModel;
  /** The audit trail's entity name (the changes since the form's version are read from it). */
  entity: string;
  id: string;
  /** The version the form was loaded with. */
  version: number;
  /** Message namespace whose `<labels>.<field>` names the changed fields (falls back to `fields.<field>`). */
  labels?: string;
}

/**
 * Optimistic concurrency, the one way: inside the edit's transaction, bump the row's version only if it
 * is still the one the form was loaded with (`UPDATE … WHERE id AND version`). The row stays locked until
 * the transaction ends, so of any number of concurrent edits made from one version exactly one passes;
 * every other is refused as stale with what changed since, nothing written. Returns the new version,
 * which the caller puts in its audit snapshot (`version: { before, after }` is how changes are found).
 */
export async function claimVersion(tx: Tx, claim: VersionClaim): Promise<number> {
  const delegate = tx[claim.model] as unknown as VersionedDelegate;
  const { count } = await delegate.updateMany({
    where: { id: claim.id, version: claim.version },
    data: { version: { increment: 1 } },
  });
  if (count === 1) return claim.version + 1;
  const current = await delegate.findUnique({ where: { id: claim.id }, select: { version: true } });
  if (!current) throw new DomainError("not_found", "errors.not_found");
  throw await staleError(tx, claim, current.version);
}

/** "Since you opened it, {who} changed {fields} at {time}" from the audit rows written after the form's version. */
async function staleError(tx: Tx, claim: VersionClaim, currentVersion: number): Promise<DomainError> {
  // A version the record never had (from the future, or from another record's form) names nothing.
  if (claim.version > currentVersion) return new DomainError("stale", "errors.staleVersion", "version");
  const rows = await tx.auditLog.findMany({
    where: { entity: claim.entity, entityId: claim.id, changes: { path: ["version", "after"], gt: claim.version } },
    orderBy: { at: "desc" },
    select: { at: true, changes: true, siteId: true, actor: { select: { name: true } } },
  });
  if (rows.length === 0) return new DomainError("stale", "errors.staleVersion", "version");
  const fields = [...new Set(rows.flatMap((r) => Object.keys((r.changes ?? {}) as object)))].filter((f) => f !== "version");
  const latest = rows[0];
  return staleRefusal(tx, { who: latest.actor?.name ?? null, at: latest.at, siteId: latest.siteId, fields, labels: claim.labels });
}

/**
 * The stale refusal from what is known of the newer change (for records versioned otherwise than by
 * claimVersion, such as checklist templates, whose every save is a new version row).
 */
export async function staleRefusal(
  tx: Tx,
  change: { who: string | null; at: Date; siteId: string | null; fields: string[]; labels?: string },
): Promise<DomainError> {
  const t = translator(await currentLocale());
  const label = (field: string) => {
    for (const key of [change.labels ? `${change.labels}.${field}` : null, `fields.${field}`]) {
      if (key && t(key) !== key) return t(key);
    }
    return field;
  };
  const { fields } = change;
  const site = change.siteId ? await tx.site.findUnique({ where: { id: change.siteId }, select: { timeZone: true } }) : null;
  const time = new Intl.DateTimeFormat(await currentLocale(), {
    timeZone: site?.timeZone ?? "Asia/Shanghai",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(change.at);
  return new DomainError("stale", "errors.stale", "version", {
    who: change.who ?? t("errors.staleSomeone"),
    time,
    fields: fields.length ? fields.map(label).join(t("errors.staleListSeparator")) : t("errors.staleNothingNamed"),
  });
}

/**
 * A settings row that may not exist yet (a site's keeping period, a waste stream's owner): the form sends
 * the version it was loaded with, 0 while there is no row. A first save creates the row at version 1; a
 * later one updates it only from the version the form saw. Anything else is refused as stale, so two
 * managers saving at once never overwrite each other silently. Returns the new version.
 */
export async function saveVersionedRow(
  exists: boolean,
  loadedVersion: number,
  write: { create: () => Promise<unknown>; update: () => Promise<{ count: number }> },
): Promise<number> {
  if (!exists) {
    if (loadedVersion !== 0) throw new DomainError("stale", "errors.staleVersion", "version");
    await write.create();
    return 1;
  }
  const { count } = await write.update();
  if (count !== 1) throw new DomainError("stale", "errors.staleVersion", "version");
  return loadedVersion + 1;
}
