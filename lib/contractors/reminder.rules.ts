/**
 * Health-certificate reminders (§11.3(4), R-CAT-1), pure: which notifications are due today. A
 * certificate within 30 days of its expiry is announced once; once it has expired, once more. The
 * site's managers and coordination supervisors (客户协调主管, who checks the canteen) hear of it.
 * Pure: no I/O; the source (reminders.ts) loads and writes.
 */
import type { SiteMember } from "@/lib/reminders/source";
import { CERTIFICATE_WARNING_DAYS, certificateState } from "./rules";

export interface CertificateForReminder {
  certificateId: string;
  staffName: string;
  contractorName: string;
  expiresOn: string;
}

export interface CertificateNotice {
  userId: string;
  kind: "contractor.certificate_soon" | "contractor.certificate_expired";
  certificate: CertificateForReminder;
  dedupeKey: string;
}

/** Who hears of the canteen's certificates: managers and coordination supervisors, active. */
export const certificateRecipients = (members: readonly SiteMember[]) =>
  members
    .filter((m) => !m.disabled && (m.role === "MANAGER" || (m.role === "SUPERVISOR" && m.duty === "COORDINATION")))
    .map((m) => m.userId);

export function computeCertificateNotices(input: {
  certificates: readonly CertificateForReminder[];
  members: readonly SiteMember[];
  today: string;
}): CertificateNotice[] {
  const recipients = certificateRecipients(input.members);
  const notices: CertificateNotice[] = [];
  for (const certificate of input.certificates) {
    const state = certificateState(certificate.expiresOn, input.today);
    if (state !== "expiringSoon" && state !== "expired") continue;
    const which = state === "expired" ? "expired" : "soon";
    for (const userId of recipients)
      notices.push({
        userId,
        kind: state === "expired" ? "contractor.certificate_expired" : "contractor.certificate_soon",
        certificate,
        // Once per certificate and stage: a rerun, or the next day's run, adds nothing.
        dedupeKey: `healthcert:${certificate.certificateId}:${which}:${userId}`,
      });
  }
  return notices;
}

export { CERTIFICATE_WARNING_DAYS };
