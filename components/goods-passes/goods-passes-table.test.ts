/**
 * The goods-pass list's client view (§5): each pass's number opens it, the window with its loading route,
 * the state badge (R-GP-3 pending the stamp), and the site column only when several sites are in view.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GoodsPassesTable, type GoodsPassLine } from "./goods-passes-table";

const headers = { number: "编号", tenant: "业户", direction: "方向", window: "时段", state: "状态", carrier: "搬运人" };
const pass: GoodsPassLine = {
  id: "g1",
  number: "未编号",
  tenant: "华盛科技 · A-1201",
  direction: "搬出",
  window: "2026-12-08 14:00–15:00",
  route: "1号货梯",
  state: "PENDING",
  stateLabel: "待盖章",
  carrier: "王师傅",
  site: "海汇大厦",
};

const render = (site: string | null, lines: GoodsPassLine[]) =>
  renderToStaticMarkup(createElement(GoodsPassesTable, { caption: "放行条", empty: "暂无记录", headers: { ...headers, site }, lines }));

describe("GoodsPassesTable", () => {
  it("writes each pass's line: the number opening the pass, the window and route, the state", () => {
    const html = render(null, [pass]);
    expect(html).toContain('href="/goods-passes/g1"');
    expect(html).toContain(">未编号</a>");
    expect(html).toContain("2026-12-08 14:00–15:00");
    expect(html).toContain("1号货梯");
    expect(html).toMatch(/<span class="badge [^"]*" data-pass-state="PENDING">待盖章<\/span>/);
    expect(html).toContain("王师傅");
    expect(html).not.toContain("海汇大厦");
  });

  it("adds the site column when several sites are in view", () => {
    const html = render("项目", [pass]);
    expect([...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual([...Object.values(headers), "项目"]);
    expect(html).toContain("海汇大厦");
  });
});
