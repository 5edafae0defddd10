import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createOnce } from "@/lib/idempotency";
import { translator } from "@/lib/i18n/server";
import { encryptSecret } from "./crypto";
import { webhookUrlProblem, type ChatKind } from "./formats";
import { ChatChannelIdSchema, CreateChatChannelSchema, UpdateChatChannelSchema } from "./schema";
import { postToChannel } from "./send";

const PAGE = "/settings/chat-channels";

/** https only; http to this machine only in tests or with CHAT_LOCAL_HTTP. */
function checkUrl(url: string): URL {
  const { NODE_ENV, CHAT_LOCAL_HTTP } = env();
  const problem = webhookUrlProblem(url, NODE_ENV === "test" || CHAT_LOCAL_HTTP);
  if (problem) throw new DomainError("invalid", `chatChannels.errors.${problem === "notHttps" ? "notHttps" : "invalidUrl"}`, "url");
  return new URL(url);
}

/** What the audit keeps: never the URL (it carries the token) nor the secret; only that they changed. */
const audited = (c: {
  name: string;
  kind: ChatKind;
  urlHost: string;
  topics: string[];
  locale: string;
  active: boolean;
  hasSecret: boolean;
}) => ({
  ...c,
  topics: c.topics.join(","),
});

export const createChatChannel = defineMutation({
  name: "createChatChannelAction",
  schema: CreateChatChannelSchema,
  successKey: "chatChannels.created",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const url = checkUrl(input.url);
    if (input.kind === "DINGTALK" && !input.secret) throw new DomainError("invalid", "chatChannels.errors.secretRequired", "secret");
    const values = { name: input.name, kind: input.kind, urlHost: url.host, topics: input.topics, locale: input.locale, active: true };
    // A double tap or a replayed request answers with the channel it already made.
    return createOnce(actor, {
      find: async () => {
        const made = await db.chatChannel.findUnique({ where: { requestId: input.requestId }, select: { id: true, createdById: true } });
        return made && { madeById: made.createdById ?? "", result: { id: made.id } };
      },
      create: () =>
        db.$transaction(async (tx) => {
          const channel = await tx.chatChannel.create({
            data: {
              requestId: input.requestId,
              createdById: actor.id,
              siteId: input.siteId,
              ...values,
              urlEncrypted: encryptSecret(url.toString()),
              secretEncrypted: input.secret ? encryptSecret(input.secret) : null,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: input.siteId,
            entity: "ChatChannel",
            entityId: channel.id,
            action: "CREATE",
            after: audited({ ...values, hasSecret: Boolean(input.secret) }),
          });
          return channel;
        }),
    });
  },
});

async function loadChannel(actor: Actor, channelId: string) {
  const channel = await db.chatChannel.findFirst({
    where: { id: channelId, siteId: { in: actor.siteIds } },
    select: {
      id: true,
      siteId: true,
      kind: true,
      name: true,
      urlHost: true,
      urlEncrypted: true,
      secretEncrypted: true,
      topics: true,
      locale: true,
      active: true,
      version: true,
    },
  });
  if (!channel) throw new DomainError("not_found", "errors.not_found");
  return channel;
}

export const updateChatChannel = defineMutation({
  name: "updateChatChannelAction",
  schema: UpdateChatChannelSchema,
  successKey: "chatChannels.saved",
  async run(actor: Actor, input) {
    const before = await loadChannel(actor, input.channelId);
    const url = input.url ? checkUrl(input.url) : null;
    const secretEncrypted = input.secret ? encryptSecret(input.secret) : input.clearSecret ? null : before.secretEncrypted;
    if (before.kind === "DINGTALK" && !secretEncrypted) throw new DomainError("invalid", "chatChannels.errors.secretRequired", "secret");
    const after = {
      name: input.name,
      kind: before.kind,
      urlHost: url ? url.host : before.urlHost,
      topics: input.topics,
      locale: input.locale,
      active: input.active,
    };
    return db.$transaction(async (tx) => {
      const { count } = await tx.chatChannel.updateMany({
        where: { id: before.id, version: input.version },
        data: {
          ...after,
          ...(url ? { urlEncrypted: encryptSecret(url.toString()) } : {}),
          secretEncrypted,
          // A changed address or secret starts clean.
          ...(url || input.secret ? { lastError: null, lastErrorAt: null } : {}),
          version: { increment: 1 },
        },
      });
      if (count === 0) throw new DomainError("conflict", "errors.staleVersion");
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "ChatChannel",
        entityId: before.id,
        action: "UPDATE",
        before: audited({ ...before, hasSecret: before.secretEncrypted !== null }),
        after: audited({ ...after, hasSecret: secretEncrypted !== null }),
      });
      return { id: before.id };
    });
  },
});

export const deleteChatChannel = defineMutation({
  name: "deleteChatChannelAction",
  schema: ChatChannelIdSchema,
  successKey: "chatChannels.deleted",
  async run(actor: Actor, input) {
    const before = await loadChannel(actor, input.channelId);
    return db.$transaction(async (tx) => {
      await tx.chatChannel.delete({ where: { id: before.id } });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "ChatChannel",
        entityId: before.id,
        action: "DELETE",
        before: audited({ ...before, hasSecret: before.secretEncrypted !== null }),
      });
      return { id: before.id };
    });
  },
});

/**
 * Sends a test message now (not through the queue), so the manager sees at once whether the robot
 * accepts it; the platform's error is shown under the form and kept as the channel's last error.
 */
export const sendTestChatMessage = defineMutation({
  name: "sendTestChatMessageAction",
  schema: ChatChannelIdSchema,
  successKey: "chatChannels.testSent",
  async run(actor: Actor, input) {
    const channel = await loadChannel(actor, input.channelId);
    const t = translator(channel.locale === "en" ? "en" : "zh-CN");
    const error = await postToChannel(channel, {
      topic: "test",
      title: t("chatChannels.testTitle"),
      text: t("chatChannels.testText", { name: channel.name }),
      link: env().NEXTAUTH_URL ? new URL(PAGE, env().NEXTAUTH_URL).toString() : null,
    });
    const now = new Date();
    if (error) {
      await db.chatChannel.update({ where: { id: channel.id }, data: { lastError: error.slice(0, 1000), lastErrorAt: now } });
      throw new DomainError("invalid", "chatChannels.errors.sendFailed", "test", { error: error.slice(0, 300) });
    }
    await db.chatChannel.update({ where: { id: channel.id }, data: { lastSentAt: now, lastError: null, lastErrorAt: null } });
    return { id: channel.id };
  },
});
