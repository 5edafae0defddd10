import { describe, expect, it } from "vitest";
import { dateParam, filterQuery, monthParam, oneOf, pageRequest, param } from "./pagination";

describe("GET params of list pages and exports", () => {
  it("param: the first value, trimmed and bounded; empty is none", () => {
    expect(param([" a ", "b"])).toBe("a");
    expect(param("  ")).toBeUndefined();
    expect(param("abcdef", 3)).toBe("abc");
  });

  it("oneOf: only one of the listed values", () => {
    const states = ["OPEN", "CLOSED"] as const;
    expect(oneOf(states, "OPEN")).toBe("OPEN");
    expect(oneOf(states, ["CLOSED", "OPEN"])).toBe("CLOSED");
    expect(oneOf(states, "open")).toBeUndefined();
    expect(oneOf(states, undefined)).toBeUndefined();
  });

  it("dateParam and monthParam: real dates and months only", () => {
    expect(dateParam("2026-02-28")).toBe("2026-02-28");
    expect(dateParam("2026-02-30")).toBeUndefined();
    expect(dateParam("2026-2-1")).toBeUndefined();
    expect(monthParam("2026-12")).toBe("2026-12");
    expect(monthParam("2026-13")).toBeUndefined();
    expect(monthParam("2026-1")).toBeUndefined();
  });

  it("filterQuery: the set values as a query string", () => {
    expect(filterQuery({ q: "张 三", site: undefined, state: "OPEN" })).toBe("?q=%E5%BC%A0+%E4%B8%89&state=OPEN");
    expect(filterQuery({ site: undefined })).toBe("");
  });

  it("pageRequest: garbage is page 1", () => {
    expect(pageRequest("3", 10)).toEqual({ page: 3, skip: 20, take: 10 });
    expect(pageRequest("-1").page).toBe(1);
  });
});
