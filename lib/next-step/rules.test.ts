import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { complaintNextStep, goodsPassNextStep, nextStepText, vacantRecordNextStep, workOrderNextStep } from "./rules";

const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] }) as unknown as (
  k: string,
  v?: Record<string, string>,
) => string;
const en = createTranslator({ locale: "en", messages: MESSAGES.en }) as unknown as (k: string, v?: Record<string, string>) => string;

describe("every record says what happens next and who does it", () => {
  it("complaints: rectification by a supervisor, revisit by client service, closing", () => {
    // R-CMP-2: the responsible department's rectification is recorded by supervisors.
    expect(nextStepText(complaintNextStep("RECEIVED")!, zh)).toBe("等待主管或经理开始整改");
    expect(nextStepText(complaintNextStep("IN_RECTIFICATION")!, zh, "王伟")).toBe("等待主管或经理登记整改结果（经办人：王伟）");
    // R-CMP-3: the revisit is client service's.
    expect(nextStepText(complaintNextStep("RECTIFIED")!, zh)).toBe("等待主管、内勤或经理回访客户");
    expect(nextStepText(complaintNextStep("REVISITED")!, zh)).toBe("等待主管或经理结案");
    expect(complaintNextStep("CLOSED")).toBeNull();
  });

  it("work orders: engineering fixes, the supervisor checks", () => {
    expect(nextStepText(workOrderNextStep("OPEN")!, zh)).toBe("等待工程部或经理维修");
    expect(nextStepText(workOrderNextStep("FIXED")!, zh, "李强")).toBe("等待主管或经理验收维修结果（经办人：李强）");
    expect(workOrderNextStep("VERIFIED")).toBeNull();
  });

  it("goods passes: stamped by client service, released at the gate", () => {
    expect(nextStepText(goodsPassNextStep("PENDING")!, zh)).toBe("等待主管或经理审批盖章");
    expect(nextStepText(goodsPassNextStep("APPROVED")!, zh)).toBe("等待主管、前台或经理核对放行");
    expect(goodsPassNextStep("RELEASED")).toBeNull();
    expect(goodsPassNextStep("REJECTED")).toBeNull();
  });

  it("vacant-unit records: a supervisor checks, a sent-back record is corrected", () => {
    expect(nextStepText(vacantRecordNextStep("SUBMITTED")!, zh)).toBe("等待主管或经理检查保洁记录");
    expect(nextStepText(vacantRecordNextStep("SENT_BACK")!, zh, "陈静")).toBe("等待主管、内勤或经理更正后重新提交（经办人：陈静）");
    expect(vacantRecordNextStep("VERIFIED")).toBeNull();
  });

  it("speaks the reader's language", () => {
    expect(nextStepText(workOrderNextStep("OPEN")!, en)).toMatch(/^Waiting for .+ or .+ to fix it$/);
  });
});
