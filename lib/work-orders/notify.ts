import "server-only";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localizedNotification, type NotificationText } from "@/lib/notifications/texts";

type Tx = Prisma.TransactionClient;

export interface OpenedWorkOrder {
  id: string;
  number: string;
  description: string;
}

export interface EngineeringNotice {
  siteId: string;
  recipients: { userId: string; email: string | null; name: string }[];
  messages: { workOrder: OpenedWorkOrder; text: NotificationText }[];
}

/**
 * R-INS-5 (§10.9 立即通知工程部): every active engineer of the site gets an in-app notification for each
 * work order a round opens, written in the round's transaction (so a rolled-back round notifies no one;
 * the dedupe key keeps a replay from notifying twice). Texts in every UI language, as the reminders are.
 * Returns what the e-mail, sent after the commit, needs.
 */
export async function notifyEngineering(tx: Tx, siteId: string, workOrders: OpenedWorkOrder[]): Promise<EngineeringNotice> {
  const engineers = await tx.user.findMany({
    where: { role: "ENGINEER", disabled: false, sites: { some: { siteId } } },
    select: { id: true, email: true, name: true },
  });
  const messages = workOrders.map((workOrder) => {
    const text = localizedNotification((t) => ({
      title: t("workOrders.notify.opened", { number: workOrder.number }),
      body: workOrder.description,
    }));
    return { workOrder, text };
  });
  if (engineers.length > 0 && messages.length > 0)
    await tx.notification.createMany({
      data: engineers.flatMap((engineer) =>
        messages.map(({ workOrder, text }) => ({
          userId: engineer.id,
          siteId,
          kind: "workorder.opened",
          ...text,
          link: `/work-orders/${workOrder.id}`,
          dedupeKey: `workorder:${workOrder.id}:opened:${engineer.id}`,
        })),
      ),
      skipDuplicates: true,
    });
  return { siteId, recipients: engineers.map((e) => ({ userId: e.id, email: e.email, name: e.name })), messages };
}

/**
 * With SMTP configured, the engineers with an e-mail address also get the new work orders by mail, at
 * once (not in the next morning's reminder digest). Called after the round's transaction committed;
 * never throws: a mail server that is down must not fail the round that was already saved.
 */
export async function emailEngineering(notice: EngineeringNotice, config: { url?: string; from?: string; baseUrl?: string } = {}) {
  try {
    const url = config.url ?? env().SMTP_URL;
    const to = notice.recipients.filter((r) => r.email);
    if (!url || to.length === 0 || notice.messages.length === 0) return;
    // Loaded on the first mail (an instance without SMTP never loads it).
    const { default: nodemailer } = await import("nodemailer");
    const transport = nodemailer.createTransport(url);
    const from = config.from ?? env().SMTP_FROM;
    const baseUrl = (config.baseUrl ?? env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
    // The reference language (zh-CN) is the mail's language, as for the reminder digest.
    const subject = notice.messages.map((m) => m.text.title).join("；");
    const text = notice.messages
      .map(({ workOrder, text: t }) => `• ${t.title}${t.body ? `\n  ${t.body}` : ""}\n  ${baseUrl}/work-orders/${workOrder.id}`)
      .join("\n\n");
    for (const recipient of to) {
      try {
        await transport.sendMail({ from, to: recipient.email!, subject: subject.slice(0, 200), text });
      } catch (err) {
        console.error(`[work-orders] email to user ${recipient.userId} failed`, err);
      }
    }
  } catch (err) {
    console.error("[work-orders] email failed", err);
  }
}
