import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { formatInZone, localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import type { Prisma } from "@/lib/generated/prisma/client";
import { oneOf, paged, type PageRequest } from "@/lib/pagination";
import { siteScope } from "@/lib/registry/site.queries";
import { dueForDisposalWhere } from "./due";
import { DEFAULT_RETENTION_DAYS, daysLeft, disposableFrom, isDueForDisposal } from "./rules";
import { FOUND_ITEM_FILTERS } from "./schema";
import { containsText } from "@/lib/text-search";

/** Today's local date of each site (R-CAL-2): the "due for disposal" flag is per site. */
async function todayOfSites(siteIds: string[]) {
  const sites = await sitesWith(siteIds, "id", "timeZone");
  const now = new Date();
  return new Map(sites.map((s) => [s.id, localDateInZone(now, s.timeZone)]));
}

/**
 * The register of the user's sites, newest first, filtered and paginated in SQL. "DUE" = still
 * registered and kept past its period at its own site's today (one OR branch per site).
 */
export async function listFoundItems(filter: { site?: string; state?: string; q?: string }, page: PageRequest) {
  const actor = await requirePermission("found:read");
  const sites = siteScope(actor, filter.site);
  const todayOf = await todayOfSites(sites);
  const state = oneOf(FOUND_ITEM_FILTERS, filter.state);
  const where: Prisma.FoundItemWhereInput = {
    siteId: { in: sites },
    ...(state === "DUE" ? dueForDisposalWhere(todayOf) : state ? { state } : {}),
    ...(filter.q
      ? {
          AND: [
            {
              OR: [{ number: containsText(filter.q) }, { description: containsText(filter.q) }, { foundPlace: containsText(filter.q) }],
            },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.foundItem.findMany({
      where,
      select: {
        id: true,
        siteId: true,
        number: true,
        description: true,
        foundPlace: true,
        foundOn: true,
        keptAt: true,
        keepUntil: true,
        state: true,
        site: { select: { name: true } },
      },
      orderBy: [{ foundOn: "desc" }, { number: "desc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.foundItem.count({ where }),
  ]);
  return paged(
    rows.map((r) => {
      const keepUntil = localDateOfColumn(r.keepUntil);
      const today = todayOf.get(r.siteId)!;
      return {
        ...r,
        foundOn: localDateOfColumn(r.foundOn),
        keepUntil,
        dueForDisposal: isDueForDisposal({ state: r.state, keepUntil }, today),
        daysLeft: daysLeft(keepUntil, today),
      };
    }),
    total,
    page,
  );
}

export type FoundItemRow = Awaited<ReturnType<typeof listFoundItems>>["rows"][number];

/** One item with its claim or disposal, the names of the staff who acted, and its site's today. */
export async function getFoundItem(id: string) {
  const actor = await requirePermission("found:read");
  const item = await db.foundItem.findFirst({
    where: { id, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      number: true,
      description: true,
      foundPlace: true,
      foundAt: true,
      foundOn: true,
      foundByName: true,
      keptAt: true,
      photoFileIds: true,
      keepUntil: true,
      state: true,
      registeredById: true,
      createdAt: true,
      claimantName: true,
      claimantIdType: true,
      claimantIdLast4: true,
      claimSignatureFileId: true,
      claimedAt: true,
      releasedById: true,
      disposalMethod: true,
      disposalWitnessName: true,
      disposalNote: true,
      disposedAt: true,
      disposedById: true,
      site: { select: { name: true, code: true, timeZone: true } },
    },
  });
  if (!item) return null;
  const staffIds = [item.registeredById, item.releasedById, item.disposedById].filter((v): v is string => !!v);
  const staff = await db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } });
  const nameOf = (userId: string | null) => (userId ? (staff.find((s) => s.id === userId)?.name ?? null) : null);
  const tz = item.site.timeZone;
  const today = localDateInZone(new Date(), tz);
  const keepUntil = localDateOfColumn(item.keepUntil);
  return {
    ...item,
    foundOn: localDateOfColumn(item.foundOn),
    foundAtText: formatInZone(item.foundAt, tz),
    claimedAtText: item.claimedAt ? formatInZone(item.claimedAt, tz) : null,
    disposedAtText: item.disposedAt ? formatInZone(item.disposedAt, tz) : null,
    keepUntil,
    disposableFrom: disposableFrom(keepUntil),
    dueForDisposal: isDueForDisposal({ state: item.state, keepUntil }, today),
    disposalAllowed: item.state === "REGISTERED" && today > keepUntil,
    registeredBy: nameOf(item.registeredById),
    releasedBy: nameOf(item.releasedById),
    disposedBy: nameOf(item.disposedById),
  };
}

export type FoundItemDetail = NonNullable<Awaited<ReturnType<typeof getFoundItem>>>;

/** The keeping period of each of the user's sites (the default where none is set) with the form's version. */
export async function foundItemSettings() {
  const actor = await requirePermission("found:read");
  const [sites, settings] = await Promise.all([
    sitesWith(actor.siteIds, "id", "name", "timeZone"),
    db.foundItemSetting.findMany({
      where: { siteId: { in: actor.siteIds } },
      select: { siteId: true, retentionDays: true, version: true },
    }),
  ]);
  return sites.map((s) => {
    const setting = settings.find((x) => x.siteId === s.id);
    return { ...s, retentionDays: setting?.retentionDays ?? DEFAULT_RETENTION_DAYS, version: setting?.version ?? 0 };
  });
}
