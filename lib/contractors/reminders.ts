import "server-only";
import { addDays, dateColumn, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { localizedNotification } from "@/lib/notifications/texts";
import type { NotificationRow, ReminderSource } from "@/lib/reminders/source";
import { CERTIFICATE_WARNING_DAYS, computeCertificateNotices } from "./reminder.rules";

/**
 * 健康证 reminders for the reminder run (§11.3(4), R-CAT-1): 30 days before a catering employee's
 * current certificate expires, and when it has expired. One query whatever the number of sites: the
 * latest certificate of each active catering employee whose expiry is at most 30 days away.
 */
export const contractorReminders: ReminderSource = {
  name: "contractors",
  async collect({ now, sites, calendars, membersOf }) {
    const siteIds = sites.map((s) => s.id);
    if (siteIds.length === 0) return { rows: [], reminders: 0 };
    const latestToday = sites
      .map((s) => calendars.get(s.id)!.localDateOf(now))
      .sort()
      .at(-1)!;
    const staff = await db.cleaner.findMany({
      where: {
        siteId: { in: siteIds },
        active: true,
        contractor: { kind: "CATERING", active: true },
        healthCertificates: { some: { expiresOn: { lte: dateColumn(addDays(latestToday, CERTIFICATE_WARNING_DAYS)) } } },
      },
      select: {
        siteId: true,
        name: true,
        contractor: { select: { name: true } },
        healthCertificates: { select: { id: true, expiresOn: true }, orderBy: { expiresOn: "desc" }, take: 1 },
      },
    });

    const rows: NotificationRow[] = [];
    let reminders = 0;
    for (const site of sites) {
      const today = calendars.get(site.id)!.localDateOf(now);
      const certificates = staff
        .filter((s) => s.siteId === site.id && s.healthCertificates[0])
        .map((s) => ({
          certificateId: s.healthCertificates[0]!.id,
          staffName: s.name,
          contractorName: s.contractor?.name ?? "",
          expiresOn: localDateOfColumn(s.healthCertificates[0]!.expiresOn),
        }));
      const notices = computeCertificateNotices({ certificates, members: membersOf(site.id), today });
      reminders += new Set(notices.map((n) => n.dedupeKey.split(":").slice(0, 3).join(":"))).size;
      for (const n of notices)
        rows.push({
          userId: n.userId,
          siteId: site.id,
          kind: n.kind,
          link: "/contractors",
          dedupeKey: n.dedupeKey,
          ...localizedNotification((t) => ({
            title: t(
              n.kind === "contractor.certificate_soon"
                ? "notifications.contractors.certificateSoon"
                : "notifications.contractors.certificateExpired",
              {
                name: n.certificate.staffName,
                date: n.certificate.expiresOn,
              },
            ),
            body: t("notifications.contractors.certificateBody", { site: site.name, company: n.certificate.contractorName }),
          })),
        });
    }
    return { rows, reminders };
  },
};
