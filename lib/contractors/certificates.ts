import "server-only";
import { localDateOfColumn, type LocalDate } from "@/lib/calendar";
import { db } from "@/lib/db";
import { certificateState, isCertificateFlagged, type CertificateState } from "./rules";

export interface StaffCertificate {
  staffId: string;
  siteId: string;
  name: string;
  contractorName: string;
  certificateId: string | null;
  number: string | null;
  expiresOn: LocalDate | null;
  state: CertificateState;
}

/**
 * The current 健康证 of every active catering employee of `siteIds` (§11.3(4)): the one with the latest
 * expiry, and its state on `today`. One query; callers have checked the sites.
 */
export async function cateringCertificates(siteIds: string[], today: LocalDate): Promise<StaffCertificate[]> {
  if (siteIds.length === 0) return [];
  const staff = await db.cleaner.findMany({
    where: { siteId: { in: siteIds }, active: true, contractor: { kind: "CATERING", active: true } },
    select: {
      id: true,
      siteId: true,
      name: true,
      contractor: { select: { name: true } },
      healthCertificates: { select: { id: true, number: true, expiresOn: true }, orderBy: { expiresOn: "desc" }, take: 1 },
    },
    orderBy: [{ siteId: "asc" }, { name: "asc" }],
  });
  return staff.map((s) => {
    const current = s.healthCertificates[0];
    const expiresOn = current ? localDateOfColumn(current.expiresOn) : null;
    return {
      staffId: s.id,
      siteId: s.siteId,
      name: s.name,
      contractorName: s.contractor?.name ?? "",
      certificateId: current?.id ?? null,
      number: current?.number ?? null,
      expiresOn,
      state: certificateState(expiresOn, today),
    };
  });
}

/** R-CAT-1: catering staff who cannot show a valid 健康证 today — flagged on every canteen check until renewed. */
export async function flaggedCertificates(siteIds: string[], today: LocalDate): Promise<StaffCertificate[]> {
  return (await cateringCertificates(siteIds, today)).filter((c) => isCertificateFlagged(c.state));
}
