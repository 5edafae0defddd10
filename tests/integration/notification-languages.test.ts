/**
 * Notifications in the reader's UI language: texts are stored in every language when a notification is
 * created (lib/notifications/texts.ts) and the notifications list shows the one of the locale cookie,
 * Chinese for rows stored before translations existed.
 *
 * The UI language is the `kewu-locale` cookie, read through next/headers; outside a request that throws
 * (and the app falls back to Chinese), so this file stands in a cookie store for it. Everything else —
 * session, permission, the query — runs for real.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { listNotifications } from "@/lib/notifications/queries";
import { pageRequest } from "@/lib/pagination";
import { runReminders } from "@/lib/reminders/run";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

const cookie = vi.hoisted(() => ({ locale: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === LOCALE_COOKIE && cookie.locale ? { name, value: cookie.locale } : undefined),
  }),
}));

let world: World;
let complaint: { id: string; number: string };
const sh = (local: string) => new Date(`${local}+08:00`);

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  complaint = await db.complaint.create({
    data: {
      number: "SA-T-LANG",
      requestId: newRequestId(),
      siteId: world.siteA,
      tenantId: world.a.tenant,
      departmentId: world.a.department,
      source: "PHONE",
      category: "CLEANING",
      severity: "GENERAL",
      description: "语言测试",
      receivedAt: sh("2026-02-27T10:00:00"),
      receivedById: world.users.FRONT_DESK,
      state: "RECEIVED",
      round: 1,
      rectificationDueAt: sh("2026-03-02T23:59:59.999"),
    },
    select: { id: true, number: true },
  });
  // Tuesday 2026-03-03: the rectification deadline passed yesterday.
  await runReminders(sh("2026-03-03T09:00:00"), [world.siteA]);
  // A notification stored before translations existed.
  await db.notification.create({
    data: { userId: world.users.MANAGER, siteId: world.siteA, kind: "legacy", title: "旧通知", body: "旧正文", dedupeKey: "legacy:1" },
  });
  await signInAs(world.users.MANAGER);
});

beforeEach(() => {
  cookie.locale = undefined;
});

async function shown() {
  const page = await listNotifications(pageRequest("1"));
  return new Map(page.rows.map((r) => [r.kind === "legacy" ? "legacy" : r.link, { title: r.title, body: r.body }]));
}

describe("the notifications list in the reader's language", () => {
  it("English when the UI is switched to English, the step name included", async () => {
    cookie.locale = "en";
    expect((await shown()).get(`/complaints/${complaint.id}`)).toEqual({
      title: `Overdue: complaint ${complaint.number} not rectified`,
      body: "测试项目A · Rectification due 2026-03-02 23:59 (round 1)",
    });
  });

  it("Chinese with the zh-CN cookie and without any cookie", async () => {
    const chinese = {
      title: `已逾期：投诉 ${complaint.number} 整改未完成`,
      body: "测试项目A · 整改期限 2026-03-02 23:59（第 1 轮）",
    };
    cookie.locale = "zh-CN";
    expect((await shown()).get(`/complaints/${complaint.id}`)).toEqual(chinese);
    cookie.locale = undefined;
    expect((await shown()).get(`/complaints/${complaint.id}`)).toEqual(chinese);
  });

  it("rows stored before translations existed stay Chinese in English", async () => {
    cookie.locale = "en";
    expect((await shown()).get("legacy")).toEqual({ title: "旧通知", body: "旧正文" });
  });
});
