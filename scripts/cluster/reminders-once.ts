// The cluster test's "reminders fire once" at the notification level. Both instances run the reminder
// tick (every minute in the test); each process runs a site once per local day when the site's morning
// is due (lib/reminders/schedule.ts), so every process runs it: the unique Notification.dedupeKey and
// the chat delivery's dedupe key (lib/reminders/run.ts, lib/chat-channels/reminders.ts) must leave one
// in-app notification per (recipient, complaint, day) and one chat message per (complaint, day).
//
// Setup, before the instances start (direct rows, not under test): a site of its own whose time zone
// puts it in the afternoon now (so its morning run is due whatever the hour of the test), with a
// manager and a supervisor, and TODAY MARKED A HOLIDAY, so that no run touches the site yet.
// Then through the balancer, as that manager: a chat channel (a plain webhook) to a receiver this
// script serves, a major complaint received five days ago (overdue, R-CMP-2), and today set to a
// working day: from the next tick on, every process finds the site due.

import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import type PgBoss from "pg-boss";
import { dateColumn } from "../../lib/calendar/date-column";
import { localDateInZone } from "../../lib/calendar/local-date";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { callAction, type ActionRoute, type Session } from "../faults/http";
import { INSTANCES, sleep, type Check, type Instance } from "./parts";

export interface ReminderSite {
  siteId: string;
  timeZone: string;
  today: string;
  tenantId: string;
  departmentId: string;
  usernames: { manager: string; supervisor: string };
}

