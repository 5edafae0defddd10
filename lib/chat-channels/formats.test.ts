import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildChatRequest, chatAnswerError, dingTalkSign, feishuSign, webhookUrlProblem } from "./formats";

const message = { topic: "deadlines", title: "整改到期", text: "投诉 SA-1 今天到期", link: "https://kewu.test/complaints/1" };
const at = new Date("2026-12-04T01:00:00.000Z");

describe("chat request formats", () => {
  it("signs DingTalk as base64(HMAC-SHA256(secret, timestamp\\nsecret)), URL-encoded in the query", () => {
    const request = buildChatRequest("DINGTALK", "https://oapi.dingtalk.com/robot/send?access_token=t", "SECabc", message, "打开记录", at);
    const url = new URL(request.url);
    expect(url.searchParams.get("access_token")).toBe("t");
    expect(url.searchParams.get("timestamp")).toBe(String(at.getTime()));
    const sign = createHmac("sha256", "SECabc").update(`${at.getTime()}\nSECabc`).digest("base64");
    expect(url.searchParams.get("sign")).toBe(sign);
    expect(request.url).toContain(`sign=${encodeURIComponent(sign)}`);
    expect(dingTalkSign("SECabc", at.getTime())).toBe(sign);
  });

  it("signs Feishu with the key timestamp\\nsecret over an empty message, in seconds", () => {
    const request = buildChatRequest("FEISHU", "https://open.feishu.cn/open-apis/bot/v2/hook/x", "s", message, "打开记录", at);
    const seconds = Math.floor(at.getTime() / 1000);
    expect(request.body).toMatchObject({ timestamp: String(seconds), sign: feishuSign("s", seconds), msg_type: "interactive" });
    expect(feishuSign("s", seconds)).toBe(createHmac("sha256", `${seconds}\ns`).update("").digest("base64"));
  });

  it("WeCom and the plain webhook", () => {
    expect(buildChatRequest("WECOM", "https://qyapi.weixin.qq.com/x", null, message, "打开记录").body).toEqual({
      msgtype: "markdown",
      markdown: { content: "**整改到期**\n\n投诉 SA-1 今天到期\n\n[打开记录](https://kewu.test/complaints/1)" },
    });
    expect(buildChatRequest("WEBHOOK", "https://h.example/x", null, { ...message, link: null }, "x").body).toEqual({
      topic: "deadlines",
      title: "整改到期",
      text: "投诉 SA-1 今天到期",
      link: null,
    });
  });
});

describe("platform answers", () => {
  it("reads the error code each platform puts in a 200 answer", () => {
    expect(chatAnswerError("WECOM", 200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(chatAnswerError("WECOM", 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toBe("93000: invalid webhook url");
    expect(chatAnswerError("DINGTALK", 200, '{"errcode":310000,"errmsg":"sign not match"}')).toBe("310000: sign not match");
    expect(chatAnswerError("FEISHU", 200, '{"code":0,"msg":"success"}')).toBeNull();
    expect(chatAnswerError("FEISHU", 200, '{"code":19021,"msg":"sign match fail"}')).toBe("19021: sign match fail");
    expect(chatAnswerError("WEBHOOK", 204, "")).toBeNull();
    expect(chatAnswerError("WEBHOOK", 500, "boom")).toBe("HTTP 500: boom");
    expect(chatAnswerError("WECOM", 200, "<html>")).toBe("HTTP 200: <html>");
  });
});

describe("webhook addresses", () => {
  it("https only; http to this machine only when allowed", () => {
    expect(webhookUrlProblem("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1", false)).toBeNull();
    expect(webhookUrlProblem("http://qyapi.weixin.qq.com/x", true)).toBe("notHttps");
    expect(webhookUrlProblem("http://localhost:4571/x", false)).toBe("notHttps");
    expect(webhookUrlProblem("http://localhost:4571/x", true)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:4571/x", true)).toBeNull();
    expect(webhookUrlProblem("javascript:alert(1)", true)).toBe("invalid");
    expect(webhookUrlProblem("https://u:p@example.com/", true)).toBe("invalid");
    expect(webhookUrlProblem("robot", true)).toBe("invalid");
  });
});
