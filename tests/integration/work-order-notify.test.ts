/**
 * R-INS-5 (§10.9 立即通知工程部): a round that opens a work order tells the site's engineers at once —
 * an in-app notification in every UI language, written with the round, and, with SMTP configured, an
 * e-mail sent after the commit through a real SMTP conversation. A mail server that refuses does not
 * fail the round.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { submitInspectionAction } from "@/lib/inspections/actions";
import { newRequestId } from "@/lib/request-id";
import { createCalendar } from "@/lib/calendar";
import { fixClock } from "../support/clock";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
let world: World;
let template: { id: string; items: { id: string; equipment: boolean }[] };
const received: { to: string[]; data: string }[] = [];
let server: SMTPServer;

beforeAll(async () => {
  fixClock();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Before anything reads the environment (lib/env caches it on first use in this test file's modules).
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  await resetDatabase();
  world = await buildWorld();
  await db.site.update({
    where: { id: world.siteA },
    data: { slot1Start: "00:00", slot1End: "23:59", slot2Start: "00:00", slot2End: "23:59", inspectOnWeekends: true },
  });
  await db.user.update({ where: { id: world.users.ENGINEER }, data: { email: "engineer@example.com" } });
  // A second engineer without e-mail, and one of another site only: the first is told in the app, the second not at all.
  await db.user.create({
    data: { username: "eng2", name: "工程二", role: "ENGINEER", passwordHash: "x", sites: { create: [{ siteId: world.siteA }] } },
  });
  await db.user.create({
    data: {
      username: "engb",
      name: "工程B",
      role: "ENGINEER",
      passwordHash: "x",
      email: "b@example.com",
      sites: { create: [{ siteId: world.siteB }] },
    },
  });
  template = await db.checklistTemplate.create({
    data: {
      areaType: "LOBBY",
      version: 1,
      current: true,
      items: {
        create: [
          { position: 1, label: "地面清洁无污渍" },
          { position: 2, label: "照明灯具完好", equipment: true },
        ],
      },
    },
    select: { id: true, items: { orderBy: { position: "asc" }, select: { id: true, equipment: true } } },
  });
});

afterAll(async () => {
  vi.useRealTimers();
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function failedLamp(periodKey: string) {
  return {
    requestId: newRequestId(),
    areaId: world.a.area,
    periodKey,
    templateId: template.id,
    results: [
      { itemId: template.items[0].id, result: "PASS", note: "", photoFileIds: [] },
      { itemId: template.items[1].id, result: "FAIL", note: "东侧筒灯不亮", photoFileIds: [] },
    ],
  };
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

describe("a round that opens a work order", () => {
  it("notifies every engineer of the site in the app at once, and e-mails those with an address", async () => {
    await signInAs(world.users.SUPERVISOR);
    const input = failedLamp(`${shanghai.localDateOf(new Date())}#1`);
    const result = await submitInspectionAction(input);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const workOrder = await db.workOrder.findFirstOrThrow();

    const notes = await db.notification.findMany({
      where: { kind: "workorder.opened" },
      include: { user: { select: { username: true } } },
    });
    expect(notes.map((x) => x.user.username).toSorted()).toEqual(["eng2", "engineer"]);
    expect(notes[0]).toMatchObject({ siteId: world.siteA, link: `/work-orders/${workOrder.id}`, readAt: null });
    expect(notes[0].title).toContain(workOrder.number);
    expect(notes[0].body).toContain("东侧筒灯不亮");
    expect((notes[0].texts as { en: { title: string } }).en.title).toContain("New work order");

    await until(() => received.length > 0);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["engineer@example.com"]);
    const body = received[0].data.replace(/=\r?\n/g, "");
    expect(body).toContain(`/work-orders/${workOrder.id}`);
    expect(body).toContain(workOrder.number);

    // A replay notifies no one twice.
    expect(await submitInspectionAction(input)).toMatchObject({ ok: true });
    expect(await db.notification.count({ where: { kind: "workorder.opened" } })).toBe(2);
  });

  it("a mail server that is down does not fail the round; the in-app notice is there", async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await signInAs(world.users.SUPERVISOR);
    const result = await submitInspectionAction(failedLamp(`${shanghai.localDateOf(new Date())}#2`));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect(await db.notification.count({ where: { kind: "workorder.opened" } })).toBe(4);
    await new Promise((r) => setTimeout(r, 300));
  });
});
