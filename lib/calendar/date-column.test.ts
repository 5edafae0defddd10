import { describe, expect, it } from "vitest";
import { dateColumn, localDateOfColumn } from "./date-column";
import { withServerZone } from "./test-support";

describe("@db.Date columns", () => {
  it("a local date is stored at UTC midnight and read back as the same day", () => {
    expect(dateColumn("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(localDateOfColumn(dateColumn("2026-12-31"))).toBe("2026-12-31");
  });

  it("does not depend on the server's zone (R-CAL-2)", () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Shanghai"])
      expect(withServerZone(zone, () => localDateOfColumn(dateColumn("2026-03-01")))).toBe("2026-03-01");
  });

  it("refuses what is no local date", () => {
    expect(() => dateColumn("2026-02-30")).toThrow(RangeError);
    expect(() => dateColumn("2026-03-01T00:00")).toThrow(RangeError);
  });
});
