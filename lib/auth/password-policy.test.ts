import { describe, expect, it } from "vitest";
import { commonPasswordCount, isCommonPassword } from "./common-passwords";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "./password-policy";

describe("password rules", () => {
  it("wants at least 10 characters", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblem("Xk3#mq9Lz", "clerk")).toBe("tooShort");
    expect(passwordProblem("Xk3#mq9Lzp", "clerk")).toBeNull();
    // Characters, not UTF-16 units: ten Chinese characters are ten.
    expect(passwordProblem("春眠不觉晓处处闻啼鸟", "clerk")).toBeNull();
  });

  it("refuses the username, in any case, alone or inside the password", () => {
    expect(passwordProblem("Zhangwei88", "zhangwei88")).toBe("sameAsUsername");
    expect(passwordProblem("frontdesk-2026!", "frontdesk")).toBe("sameAsUsername");
  });

  it("refuses common passwords, Chinese-typical ones included, whatever the case", () => {
    for (const weak of [
      "1234567890",
      "88888888888",
      "woaini1314",
      "WoAiNi5201314",
      "qwertyuiop",
      "Password123",
      "1qaz2wsx3edc",
      "wang123456",
    ])
      expect(passwordProblem(weak, "someone"), weak).toBe(weak.length < 10 ? "tooShort" : "common");
    expect(isCommonPassword("123456")).toBe(true);
    expect(commonPasswordCount()).toBeGreaterThan(2000);
  });
});
