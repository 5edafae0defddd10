/**
 * The many-sites goods-pass page's client view of today's moves (R-GP-5): each site's name opens its
 * routes' schedule, beside its moves today by state and the next start; a quiet site keeps its line.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TodayBySiteTable, type TodayBySiteLine } from "./today-by-site-table";

const headers = { site: "项目", date: "日期", moves: "搬运", pending: "待审批", approved: "已审批", released: "已放行", next: "下一次" };
const busy: TodayBySiteLine = {
  id: "zs001",
  name: "海汇大厦",
  date: "2026-12-07",
  moves: 3,
  pending: 1,
  approved: 1,
  released: 1,
  next: "14:30",
};
const quiet: TodayBySiteLine = {
  id: "zs002",
  name: "中城大厦",
  date: "2026-12-07",
  moves: 0,
  pending: 0,
  approved: 0,
  released: 0,
  next: "—",
};

const render = (lines: TodayBySiteLine[]) => renderToStaticMarkup(createElement(TodayBySiteTable, { caption: "今日搬运", headers, lines }));

describe("TodayBySiteTable", () => {
  it("writes each site's line: its name opening its schedule, the moves by state and the next start", () => {
    const html = render([busy, quiet]);
    expect(html).toContain('<a data-nav="" href="/goods-passes?site=zs001" class="text-sky-700 underline">海汇大厦</a>');
    expect(html).toContain('href="/goods-passes?site=zs002"');
    const cells = [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
    expect(cells.slice(0, 7)).toEqual(["海汇大厦", "2026-12-07", "3", "1", "1", "1", "14:30"]);
    expect(cells.slice(7)).toEqual(["中城大厦", "2026-12-07", "0", "0", "0", "0", "—"]);
    expect(html).toContain('data-not-records="figures"');
  });
});
