/**
 * The meeting list's client view (§3.4): each meeting's date and time opens it, the series with its site
 * (under the name on a phone, in its own column on a desktop), the state and the place.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MeetingsTable, type MeetingLine } from "./meetings-table";

const headers = { when: "日期", series: "例会", state: "状态", place: "地点", site: "项目" };
const meeting: MeetingLine = {
  id: "m1",
  when: "2026-12-07 09:00",
  seriesName: "部门例会",
  siteName: "海汇大厦",
  state: "已召开",
  place: "三楼会议室",
};

const render = (lines: MeetingLine[]) =>
  renderToStaticMarkup(createElement(MeetingsTable, { caption: "例会记录", empty: "暂无例会", headers, lines }));

describe("MeetingsTable", () => {
  it("writes each meeting's line: the date opening the meeting, the series with its site, state, place and site", () => {
    const html = render([meeting]);
    expect(html).toContain('href="/meetings/m1"');
    expect(html).toContain(">2026-12-07 09:00</a>");
    expect(html).toContain('部门例会<span class="block text-xs text-slate-500 sm:hidden">海汇大厦</span>');
    const cells = [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
    expect(cells).toEqual(["2026-12-07 09:00", "部门例会海汇大厦", "已召开", "三楼会议室", "海汇大厦"]);
  });

  it("says so when there is no meeting", () => {
    expect(render([])).toContain("暂无例会");
  });
});
