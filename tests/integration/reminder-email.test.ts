/**
 * With SMTP configured, reminders are also emailed (one digest per person with an email
 * address) through a real SMTP conversation with a local server; without SMTP nothing is sent and
 * nothing fails.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { emailDelivery } from "@/lib/reminders/email";
import { runReminders } from "@/lib/reminders/run";
import { buildWorld, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { newRequestId } from "@/lib/request-id";

let world: World;
const received: { to: string[]; data: string }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
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
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The text body of a single-part message, decoded from its transfer encoding. */
function decodeBody(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable")
    return Buffer.from(
      body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  return body;
}

async function overdueComplaint(tag: string) {
  const now = Date.now();
  return db.complaint.create({
    data: {
      number: `SA-MAIL-${tag}`,
      requestId: newRequestId(),
      siteId: world.siteA,
      tenantId: world.a.tenant,
      departmentId: world.a.department,
      source: "PHONE",
      category: "REPAIR",
      severity: "MAJOR",
      description: "电梯异响",
      receivedAt: new Date(now - 3 * 86400_000),
      receivedById: world.users.FRONT_DESK,
      state: "IN_RECTIFICATION",
      rectificationDueAt: new Date(now - 86400_000),
    },
  });
}

describe("reminder emails", () => {
  it("sends one digest to each responsible person who has an email address", async () => {
    await db.user.update({ where: { id: world.users.SUPERVISOR }, data: { email: "supervisor@kewu.test" } });
    await db.user.update({ where: { id: world.users.MANAGER }, data: { email: "manager@kewu.test" } });
    const complaint = await overdueComplaint("1");

    const result = await runReminders(new Date(), [world.siteA], {
      deliver: emailDelivery({ url: `smtp://127.0.0.1:${port}`, from: "客务 <no-reply@kewu.test>", baseUrl: "https://kewu.test" }),
    });
    expect(result.created).toBeGreaterThan(0);
    expect(received.map((m) => m.to[0]).sort()).toEqual(["manager@kewu.test", "supervisor@kewu.test"]);
    const mail = received.find((m) => m.to[0] === "supervisor@kewu.test")!.data;
    expect(mail).toMatch(/Subject: =\?UTF-8\?/); // the Chinese subject is encoded
    const body = decodeBody(mail);
    expect(body).toContain(`https://kewu.test/complaints/${complaint.id}`);
    expect(body).toContain("您好");
  });

  it("without SMTP nothing is sent and the in-app notifications are still created", async () => {
    const before = received.length;
    await overdueComplaint("2");
    const result = await runReminders(new Date(), [world.siteA], { deliver: emailDelivery({ url: "" }) });
    expect(result.created).toBeGreaterThan(0);
    expect(received.length).toBe(before);
  });

  it("an unreachable mail server does not fail the run", async () => {
    await overdueComplaint("3");
    const result = await runReminders(new Date(), [world.siteA], { deliver: emailDelivery({ url: "smtp://127.0.0.1:1" }) });
    expect(result.created).toBeGreaterThan(0);
  });
});
