import { createTranslator } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { formatAuditValue, zoneName, type FormatContext } from "./format";

const t = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] });
const ctx = (entity: string): FormatContext => ({
  entity,
  t: (key, values) => (t as unknown as (k: string, v?: unknown) => string)(key, values),
  has: (key) => t.has(key as never),
  timeZone: "Asia/Shanghai",
  locale: "zh-CN",
  names: new Map(),
});

describe("the audit trail reads the later modules' states in the reader's language (issue 16)", () => {
  it.each([
    ["SurveyOpinionItem", "state", "DELIVERED", "已送达待反馈"],
    ["SurveyRound", "state", "CLOSED", MESSAGES["zh-CN"].surveys.roundStates.CLOSED],
    ["SpecialServiceOrder", "state", "DONE", MESSAGES["zh-CN"].specialServices.states.DONE],
    ["FoundItem", "state", "CLAIMED", MESSAGES["zh-CN"].foundItems.states.CLAIMED],
    ["WasteClearance", "stream", "TONER", MESSAGES["zh-CN"].waste.streams.TONER],
  ])("%s.%s %s", (entity, field, value, label) => {
    expect(formatAuditValue(field, value, ctx(entity))).toBe(label);
    expect(label).not.toBe(value);
  });
});

describe("the zone named after the trail's times", () => {
  afterEach(() => vi.useRealTimers());

  it("names each zone in the reader's locale, as of today (formatters kept between calls)", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-01-15T12:00:00Z") });
    expect(zoneName("Asia/Shanghai", "zh-CN")).toBe("GMT+8");
    expect(zoneName("Europe/London", "en")).toBe("GMT");
    expect(zoneName("Europe/London", "zh-CN")).toBe("GMT+0");
    // Summer time in London: the kept formatter names the day it is asked on, not the day it was made.
    vi.setSystemTime(new Date("2026-07-15T12:00:00Z"));
    expect(zoneName("Europe/London", "en")).toBe("GMT+1");
    expect(zoneName("Asia/Shanghai", "zh-CN")).toBe("GMT+8");
  });
});
