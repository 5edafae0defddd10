import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { sitesInDetail } from "@/lib/many-sites";
import { sitesWith } from "@/lib/registry/site.store";

const CHANNEL_SELECT = {
  id: true,
  siteId: true,
  kind: true,
  name: true,
  urlHost: true,
  secretEncrypted: true,
  topics: true,
  locale: true,
  active: true,
  lastError: true,
  lastErrorAt: true,
  lastSentAt: true,
  version: true,
  deliveries: {
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, topic: true, state: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  },
} as const;

/**
 * The chat channels of `siteIds` for the settings page: never the URL nor the secret (only the URL's
 * host and whether a secret is set), with the last error and the latest deliveries. One statement.
 */
async function channelsOf(siteIds: string[]) {
  if (siteIds.length === 0) return [];
  const channels = await db.chatChannel.findMany({
    where: { siteId: { in: siteIds } },
    orderBy: { createdAt: "asc" },
    select: CHANNEL_SELECT,
  });
  return channels.map(({ secretEncrypted, ...c }) => ({ ...c, hasSecret: secretEncrypted !== null }));
}

/** A site's chat channels (none outside the actor's sites). */
export async function listChatChannels(actor: Actor, siteId: string) {
  return actor.siteIds.includes(siteId) ? channelsOf([siteId]) : [];
}

export type ChatChannelRow = Awaited<ReturnType<typeof listChatChannels>>[number];

/**
 * The settings page: every site of the actor with its number of channels and of channels whose last
 * message failed, and the channels of the sites shown (`channels` null elsewhere): every site for a user
 * of a few, the chosen one (`site`, one of theirs) for a user of many (lib/many-sites.ts). Fifty sites'
 * forms were 290 KB a view, and each site's channels were read by a statement of their own.
 */
export async function chatChannelSettings(actor: Actor, filter: { site?: string } = {}) {
  const { site, shown } = sitesInDetail(filter.site, actor.siteIds);
  const [sites, counts, failing, channels] = await Promise.all([
    sitesWith(actor.siteIds, "id", "name", "timeZone"),
    db.chatChannel.groupBy({ by: ["siteId"], where: { siteId: { in: actor.siteIds } }, _count: { _all: true } }),
    db.chatChannel.groupBy({ by: ["siteId"], where: { siteId: { in: actor.siteIds }, lastError: { not: null } }, _count: { _all: true } }),
    channelsOf(shown),
  ]);
  const countOf = new Map(counts.map((c) => [c.siteId, c._count._all]));
  const failingOf = new Map(failing.map((c) => [c.siteId, c._count._all]));
  return {
    site,
    sites: sites.map((s) => ({
      ...s,
      channelCount: countOf.get(s.id) ?? 0,
      failingCount: failingOf.get(s.id) ?? 0,
      channels: shown.includes(s.id) ? channels.filter((c) => c.siteId === s.id) : null,
    })),
  };
}
