/**
 * The complaint lists' client view (/complaints, the dashboard's open deadlines, R-CMP-5): the page's
 * columns in its order, each number opening its complaint, the running deadline with its state badge,
 * "—" where none runs, and phone labels from the headers.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ComplaintsTable, type ComplaintLine } from "./complaints-table";
import { deadlineBadgeLabel } from "./deadline-badge-view";

const line: ComplaintLine = {
  key: "c1",
  id: "c1",
  number: "HH-20261207-001",
  tenant: "华盛科技 · A-1201",
  severity: "重大",
  state: "整改中",
  deadline: { line: "整改期限 2026-12-08 18:00", state: "overdue", label: "已逾期" },
  received: "2026-12-07 09:30",
  department: "工程部",
  site: "海汇大厦",
};

function render(columns: Parameters<typeof ComplaintsTable>[0]["columns"], lines: ComplaintLine[]) {
  return renderToStaticMarkup(createElement(ComplaintsTable, { caption: "投诉", empty: "暂无记录", columns, lines }));
}

describe("ComplaintsTable", () => {
  it("writes the page's columns in order, the number as a link to the complaint and the deadline's state", () => {
    const html = render(
      [
        { key: "number", header: "编号" },
        { key: "tenant", header: "业户" },
        { key: "deadline", header: "期限" },
        { key: "department", header: "部门", wide: true },
      ],
      [line, { ...line, key: "c2", id: "c2", number: "HH-20261207-002", deadline: null }],
    );
    const headers = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(["编号", "业户", "期限", "部门"]);
    expect(html).toContain('href="/complaints/c1"');
    expect(html).toContain(">HH-20261207-001</a>");
    expect(html).toContain("华盛科技 · A-1201");
    expect(html).toContain("整改期限 2026-12-08 18:00");
    expect(html).toMatch(/<span class="badge [^"]*" data-deadline-state="overdue">已逾期<\/span>/);
    expect(html).toContain("工程部");
    expect(html).not.toContain("海汇大厦"); // not a column of this page
    // The second complaint has no running deadline.
    expect(html).toContain(">—<");
  });

  it("says so when there is nothing to list", () => {
    expect(render([{ key: "number", header: "编号" }], [])).toContain("暂无记录");
  });

  it("labels a provisional due date as such (R-CAL), the same text for the server badge and the lists", () => {
    const t = (key: string) => ({ "deadlineStates.due_soon": "即将到期", provisional: "暂定" })[key] ?? key;
    expect(deadlineBadgeLabel(t, "due_soon")).toBe("即将到期");
    expect(deadlineBadgeLabel(t, "due_soon", true)).toBe("即将到期 · 暂定");
  });
});
