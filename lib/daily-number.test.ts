import { describe, expect, it } from "vitest";
import { formatDailyNumber, numberPrefixFilter } from "./daily-number";

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

describe("a search term as the start of a number", () => {
  it("matches the numbers it starts, in any case, as an index range and an exact prefix", () => {
    expect(numberPrefixFilter(" hq-2026 ")).toEqual({ gte: "HQ-2026", lt: "HQ-2026\u{10FFFF}", startsWith: "HQ-2026" });
    expect(numberPrefixFilter("wo-sh-2")).toMatchObject({ startsWith: "WO-SH-2" });
  });

  it("is no condition for a term that cannot start a number (a tenant's name, spaces inside)", () => {
    expect(numberPrefixFilter("绿叶科技")).toBeNull();
    expect(numberPrefixFilter("HQ 2026")).toBeNull();
    expect(numberPrefixFilter("")).toBeNull();
  });
});
