/**
 * The company view's deadline table, written from figures in the browser and for the server's HTML
 * (R-CMP-5): each count links to the dashboard filtered to its site and due state, a zero is not a
 * link, the rate shows its "met / due" title, and the total line counts the company.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SiteDeadlinesView } from "./site-deadlines-view";

function render(filter = {}) {
  return renderToStaticMarkup(
    createElement(SiteDeadlinesView, {
      caption: "各项目未完成期限",
      headers: { site: "按项目", dueStates: ["已逾期", "今日到期", "即将到期"], open: "全部未完成", rate: "近 4 周按时率" },
      dueStates: ["overdue", "due_today", "due_soon"],
      lines: [
        { id: "s1", label: "海汇大厦1", counts: [4, 0, 2, 9], rate: 75, rateTitle: "按时完成 3/4" },
        { id: "s2", label: "中城大厦2", counts: [0, 0, 0, 1], rate: null },
      ],
      total: { label: "合计", counts: [4, 0, 2, 10], rate: 75, rateTitle: "按时完成 3/4" },
      filter,
      empty: "暂无记录",
      noDeadlines: "无到期",
    }),
  );
}

describe("SiteDeadlinesView", () => {
  it("links each count to its site and due state, keeps the reader's filter, and leaves zeros unlinked", () => {
    const html = render({ severity: "MAJOR" });
    expect(html).toContain('href="/dashboard?severity=MAJOR&amp;site=s1"');
    expect(html).toContain('href="/dashboard?severity=MAJOR&amp;site=s1&amp;due=overdue" class="font-medium underline text-red-700">4</a>');
    expect(html).toContain(
      'href="/dashboard?severity=MAJOR&amp;site=s1&amp;due=due_soon" class="font-medium underline text-yellow-800">2</a>',
    );
    expect(html).not.toContain("due=due_today");
    expect(html).toContain('<span class="text-slate-400">0</span>');
  });

  it("shows each site's rate with its counts, a site without deadlines as such, and the company's total without a site", () => {
    const html = render();
    expect(html).toContain('<span title="按时完成 3/4">75%</span>');
    expect(html).toContain('<span class="text-slate-400">无到期</span>');
    const foot = html.slice(html.indexOf("<tfoot"));
    expect(foot).toContain("合计");
    expect(foot).toContain('href="/dashboard?due=overdue"');
    expect(foot).toContain('href="/dashboard" class="font-medium underline text-slate-800">10</a>');
  });
});
