import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";

/**
 * A site's chat channels for the settings page: never the URL nor the secret (only the URL's host
 * and whether a secret is set), with the last error and the latest deliveries.
 */
export async function listChatChannels(actor: Actor, siteId: string) {
  if (!actor.siteIds.includes(siteId)) return [];
  const channels = await db.chatChannel.findMany({
    where: { siteId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
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
    },
  });
  return channels.map(({ secretEncrypted, ...c }) => ({ ...c, hasSecret: secretEncrypted !== null }));
}

export type ChatChannelRow = Awaited<ReturnType<typeof listChatChannels>>[number];

/** The settings page: every site of the actor with its channels. */
export async function chatChannelSettings(actor: Actor) {
  const sites = await sitesWith(actor.siteIds, "id", "name", "timeZone");
  return Promise.all(sites.map(async (site) => ({ ...site, channels: await listChatChannels(actor, site.id) })));
}
