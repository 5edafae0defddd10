import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath: after sign-in only a path of this site", () => {
  it.each([
    ["/complaints", "/complaints"],
    ["/complaints/abc?tab=history#r2", "/complaints/abc?tab=history#r2"],
    ["/registry/tenants?q=%E5%BC%A0", "/registry/tenants?q=%E5%BC%A0"],
  ])("keeps %s", (raw, expected) => expect(safeCallbackPath(raw)).toBe(expected));

  it.each([
    null,
    "",
    "https://evil.com",
    "http://localhost:3000/complaints",
    "//evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "/%09/evil.com",
    "/%2F/evil.com",
    "/%5Cevil.com",
    "/ /evil.com",
    "javascript:alert(1)",
    "evil.com",
    "/%E0%A4%A",
    `/${"a".repeat(3000)}`,
  ])("sends %j home", (raw) => expect(safeCallbackPath(raw)).toBe("/"));
});
