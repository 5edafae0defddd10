/**
 * Chat channels against a local HTTP receiver: the exact JSON each platform expects (WeCom, DingTalk
 * with its timestamp signature, Feishu's card with its signature, a plain webhook), a wrong secret
 * answered with the platform's error code, retries with pg-boss after a 500 (nothing lost, nothing
 * doubled), https-only addresses, secrets never read back, and another site's channels out of reach.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  createChatChannelAction,
  deleteChatChannelAction,
  sendTestChatMessageAction,
  updateChatChannelAction,
} from "@/lib/chat-channels/actions";
import { listChatChannels } from "@/lib/chat-channels/queries";
import { sendRemindersToChannels, topicOf } from "@/lib/chat-channels/reminders";
import { chatRetry } from "@/lib/chat-channels/send";
import { loadSiteCalendar } from "@/lib/calendar/store";
import { db } from "@/lib/db";
import { runReminders } from "@/lib/reminders/run";
import { startReminderQueue, stopReminderQueue } from "@/lib/reminders/queue";
import { newRequestId } from "@/lib/request-id";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

vi.hoisted(() => {
  process.env.KEWU_SECRET_KEY = "test-key-for-chat-channel-secrets-0123456789";
  process.env.NEXTAUTH_URL = "https://kewu.test";
});

const DING_SECRET = "SEC0123456789abcdef";
const FEISHU_SECRET = "feishu-signing-secret";

interface Received {
  path: string;
  query: URLSearchParams;
  body: unknown;
}

let world: World;
let server: Server;
let base: string;
const received: Received[] = [];
/** Calls per path (for the flaky receiver). */
const calls = new Map<string, number>();

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** Each platform's answer, as the real ones answer (HTTP 200 with an error code in the body). */
async function answer(req: IncomingMessage): Promise<[number, unknown]> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
  const n = (calls.get(url.pathname) ?? 0) + 1;
  calls.set(url.pathname, n);
  if (url.pathname === "/flaky" && n === 1) return [500, { error: "boom" }];
  received.push({ path: url.pathname, query: url.searchParams, body });
  if (url.pathname.startsWith("/ding")) {
    const timestamp = url.searchParams.get("timestamp") ?? "";
    const expected = createHmac("sha256", DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest("base64");
    if (url.searchParams.get("sign") !== expected) return [200, { errcode: 310000, errmsg: "sign not match" }];
    return [200, { errcode: 0, errmsg: "ok" }];
  }
  if (url.pathname.startsWith("/feishu")) {
    const expected = createHmac("sha256", `${String(body.timestamp)}\n${FEISHU_SECRET}`)
      .update("")
      .digest("base64");
    if (body.sign !== expected) return [200, { code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" }];
    return [200, { code: 0, msg: "success" }];
  }
  if (url.pathname.startsWith("/wecom")) return [200, { errcode: 0, errmsg: "ok" }];
  return [200, { ok: true }];
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  server = createServer((req, res) => {
    void answer(req).then(([status, json]) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await stopReminderQueue().catch(() => {});
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function createChannel(input: Record<string, unknown>) {
  await signInAs(world.users.MANAGER);
  const result = await createChatChannelAction({
    requestId: newRequestId(),
    siteId: world.siteA,
    name: "客服群",
    topics: ["deadlines"],
    locale: "zh-CN",
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

const lastFrom = (path: string) => received.filter((r) => r.path === path).at(-1);

describe("chat channel formats (test message)", () => {
  it("WeCom: a markdown message with a link back", async () => {
    const channelId = await createChannel({ kind: "WECOM", url: `${base}/wecom?key=abc` });
    const result = await sendTestChatMessageAction({ channelId });
    expect(result).toMatchObject({ ok: true, message: "测试消息已发送" });
    expect(lastFrom("/wecom")!.query.get("key")).toBe("abc");
    expect(lastFrom("/wecom")!.body).toEqual({
      msgtype: "markdown",
      markdown: {
        content:
          "**客务测试消息**\n\n“客服群”已连接客务，之后的提醒和通知会发到这里。\n\n[打开记录](https://kewu.test/settings/chat-channels)",
      },
    });
  });

  it("DingTalk: markdown with title, signed with timestamp and sign (HMAC-SHA256 of timestamp\\nsecret)", async () => {
    const channelId = await createChannel({ kind: "DINGTALK", url: `${base}/ding?access_token=t1`, secret: DING_SECRET, locale: "en" });
    const before = Date.now();
    expect(await sendTestChatMessageAction({ channelId })).toMatchObject({ ok: true });
    const got = lastFrom("/ding")!;
    expect(got.query.get("access_token")).toBe("t1");
    expect(Number(got.query.get("timestamp"))).toBeGreaterThanOrEqual(before);
    expect(got.body).toEqual({
      msgtype: "markdown",
      markdown: {
        title: "Kewu test message",
        text: "**Kewu test message**\n\n“客服群” is connected to Kewu: reminders and notices will be posted here.\n\n[Open the record](https://kewu.test/settings/chat-channels)",
      },
    });
  });

  it("Feishu: an interactive card with a markdown element, signed in the body", async () => {
    const channelId = await createChannel({ kind: "FEISHU", url: `${base}/feishu/hook/x`, secret: FEISHU_SECRET });
    expect(await sendTestChatMessageAction({ channelId })).toMatchObject({ ok: true });
    const body = lastFrom("/feishu/hook/x")!.body as Record<string, unknown>;
    expect(body).toEqual({
      timestamp: expect.stringMatching(/^\d{10}$/),
      sign: expect.any(String),
      msg_type: "interactive",
      card: {
        header: { title: { tag: "plain_text", content: "客务测试消息" } },
        elements: [
          {
            tag: "markdown",
            content: "“客服群”已连接客务，之后的提醒和通知会发到这里。\n\n[打开记录](https://kewu.test/settings/chat-channels)",
          },
        ],
      },
    });
  });

  it("a plain webhook: topic, title, text and link", async () => {
    const channelId = await createChannel({ kind: "WEBHOOK", url: `${base}/hook` });
    expect(await sendTestChatMessageAction({ channelId })).toMatchObject({ ok: true });
    expect(lastFrom("/hook")!.body).toEqual({
      topic: "test",
      title: "客务测试消息",
      text: "“客服群”已连接客务，之后的提醒和通知会发到这里。",
      link: "https://kewu.test/settings/chat-channels",
    });
  });
});

describe("bad input and errors", () => {
  it("a wrong secret: the platform's error code under the test button and as the channel's last error", async () => {
    const channelId = await createChannel({ kind: "DINGTALK", url: `${base}/ding-wrong`, secret: "not-the-secret" });
    const result = await sendTestChatMessageAction({ channelId });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { test: "发送失败：310000: sign not match" } });
    const channel = await db.chatChannel.findUniqueOrThrow({ where: { id: channelId } });
    expect(channel.lastError).toBe("310000: sign not match");
    expect(channel.lastErrorAt).not.toBeNull();
  });

  it("refuses an address that is not https (http only to this machine, in tests), writing nothing", async () => {
    await signInAs(world.users.MANAGER);
    const count = await db.chatChannel.count();
    for (const url of ["http://example.com/robot", "ftp://example.com/x", "not a url", "https://user:pw@example.com/x"]) {
      const result = await createChatChannelAction({
        requestId: newRequestId(),
        siteId: world.siteA,
        kind: "WEBHOOK",
        name: "x",
        url,
        topics: ["deadlines"],
        locale: "zh-CN",
      });
      expect(result, url).toMatchObject({ ok: false, code: "invalid" });
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toEqual(["url"]);
    }
    const http = await createChatChannelAction({
      requestId: newRequestId(),
      siteId: world.siteA,
      kind: "WEBHOOK",
      name: "x",
      url: "http://example.com/r",
      topics: ["deadlines"],
      locale: "zh-CN",
    });
    expect(http).toMatchObject({ fieldErrors: { url: "Webhook 地址必须以 https:// 开头" } });
    const noSecret = await createChatChannelAction({
      requestId: newRequestId(),
      siteId: world.siteA,
      kind: "DINGTALK",
      name: "x",
      url: "https://oapi.dingtalk.com/robot/send?access_token=1",
      topics: ["deadlines"],
      locale: "zh-CN",
    });
    expect(noSecret).toMatchObject({ ok: false, fieldErrors: { secret: "钉钉群机器人需要加签密钥" } });
    expect(await db.chatChannel.count()).toBe(count);
  });

  it("stores the address and the secret encrypted and never reads them back", async () => {
    const channelId = await createChannel({
      kind: "DINGTALK",
      url: "https://oapi.dingtalk.com/robot/send?access_token=TOKEN123",
      secret: "SECRETXYZ",
    });
    const stored = await db.chatChannel.findUniqueOrThrow({ where: { id: channelId } });
    expect(stored.urlEncrypted).not.toContain("TOKEN123");
    expect(stored.secretEncrypted).not.toContain("SECRETXYZ");
    const rows = await listChatChannels({ siteIds: [world.siteA] } as Actor, world.siteA);
    const row = rows.find((r) => r.id === channelId)!;
    expect(row).toMatchObject({ urlHost: "oapi.dingtalk.com", hasSecret: true });
    expect(JSON.stringify(rows)).not.toMatch(/TOKEN123|SECRETXYZ|Encrypted/);
    const audit = await db.auditLog.findMany({ where: { entityId: channelId }, select: { changes: true } });
    expect(JSON.stringify(audit)).not.toMatch(/TOKEN123|SECRETXYZ/);

    // Editing without a new secret keeps the stored one; a new URL replaces the old.
    const saved = await updateChatChannelAction({
      channelId,
      version: 0,
      name: "值班群",
      topics: ["deadlines", "leave"],
      locale: "zh-CN",
      active: true,
    });
    expect(saved).toMatchObject({ ok: true });
    const after = await db.chatChannel.findUniqueOrThrow({ where: { id: channelId } });
    expect(after.secretEncrypted).toBe(stored.secretEncrypted);
    expect(after.urlEncrypted).toBe(stored.urlEncrypted);
    expect(
      await updateChatChannelAction({ channelId, version: 0, name: "x", topics: ["deadlines"], locale: "zh-CN", active: true }),
    ).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("another site's channels are out of reach", async () => {
    const theirs = await db.chatChannel.create({
      data: {
        siteId: world.siteB,
        kind: "WEBHOOK",
        name: "B",
        urlEncrypted: "v1.x.y.z",
        urlHost: "b.example",
        topics: ["deadlines"],
        locale: "zh-CN",
      },
    });
    await signInAs(world.users.MANAGER);
    expect(await sendTestChatMessageAction({ channelId: theirs.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteChatChannelAction({ channelId: theirs.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await createChatChannelAction({
        requestId: newRequestId(),
        siteId: world.siteB,
        kind: "WEBHOOK",
        name: "x",
        url: `${base}/hook`,
        topics: ["deadlines"],
        locale: "zh-CN",
      }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await listChatChannels({ siteIds: [world.siteA] } as Actor, world.siteB)).toEqual([]);
  });
});

describe("reminders to chat channels through pg-boss", () => {
  it("sends the morning reminder once per matter, retries after a 500, never twice", async () => {
    const retry = { ...chatRetry };
    Object.assign(chatRetry, { retryLimit: 3, retryDelay: 1, retryBackoff: false });
    try {
      const channelId = await createChannel({ kind: "WEBHOOK", url: `${base}/flaky`, topics: ["deadlines"] });
      await db.complaint.create({
        data: {
          number: "SA-CHAT-1",
          requestId: newRequestId(),
          siteId: world.siteA,
          tenantId: world.a.tenant,
          departmentId: world.a.department,
          source: "PHONE",
          category: "REPAIR",
          severity: "MAJOR",
          description: "电梯异响",
          receivedAt: new Date(Date.now() - 3 * 86400_000),
          receivedById: world.users.FRONT_DESK,
          state: "IN_RECTIFICATION",
          rectificationDueAt: new Date(Date.now() - 86400_000),
        },
      });
      await startReminderQueue({ connectionString: process.env.DATABASE_URL!, schedule: false, pollingIntervalSeconds: 0.5 });
      const run = await runReminders(new Date(), [world.siteA]);
      expect(run.created).toBeGreaterThanOrEqual(2); // several people, one chat message

      await vi.waitFor(
        async () => {
          const deliveries = await db.chatDelivery.findMany({ where: { channelId } });
          expect(deliveries).toHaveLength(1);
          expect(deliveries[0]).toMatchObject({ state: "SENT", attempts: 2, topic: "deadlines" });
        },
        { timeout: 20_000, interval: 250 },
      );
      const channel = await db.chatChannel.findUniqueOrThrow({ where: { id: channelId } });
      expect(channel.lastError).toMatch(/^HTTP 500/);
      const got = received.filter((r) => r.path === "/flaky");
      expect(got).toHaveLength(1);
      expect(got[0].body).toMatchObject({ topic: "deadlines", link: expect.stringMatching(/^https:\/\/kewu\.test\/complaints\//) });

      // A rerun creates no notification and sends nothing again.
      expect((await runReminders(new Date(), [world.siteA])).created).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(received.filter((r) => r.path === "/flaky")).toHaveLength(1);
      expect(await db.chatDelivery.count({ where: { channelId } })).toBe(1);
    } finally {
      Object.assign(chatRetry, retry);
      await stopReminderQueue();
    }
  }, 40_000);
});

describe("the chat delivery's day is the site's (R-CAL)", () => {
  it("a run at 01:30 in Shanghai (17:30 UTC the day before) files its delivery under the Shanghai date", async () => {
    const channelId = await createChannel({ kind: "WEBHOOK", url: `${base}/local-day`, topics: ["deadlines"] });
    await db.site.update({ where: { id: world.siteA }, data: { timeZone: "Asia/Shanghai" } });
    const reminder = {
      siteId: world.siteA,
      kind: "complaint-rectification-due",
      title: "整改即将到期",
      body: null,
      texts: {},
      link: "/complaints/x",
    };
    // The day as the reminder run passes it: from the site's calendar.
    const calendar = (await loadSiteCalendar(world.siteA))!;
    const at = new Date("2026-12-04T17:30:00Z");
    await sendRemindersToChannels(
      [
        { ...reminder, dedupeKey: "n1" },
        { ...reminder, dedupeKey: "n2" },
      ],
      () => calendar.localDateOf(at),
    );
    const deliveries = await db.chatDelivery.findMany({ where: { channelId }, select: { dedupeKey: true } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].dedupeKey).toMatch(/\|2026-12-05$/);
  });
});

describe("topics of the morning reminders", () => {
  it("health certificates running out go to the health-certificate topic, leave to leave, the rest to deadlines", () => {
    expect(topicOf("contractor.certificate_soon")).toBe("healthCertificates");
    expect(topicOf("contractor.certificate_expired")).toBe("healthCertificates");
    expect(topicOf("meeting.leave_pending")).toBe("leave");
    expect(topicOf("complaint.rectification_due")).toBe("deadlines");
  });
});
