import { describe, expect, it } from "vitest";
import type { SiteMember } from "@/lib/reminders/source";
import { computeCertificateNotices } from "./reminder.rules";

const members: SiteMember[] = [
  { userId: "m", role: "MANAGER", disabled: false },
  { userId: "coord", role: "SUPERVISOR", disabled: false, duty: "COORDINATION" },
  { userId: "clean", role: "SUPERVISOR", disabled: false, duty: "CLEANING" },
  { userId: "gone", role: "MANAGER", disabled: true },
  { userId: "desk", role: "FRONT_DESK", disabled: false },
];
const cert = (expiresOn: string) => ({ certificateId: "c1", staffName: "赵厨师", contractorName: "美味送餐", expiresOn });

describe("health-certificate reminders (R-CAT-1, §11.3(4))", () => {
  it("nothing 31 days ahead; 'soon' from 30 days ahead, to managers and coordination supervisors only", () => {
    expect(computeCertificateNotices({ certificates: [cert("2026-07-20")], members, today: "2026-06-19" })).toEqual([]);
    const soon = computeCertificateNotices({ certificates: [cert("2026-07-20")], members, today: "2026-06-20" });
    expect(soon.map((n) => [n.userId, n.kind, n.dedupeKey])).toEqual([
      ["m", "contractor.certificate_soon", "healthcert:c1:soon:m"],
      ["coord", "contractor.certificate_soon", "healthcert:c1:soon:coord"],
    ]);
  });

  it("the same key every day of the window (sent once); a new key once expired", () => {
    const later = computeCertificateNotices({ certificates: [cert("2026-07-20")], members, today: "2026-07-20" });
    expect(later[0]!.dedupeKey).toBe("healthcert:c1:soon:m");
    const expired = computeCertificateNotices({ certificates: [cert("2026-07-20")], members, today: "2026-07-21" });
    expect(expired.map((n) => n.dedupeKey)).toEqual(["healthcert:c1:expired:m", "healthcert:c1:expired:coord"]);
  });
});