/** An Etc/GMT zone where it is about 13:00 now: after the 08:30 morning run, far from midnight. */
function afternoonZone(now: Date): string {
  const offset = 13 - now.getUTCHours(); // -10 … +13
  // Etc/GMT-N is UTC+N (POSIX sign).
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

export async function prepareReminderSite(db: PrismaClient, passwordHash: string, tag: string): Promise<ReminderSite> {
  const timeZone = afternoonZone(new Date());
  const today = localDateInZone(new Date(), timeZone);
  const code = `R${tag.slice(-6).toUpperCase()}`;
  const site = await db.site.create({ data: { code, name: `提醒演练${code}`, timeZone }, select: { id: true } });
  const usernames = { manager: `rem_mgr_${tag}`, supervisor: `rem_sup_${tag}` };
  for (const [username, role] of [
    [usernames.manager, "MANAGER"],
    [usernames.supervisor, "SUPERVISOR"],
  ] as const)
    await db.user.create({ data: { username, name: username, role, passwordHash, sites: { create: [{ siteId: site.id }] } } });
  const tenant = await db.tenant.create({ data: { siteId: site.id, name: `提醒业户${code}` }, select: { id: true } });
  const department = await db.department.create({
    data: { siteId: site.id, name: `工程部${code}`, kind: "ENGINEERING" },
    select: { id: true },
  });
  await db.calendarOverride.create({ data: { siteId: site.id, date: dateColumn(today), kind: "HOLIDAY", note: "集群演练：先不提醒" } });
  return { siteId: site.id, timeZone, today, tenantId: tenant.id, departmentId: department.id, usernames };
}

/** The chat webhook: counts the POSTs it receives. */
export async function startChatReceiver(port: number): Promise<{ url: string; posts: { at: number; body: string }[]; server: Server }> {
  const posts: { at: number; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "POST") posts.push({ at: Date.now(), body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/kewu-hook`, posts, server };
}

export interface Arranged {
  complaintId: string;
  complaintNumber: string;
  channelId: string;
  /** Each instance's log length when the site became due: later runs are counted from there. */
  logOffsets: Record<Instance, number>;
  problems: string[];
}

/** Through the balancer, as the site's manager: channel, overdue complaint, today a working day. */
export async function arrangeReminder(input: {
  session: Session;
  site: ReminderSite;
  hookUrl: string;
  logFiles: Record<Instance, string>;
  routes: { createChatChannelAction: ActionRoute; createComplaintAction: ActionRoute; setCalendarOverrideAction: ActionRoute };
}): Promise<Arranged> {
  const { session, site, routes } = input;
  const problems: string[] = [];
  const say = (what: string, r: { ok: boolean; code?: string; message?: string }) => {
    if (!r.ok) problems.push(`${what} refused: ${r.code} ${r.message}`);
  };
  const channel = await callAction(session, routes.createChatChannelAction, {
    requestId: randomUUID(),
    siteId: site.siteId,
    kind: "WEBHOOK",
    name: "集群演练群",
    url: input.hookUrl,
    topics: ["deadlines"],
    locale: "zh-CN",
  });
  say("chat channel", channel);
  const complaint = await callAction(session, routes.createComplaintAction, {
    requestId: randomUUID(),
    siteId: site.siteId,
    tenantId: site.tenantId,
    source: "PHONE",
    category: "REPAIR",
    severity: "MAJOR", // R-CMP-2: one working day, long past for a complaint received five days ago
    description: "集群演练：电梯困人后复查",
    departmentId: site.departmentId,
    receivedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
  });
  say("complaint", complaint);
  const logOffsets = {} as Record<Instance, number>;
  for (const name of INSTANCES) logOffsets[name] = (await readFile(input.logFiles[name], "utf8")).length;
  const workday = await callAction(session, routes.setCalendarOverrideAction, {
    siteId: site.siteId,
    date: site.today,
    kind: "WORKDAY",
    note: "集群演练：今天提醒",
    version: 0,
  });
  say("working day", workday);
  const data = (r: typeof complaint) => (r.ok ? (r.data as { id: string; number?: string }) : { id: "", number: "" });
  return {
    complaintId: data(complaint).id,
    complaintNumber: data(complaint).number ?? "",
    channelId: data(channel).id,
    logOffsets,
    problems,
  };
}

const RUN_LINE = /\[jobs\] reminders for (\d+) site\(s\): (\d+) new notification\(s\)/g;

/**
 * Waits until both instances have run reminders since the site became due (sending extra ticks when
 * one has not: whichever worker polls first takes a tick), then counts notifications and chat posts.
 */
export async function remindersOnceCheck(input: {
  db: PrismaClient;
  boss: PgBoss;
  tickQueue: string;
  site: ReminderSite;
  arranged: Arranged;
  posts: { at: number; body: string }[];
  logFiles: Record<Instance, string>;
}): Promise<Check> {
  const { db, site, arranged, posts } = input;
  const name = "reminders fire once across the cluster: one notification per person and item and day, one chat message";
  if (arranged.problems.length > 0 || !arranged.complaintId) return { name, passed: false, figures: arranged.problems.join("\n") };
  const link = `/complaints/${arranged.complaintId}`;
  const runsOf = async (n: Instance) =>
    [...(await readFile(input.logFiles[n], "utf8")).slice(arranged.logOffsets[n]).matchAll(RUN_LINE)].map((m) => ({
      sites: Number(m[1]),
      created: Number(m[2]),
    }));
  const runs = {} as Record<Instance, { sites: number; created: number }[]>;
  let ticksSent = 0;
  const started = Date.now();
  // Both workers poll every 2 s; a jittered pace keeps the ticks from always meeting the same one.
  for (const deadline = Date.now() + 150_000; Date.now() < deadline; await sleep(1_000 + Math.random() * 2_000)) {
    for (const n of INSTANCES) runs[n] = await runsOf(n);
    const notified = await db.notification.count({ where: { link } });
    if (INSTANCES.every((n) => runs[n].length > 0) && notified > 0 && posts.length > 0) break;
    // A singleton queue: refused (null) while a tick is queued or running.
    if (await input.boss.send(input.tickQueue, {}).catch(() => null)) ticksSent++;
  }
  const waited = Date.now() - started;
  // A late duplicate would come from the other instance's run or a retried chat job: give it time.
  await sleep(12_000);
  for (const n of INSTANCES) runs[n] = await runsOf(n);

  const notifications = await db.notification.findMany({ where: { link }, select: { userId: true, kind: true, dedupeKey: true } });
  const members = await db.userSite.findMany({
    where: { siteId: site.siteId },
    select: { userId: true, user: { select: { username: true } } },
  });
  const perUser = members.map((m) => ({
    username: m.user.username,
    count: notifications.filter((x) => x.userId === m.userId && x.dedupeKey.includes(`:${site.today}:`)).length,
  }));
  const deliveries = await db.chatDelivery.findMany({ where: { channelId: arranged.channelId }, select: { state: true, attempts: true } });
  const aboutIt = posts.filter((p) => p.body.includes(arranged.complaintNumber));
  const figures = [
    `site in ${site.timeZone}, local day ${site.today}; complaint ${arranged.complaintNumber} (major, received 5 days ago) overdue`,
    ...INSTANCES.map(
      (n) =>
        `${n}: ${runs[n].length} reminder run(s) since the day became working: ${runs[n].map((r) => `${r.sites} site(s), ${r.created} new`).join("; ") || "none"}`,
    ),
    `waited ${(waited / 1000).toFixed(0)} s (extra ticks queued by the test: ${ticksSent}), then 12 s more`,
    `in-app notifications for the complaint: ${notifications.length} (${perUser.map((u) => `${u.username} ${u.count}`).join(", ")}); kinds ${[...new Set(notifications.map((x) => x.kind))].join(", ")}`,
    `chat deliveries stored: ${deliveries.length} (${deliveries.map((d) => `${d.state}, ${d.attempts} attempt(s)`).join("; ")}); webhook POSTs received: ${posts.length}, naming ${arranged.complaintNumber}: ${aboutIt.length}`,
  ];
  const passed =
    INSTANCES.every((n) => runs[n].length > 0) &&
    members.length === 2 &&
    perUser.every((u) => u.count === 1) &&
    notifications.length === 2 &&
    deliveries.length === 1 &&
    deliveries[0].state === "SENT" &&
    posts.length === 1 &&
    aboutIt.length === 1;
  return { name, passed, figures: figures.join("\n") };
}
