import { describe, expect, it } from "vitest";
import { CreateComplaintSchema, RecordRectificationSchema, RecordRevisitSchema } from "@/lib/complaints/schema";
import { CreateGoodsPassSchema } from "@/lib/goods-passes/schema";
import { MESSAGES } from "@/lib/i18n/messages";
import { parseInstant } from "@/lib/validation";

/**
 * R-CAL-2: an instant a form sends carries its offset; a bare local time would be read in the
 * server's zone, so every schema that takes an instant refuses it, with a message next to the field.
 */
const complaint = {
  requestId: "3f2b8c1e-6a4d-4e7b-9c2a-1b5d8e9f0a12",
  siteId: "s",
  tenantId: "t",
  source: "PHONE",
  category: "CLEANING",
  severity: "GENERAL",
  description: "漏水",
  departmentId: "d",
};
const goodsPass = {
  requestId: "3f2b8c1e-6a4d-4e7b-9c2a-1b5d8e9f0a12",
  siteId: "s",
  tenantId: "t",
  unitId: "u",
  direction: "IN",
  carrierName: "张三",
  carrierIdLast4: "123X",
  routeId: "r",
  windowStart: "2026-03-02T00:00:00.000Z",
  windowEnd: "2026-03-02T02:00:00.000Z",
  items: [{ name: "纸箱", quantity: 2, unit: "箱" }],
};
const step = { complaintId: "c", round: 1 };

/** The field messages of a failed parse, by path. */
function messagesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("instants need their offset (R-CAL-2)", () => {
  const cases = [
    ["receivedAt", (v: string) => CreateComplaintSchema.safeParse({ ...complaint, receivedAt: v })],
    ["rectifiedAt", (v: string) => RecordRectificationSchema.safeParse({ ...step, actionTaken: "已修", rectifiedAt: v })],
    [
      "revisitedAt",
      (v: string) =>
        RecordRevisitSchema.safeParse({ ...step, method: "PHONE", satisfaction: "SATISFIED", clientName: "李四", revisitedAt: v }),
    ],
    ["windowStart", (v: string) => CreateGoodsPassSchema.safeParse({ ...goodsPass, windowStart: v })],
    ["windowEnd", (v: string) => CreateGoodsPassSchema.safeParse({ ...goodsPass, windowEnd: v })],
  ] as const;

  for (const [field, parse] of cases) {
    it(`${field}: a local time without offset is refused with the offset message`, () => {
      for (const bare of ["2026-03-02T09:00", "2026-03-02T09:00:00", "2026-03-02T09:00:00.000", "2026-03-02 09:00"]) {
        const result = parse(bare);
        expect(result.success, bare).toBe(false);
        expect(messagesOf(result)[field], bare).toBe("validation.instantOffset");
      }
    });

    it(`${field}: the same time with Z or an explicit offset is accepted as that instant`, () => {
      for (const [withOffset, iso] of [
        ["2026-03-02T01:00:00.000Z", "2026-03-02T01:00:00.000Z"],
        ["2026-03-02T09:00+08:00", "2026-03-02T01:00:00.000Z"],
        ["2026-03-02T09:00:00.000+08:00", "2026-03-02T01:00:00.000Z"],
      ]) {
        const result = parse(withOffset);
        expect(result.success, withOffset).toBe(true);
        const data = result.data as unknown as Record<string, Date>;
        expect(data[field].toISOString()).toBe(iso);
      }
    });

    it(`${field}: no date-time at all keeps the field's own message`, () => {
      const result = parse("not a date");
      expect(result.success).toBe(false);
      expect(messagesOf(result)[field]).not.toBe("validation.instantOffset");
    });
  }

  it("the offset message is written in Chinese first", () => {
    expect(MESSAGES["zh-CN"].validation.instantOffset).toMatch(/时区/);
    expect(MESSAGES.en.validation.instantOffset).toBeTruthy();
  });

  it("an empty complaint time still means now (the mutation fills it in)", () => {
    const result = CreateComplaintSchema.safeParse({ ...complaint, receivedAt: "" });
    expect(result.success).toBe(true);
    expect(result.data?.receivedAt).toBeUndefined();
  });

  it("GET routes read instants by the same rule", () => {
    expect(parseInstant("2026-03-02T09:00+08:00")?.toISOString()).toBe("2026-03-02T01:00:00.000Z");
    expect(parseInstant("2026-03-02T09:00")).toBeNull();
    expect(parseInstant(null)).toBeNull();
  });
});
