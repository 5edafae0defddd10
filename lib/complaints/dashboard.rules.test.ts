import { describe, expect, it } from "vitest";
import { addDays, createCalendar } from "@/lib/calendar";
import { chosenSite, MANY_SITES } from "@/lib/many-sites";
import {
  classifyOpenDeadline,
  combinedRate,
  dashboardView,
  effectiveFilter,
  dueBounds,
  exportFileName,
  filterQuery,
  likeContains,
  listTotalOf,
  monthPeriods,
  onTimeRate,
  parseDashboardFilter,
  percent,
  siteRates,
  tallyDeadlineCounts,
  tallySiteDeadlines,
  weekPeriods,
  worstSites,
  withRates,
  type DeadlineCountGroup,
} from "./dashboard.rules";
import { deadlineState } from "./rules";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
/** A Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe("due bounds: the SQL classification of open deadlines (R-CMP-5)", () => {
  it("Friday: today ends at midnight, 'soon' ends before the 4th working day (Thursday)", () => {
    const bounds = dueBounds(shanghai, sh("2026-11-27T10:00:00"));
    expect(bounds.todayEnd.toISOString()).toBe(sh("2026-11-27T23:59:59.999").toISOString());
    expect(bounds.soonBefore.rectification.toISOString()).toBe(sh("2026-12-03T00:00:00").toISOString());
    // A revisit deadline counts calendar days: Sat, Sun, Mon are soon, Tue 1 Dec no longer.
    expect(bounds.soonBefore.revisit.toISOString()).toBe(sh("2026-12-01T00:00:00").toISOString());
  });

  it("before National Day the holidays do not count: 30 Sep, 8 Oct, 9 Oct are the 3 working days", () => {
    const now = sh("2026-09-29T09:00:00");
    const bounds = dueBounds(shanghai, now);
    // The make-up Saturday 10 Oct is the 4th working day.
    expect(bounds.soonBefore.rectification.toISOString()).toBe(sh("2026-10-10T00:00:00").toISOString());
    expect(classifyOpenDeadline(bounds, sh("2026-10-09T23:59:59.999"), now, "rectification")).toBe("due_soon");
    expect(classifyOpenDeadline(bounds, sh("2026-10-10T23:59:59.999"), now, "rectification")).toBe("on_track");
  });

  it("a revisit deadline is due soon by calendar days: on 29 Sep a revisit due 9 Oct is not soon, one due 2 Oct is", () => {
    const now = sh("2026-09-29T09:00:00");
    const bounds = dueBounds(shanghai, now);
    expect(classifyOpenDeadline(bounds, sh("2026-10-09T23:59:59.999"), now, "revisit")).toBe("on_track");
    expect(classifyOpenDeadline(bounds, sh("2026-10-02T23:59:59.999"), now, "revisit")).toBe("due_soon");
    expect(classifyOpenDeadline(bounds, sh("2026-10-03T23:59:59.999"), now, "revisit")).toBe("on_track");
  });

  it("agrees with rules.deadlineState for every day and time around the 2026 holidays", () => {
    const zones = [shanghai, createCalendar({ timeZone: "America/New_York", overrides: [], officialYears: [] })];
    const disagreements: string[] = [];
    let checked = 0;
    for (const calendar of zones) {
      for (let hour = 0; hour < 24 * 40; hour += 7) {
        const now = new Date(sh("2026-09-20T00:30:00").getTime() + hour * 3_600_000);
        const bounds = dueBounds(calendar, now);
        const today = calendar.localDateOf(now);
        for (let offset = -2; offset <= 14; offset++) {
          const day = addDays(today, offset);
          // Deadlines are ends of local days; test data and backfills may use any instant.
          for (const dueAt of [calendar.endOfLocalDay(day), new Date(calendar.startOfLocalDay(day).getTime() + 13 * 3_600_000)]) {
            for (const kind of ["rectification", "revisit"] as const) {
              const [sql, rule] = [classifyOpenDeadline(bounds, dueAt, now, kind), deadlineState(calendar, dueAt, null, now, kind)];
              checked++;
              if (sql !== rule)
                disagreements.push(`${calendar.timeZone} ${kind} now=${now.toISOString()} due=${dueAt.toISOString()}: ${sql} ≠ ${rule}`);
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(9000);
  });
});

describe("on-time rate periods", () => {
  it("the last 4 calendar weeks from Monday, the current one last", () => {
    const weeks = weekPeriods("2026-11-27", 4);
    expect(weeks.map((w) => [w.start, w.end, w.current])).toEqual([
      ["2026-11-02", "2026-11-09", false],
      ["2026-11-09", "2026-11-16", false],
      ["2026-11-16", "2026-11-23", false],
      ["2026-11-23", "2026-11-30", true],
    ]);
    expect(weekPeriods("2026-11-23", 1)[0].start).toBe("2026-11-23"); // Monday
    expect(weekPeriods("2026-11-29", 1)[0].start).toBe("2026-11-23"); // Sunday belongs to the week before
    expect(weeks[0].key).toBe("week:2026-11-02");
  });

  it("the last 6 calendar months, across a year boundary", () => {
    const months = monthPeriods("2026-02-15", 6);
    expect(months.map((m) => m.key)).toEqual([
      "month:2025-09",
      "month:2025-10",
      "month:2025-11",
      "month:2025-12",
      "month:2026-01",
      "month:2026-02",
    ]);
    expect(months[3]).toMatchObject({ start: "2025-12-01", end: "2026-01-01", current: false });
    expect(months[5]).toMatchObject({ start: "2026-02-01", end: "2026-03-01", current: true });
  });

  it("rate = met ÷ due, none when nothing fell due; percent never rounds up to 100", () => {
    expect(onTimeRate(3, 4)).toBe(0.75);
    expect(onTimeRate(0, 0)).toBeNull();
    expect([percent(0.996), percent(1), percent(2 / 3), percent(0)]).toEqual([99, 100, 66, 0]);
    const rates = withRates(weekPeriods("2026-11-27", 2), new Map([["week:2026-11-23", { due: 4, met: 3 }]]));
    expect(rates.map((r) => [r.due, r.met, r.rate])).toEqual([
      [0, 0, null],
      [4, 3, 0.75],
    ]);
  });
});

describe("filter", () => {
  it("keeps valid values and drops anything else", () => {
    expect(
      parseDashboardFilter({
        q: "  业户A ",
        site: "s1",
        department: "d1",
        severity: "MAJOR",
        state: "RECTIFIED",
        kind: "revisit",
        due: "overdue",
        from: "2026-11-01",
        to: ["2026-11-30", "2026-12-31"],
        page: "2",
      }),
    ).toEqual({
      q: "业户A",
      site: "s1",
      department: "d1",
      severity: "MAJOR",
      state: "RECTIFIED",
      kind: "revisit",
      due: "overdue",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    const garbage = parseDashboardFilter({
      severity: "HUGE",
      state: "CLOSED",
      kind: "x",
      due: "met",
      from: "2026-02-30",
      to: "tomorrow",
      q: "",
    });
    expect(Object.values(garbage).filter((v) => v !== undefined)).toEqual([]);
  });

  it("builds links that keep the filter and override parts of it", () => {
    const filter = parseDashboardFilter({ site: "s1", severity: "GENERAL", due: "due_soon" });
    expect(filterQuery(filter)).toBe("?site=s1&severity=GENERAL&due=due_soon");
    expect(filterQuery(filter, { due: "overdue", kind: "rectification", department: "d 1" })).toBe(
      "?site=s1&department=d+1&severity=GENERAL&kind=rectification&due=overdue",
    );
    expect(filterQuery({})).toBe("");
  });

  it("searches the user's text literally", () => {
    expect(likeContains("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describe("counts per site and per department", () => {
  const sites = [
    { id: "a", code: "SA", name: "项目A" },
    { id: "b", code: "SB", name: "项目B" },
    { id: "c", code: "SC", name: "项目C" },
  ];
  const group = (over: Partial<DeadlineCountGroup>): DeadlineCountGroup => ({
    siteId: "a",
    departmentId: "da",
    departmentName: "工程部",
    kind: "rectification",
    dueState: "overdue",
    count: 1,
    ...over,
  });

  it("adds up rows, keeps every site, ignores on-track deadlines and labels departments with their site", () => {
    const result = tallyDeadlineCounts(sites, [
      group({ count: 2 }),
      group({ dueState: "due_today" }),
      group({ kind: "revisit", dueState: "due_soon", count: 3 }),
      group({ dueState: "on_track", count: 9 }),
      group({ siteId: "b", departmentId: "db", count: 4 }),
      group({ siteId: "b", departmentId: "db2", departmentName: "保洁公司", kind: "revisit", dueState: "due_today" }),
      group({ siteId: "elsewhere", departmentId: "dx", count: 5 }),
    ]);
    expect(result.bySite.map((r) => [r.label, r.cells])).toEqual([
      ["项目A", { rectification: { overdue: 2, due_today: 1, due_soon: 0 }, revisit: { overdue: 0, due_today: 0, due_soon: 3 } }],
      ["项目B", { rectification: { overdue: 4, due_today: 0, due_soon: 0 }, revisit: { overdue: 0, due_today: 1, due_soon: 0 } }],
      ["项目C", { rectification: { overdue: 0, due_today: 0, due_soon: 0 }, revisit: { overdue: 0, due_today: 0, due_soon: 0 } }],
    ]);
    expect(result.byDepartment.map((r) => r.label).sort()).toEqual(["保洁公司（SB）", "工程部（SA）", "工程部（SB）"]);
    expect(result.total).toEqual({
      rectification: { overdue: 6, due_today: 1, due_soon: 0 },
      revisit: { overdue: 0, due_today: 1, due_soon: 3 },
    });
  });

  it("one site: department names alone", () => {
    expect(tallyDeadlineCounts(sites.slice(0, 1), [group({})]).byDepartment[0].label).toBe("工程部");
  });
});

describe("company view: many sites, none chosen", () => {
  it("more than MANY_SITES sites without a chosen site; a chosen site or few sites show everything", () => {
    expect(MANY_SITES).toBe(8);
    expect(dashboardView(8, undefined)).toBe("sites");
    expect(dashboardView(9, undefined)).toBe("company");
    expect(dashboardView(50, undefined)).toBe("company");
    expect(dashboardView(50, "z01")).toBe("sites");
    expect(dashboardView(2, undefined)).toBe("sites");
    expect(dashboardView(0, undefined)).toBe("sites");
  });

  it("a chosen site counts only when it is one of the reader's", () => {
    expect(chosenSite("b", ["a", "b"])).toBe("b");
    expect(chosenSite("x", ["a", "b"])).toBeUndefined();
    expect(chosenSite(undefined, ["a"])).toBeUndefined();
    expect(dashboardView(50, chosenSite("elsewhere", ["a"]))).toBe("company");
  });

  it("no department filter in the company view, nor one of another site than the chosen one", () => {
    const filter = { site: "a", department: "d1", severity: "MAJOR" as const };
    expect(effectiveFilter({ department: "d1", q: "x" }, "company", ["d1"])).toEqual({ q: "x" });
    expect(effectiveFilter(filter, "sites", ["d1", "d2"])).toEqual(filter);
    expect(effectiveFilter(filter, "sites", ["d2"])).toEqual({ site: "a", severity: "MAJOR" });
    expect(effectiveFilter({ site: "a" }, "sites", [])).toEqual({ site: "a" });
  });

  it("one row per site, worst first (overdue, then due today, then due soon, then code), open counts on track too", () => {
    const sites = [
      { id: "a", code: "SA", name: "项目A" },
      { id: "b", code: "SB", name: "项目B" },
      { id: "c", code: "SC", name: "项目C" },
      { id: "d", code: "SD", name: "项目D" },
    ];
    const result = tallySiteDeadlines(sites, [
      { siteId: "a", dueState: "on_track", count: 7 },
      { siteId: "b", dueState: "overdue", count: 1 },
      { siteId: "b", dueState: "due_soon", count: 2 },
      { siteId: "c", dueState: "overdue", count: 1 },
      { siteId: "c", dueState: "due_today", count: 1 },
      { siteId: "elsewhere", dueState: "overdue", count: 50 },
    ]);
    expect(result.rows.map((r) => [r.code, r.cells])).toEqual([
      ["SC", { overdue: 1, due_today: 1, due_soon: 0, open: 2 }],
      ["SB", { overdue: 1, due_today: 0, due_soon: 2, open: 3 }],
      ["SA", { overdue: 0, due_today: 0, due_soon: 0, open: 7 }],
      ["SD", { overdue: 0, due_today: 0, due_soon: 0, open: 0 }],
    ]);
    expect(result.total).toEqual({ overdue: 2, due_today: 1, due_soon: 2, open: 12 });
    // The company view's list is as long as these counts say, whatever its due-state filter.
    expect(listTotalOf(result.total, undefined)).toBe(12);
    expect(listTotalOf(result.total, "overdue")).toBe(2);
    expect(listTotalOf(result.total, "due_today")).toBe(1);
    expect(listTotalOf(result.total, "due_soon")).toBe(2);
    expect(listTotalOf(result.total, "on_track")).toBe(7);
  });

  it("each site's on-time rate over the given periods, and the company's weighed by deadlines", () => {
    const weeks = weekPeriods("2026-11-27", 2);
    const bySite = new Map([
      [
        "a",
        new Map([
          [weeks[0].key, { due: 4, met: 4 }],
          [weeks[1].key, { due: 4, met: 2 }],
          ["month:2026-11", { due: 100, met: 0 }], // not one of the periods
        ]),
      ],
      ["b", new Map([[weeks[1].key, { due: 0, met: 0 }]])],
    ]);
    const rates = siteRates(weeks, bySite);
    expect(rates.get("a")).toEqual({ due: 8, met: 6, rate: 0.75 });
    expect(rates.get("b")).toEqual({ due: 0, met: 0, rate: null });
    expect(combinedRate([...rates.values(), { due: 2, met: 0 }])).toEqual({ due: 10, met: 6, rate: 0.6 });
  });

  it("names the few worst sites: something to show, the most first, ties in their order", () => {
    const rows = [
      { id: "a", n: 0 },
      { id: "b", n: 3 },
      { id: "c", n: 5 },
      { id: "d", n: 3 },
      { id: "e", n: 1 },
    ];
    expect(worstSites(rows, (r) => r.n).map((r) => r.id)).toEqual(["c", "b", "d", "e"]);
    expect(worstSites(rows, (r) => r.n, 2).map((r) => r.id)).toEqual(["c", "b"]);
    expect(worstSites(rows, () => 0)).toEqual([]);
  });
});

it("names the export file after the local date", () => {
  expect(exportFileName("2026-11-27")).toBe("complaints-20261127.xlsx");
});
