import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/server";
import type { DeliverDigests, UserDigest } from "./source";

/**
 * With SMTP configured, each person with an email address also gets one digest of the
 * reminders a run created. Without SMTP this returns undefined and nothing is sent (nothing fails).
 */
export function emailDelivery(config: { url?: string; from?: string; baseUrl?: string } = {}): DeliverDigests | undefined {
  const url = config.url ?? env().SMTP_URL;
  if (!url) return undefined;
  // The mail library is loaded with the first digest (an instance without SMTP never loads it).
  const transport = () => import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(url));
  const from = config.from ?? env().SMTP_FROM;
  const baseUrl = (config.baseUrl ?? env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  // The digest repeats the notifications' reference-language texts, so it is written in that language too.
  const t = translator(DEFAULT_LOCALE);

  return async (digests: UserDigest[]) => {
    const users = await db.user.findMany({
      where: { id: { in: digests.map((d) => d.userId) }, disabled: false, email: { not: null } },
      select: { id: true, name: true, email: true },
    });
    if (users.length === 0) return;
    const mailer = await transport();
    for (const user of users) {
      const digest = digests.find((d) => d.userId === user.id);
      if (!digest || !user.email) continue;
      const lines = digest.notifications.map(
        (n) => `• ${n.title}${n.body ? `\n  ${n.body}` : ""}${n.link ? `\n  ${baseUrl}${n.link}` : ""}`,
      );
      try {
        await mailer.sendMail({
          from,
          to: user.email,
          subject: t("notifications.email.subject", { count: digest.notifications.length }),
          text: `${t("notifications.email.greeting", { name: user.name })}\n\n${lines.join("\n\n")}\n\n${t("notifications.email.footer")}`,
        });
      } catch (err) {
        // One bad address must not keep the others from their reminders.
        console.error(`[reminders] email to user ${user.id} failed`, err);
      }
    }
  };
}
