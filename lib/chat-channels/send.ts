import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/server";
import { decryptSecret } from "./crypto";
import { buildChatRequest, chatAnswerError, type ChatKind, type ChatMessage } from "./formats";
import type { ChatTopic } from "./schema";

/**
 * Sending to chat channels, beside the in-app notifications and never in their way: a module calls
 * notifyChannels() after its own transaction; one ChatDelivery row per subscribed channel is stored
 * (its dedupeKey keeps a rerun from sending twice) and a pg-boss job of CHAT_QUEUE posts it. A failed
 * post (network, HTTP error, the platform's error code) is recorded on the delivery and the channel
 * (shown on the settings page) and retried by pg-boss with exponential back-off. When pg-boss is not
 * running in this process the rows stay PENDING and are queued when it starts (registerChatQueue).
 */

export const CHAT_QUEUE = "kewu-chat-send";
/** 30 s, 1 min, 2 min, 4 min, 8 min. Tests shorten it. */
export const chatRetry = { retryLimit: 5, retryDelay: 30, retryBackoff: true };
const POST_TIMEOUT_MS = 10_000;

/** One message in every language a channel may choose; each channel gets its own. */
export interface ChannelNotice {
  topic: ChatTopic;
  /** Same notice, same key: stored once per channel. */
  dedupeKey: string;
  /** Path in the app (made absolute with NEXTAUTH_URL) or null. */
  link: string | null;
  texts: Record<string, { title: string; text: string }>;
}

interface JobData {
  deliveryId: string;
}

const g = globalThis as unknown as { kewuChatBoss?: PgBoss };

/** Called by lib/reminders/queue.ts once pg-boss runs: the queue, its worker, and what was left pending. */
export async function registerChatQueue(boss: PgBoss, work: { pollingIntervalSeconds: number }): Promise<void> {
  await boss.createQueue(CHAT_QUEUE, { name: CHAT_QUEUE, policy: "standard", ...chatRetry, expireInSeconds: 120 });
  await boss.work<JobData>(CHAT_QUEUE, work, async ([job]) => deliverChatMessage(job.data.deliveryId));
  g.kewuChatBoss = boss;
  boss.on("stopped", () => {
    if (g.kewuChatBoss === boss) g.kewuChatBoss = undefined;
  });
  const pending = await db.chatDelivery.findMany({ where: { state: "PENDING", attempts: 0 }, select: { id: true }, take: 1000 });
  await enqueue(pending.map((d) => d.id));
}

async function enqueue(deliveryIds: string[]): Promise<void> {
  const boss = g.kewuChatBoss;
  if (!boss || deliveryIds.length === 0) return;
  for (const deliveryId of deliveryIds) await boss.send(CHAT_QUEUE, { deliveryId } satisfies JobData, { ...chatRetry });
}

/** The localized text of a notice for a channel (falls back to zh-CN, the reference language). */
function messageFor(notice: ChannelNotice, locale: string): ChatMessage {
  const text = notice.texts[locale] ?? notice.texts["zh-CN"] ?? Object.values(notice.texts)[0];
  return { topic: notice.topic, title: text?.title ?? "", text: text?.text ?? "", link: absoluteLink(notice.link) };
}

function absoluteLink(link: string | null): string | null {
  if (!link || /^https?:\/\//.test(link)) return link;
  const base = env().NEXTAUTH_URL;
  return base ? new URL(link, base).toString() : link;
}

/**
 * Sends `notices` of a site to its active channels subscribed to each notice's topic. Never throws:
 * a chat that cannot be reached must not fail the work that produced the notice.
 */
export async function notifyChannels(siteId: string, notices: ChannelNotice[]): Promise<number> {
  if (notices.length === 0) return 0;
  try {
    const channels = await db.chatChannel.findMany({
      where: { siteId, active: true, topics: { hasSome: [...new Set(notices.map((n) => n.topic))] } },
      select: { id: true, topics: true, locale: true },
    });
    const data: Prisma.ChatDeliveryCreateManyInput[] = [];
    for (const channel of channels)
      for (const notice of notices)
        if (channel.topics.includes(notice.topic))
          data.push({
            channelId: channel.id,
            topic: notice.topic,
            dedupeKey: `${channel.id}|${notice.dedupeKey}`.slice(0, 300),
            message: messageFor(notice, channel.locale) as unknown as Prisma.InputJsonValue,
          });
    if (data.length === 0) return 0;
    const created = await db.chatDelivery.createManyAndReturn({ data, skipDuplicates: true, select: { id: true } });
    await enqueue(created.map((d) => d.id));
    return created.length;
  } catch (err) {
    console.error("[chat] could not queue chat messages; in-app notifications are unaffected", err);
    return 0;
  }
}

/** Posts one message to one channel; the error text when it failed, null when delivered. */
export async function postToChannel(
  channel: { kind: ChatKind; urlEncrypted: string; secretEncrypted: string | null; locale: string },
  message: ChatMessage,
): Promise<string | null> {
  try {
    const secret = channel.secretEncrypted ? decryptSecret(channel.secretEncrypted) : null;
    const linkLabel = translator(channel.locale === "en" ? "en" : "zh-CN")("chatChannels.openRecord");
    const request = buildChatRequest(channel.kind, decryptSecret(channel.urlEncrypted), secret, message, linkLabel);
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(request.body),
      redirect: "manual",
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    return chatAnswerError(channel.kind, response.status, await response.text());
  } catch (err) {
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
}

/**
 * The CHAT_QUEUE job: posts a delivery unless it was already sent (a retried or repeated job sends
 * nothing twice). A failure is written down, then thrown so that pg-boss retries it later.
 */
export async function deliverChatMessage(deliveryId: string): Promise<{ sent: boolean }> {
  const delivery = await db.chatDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      state: true,
      message: true,
      channel: { select: { id: true, kind: true, urlEncrypted: true, secretEncrypted: true, locale: true, active: true } },
    },
  });
  if (!delivery || delivery.state === "SENT" || !delivery.channel.active) return { sent: false };
  const error = await postToChannel(delivery.channel, delivery.message as unknown as ChatMessage);
  const now = new Date();
  if (!error) {
    await db.$transaction([
      db.chatDelivery.update({
        where: { id: deliveryId },
        data: { state: "SENT", sentAt: now, attempts: { increment: 1 }, lastError: null },
      }),
      db.chatChannel.update({ where: { id: delivery.channel.id }, data: { lastSentAt: now } }),
    ]);
    return { sent: true };
  }
  const lastError = error.slice(0, 1000);
  await db.$transaction([
    db.chatDelivery.update({ where: { id: deliveryId }, data: { state: "FAILED", attempts: { increment: 1 }, lastError } }),
    db.chatChannel.update({ where: { id: delivery.channel.id }, data: { lastError, lastErrorAt: now } }),
  ]);
  throw new Error(`chat delivery ${deliveryId} failed: ${lastError}`);
}
