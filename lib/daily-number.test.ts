import { describe, expect, it } from "vitest";
import { formatDailyNumber } from "./daily-number";

describe("per-site daily numbers", () => {
  it("print the site code, the local date and a three-digit sequence (R-CMP-1, R-GP-3)", () => {
    expect(formatDailyNumber("COMPLAINT", "HQ", "2026-11-27", 3)).toBe("HQ-20261127-003");
    expect(formatDailyNumber("GOODS_PASS", "HQ", "2026-11-27", 7)).toBe("HQ-20261127-007");
  });

  it("mark work orders (R-INS-5) and keep sequences past 999", () => {
    expect(formatDailyNumber("WORK_ORDER", "SH-2", "2026-01-05", 12)).toBe("WO-SH-2-20260105-012");
    expect(formatDailyNumber("COMPLAINT", "HQ", "2026-11-27", 1000)).toBe("HQ-20261127-1000");
  });

  it("mark payment notices of special services (R-SVC-2)", () => {
    expect(formatDailyNumber("PAYMENT_NOTICE", "HQ", "2026-10-10", 2)).toBe("JF-HQ-20261010-002");
  });
});
