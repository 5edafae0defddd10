/**
 * Pure helpers of the managers' deadline dashboard: the GET filter, the instants that
 * separate "overdue / due today / due soon / on track" for one site (so SQL can classify what
 * rules.deadlineState classifies in JS), the reporting periods of the on-time rate, and tallies.
 * No I/O: lib/complaints/dashboard.queries.ts runs the queries.
 */
import { addDays, dayOfWeek, makeLocalDate, parseLocalDate, type Calendar, type LocalDate } from "@/lib/calendar";
import { showsEachSite } from "@/lib/many-sites";
import { dateParam, filterQuery as queryOf, oneOf, param, type RawParams } from "@/lib/pagination";
import { DUE_SOON_CALENDAR_DAYS, DUE_SOON_WORKING_DAYS, type ComplaintState, type DeadlineState, type Severity } from "./rules";
import { SEVERITIES } from "./schema";

/** States with a deadline running: RECEIVED / IN_RECTIFICATION → rectification, RECTIFIED → revisit. */
export const OPEN_STATES = ["RECEIVED", "IN_RECTIFICATION", "RECTIFIED"] as const satisfies readonly ComplaintState[];
export type OpenState = (typeof OPEN_STATES)[number];

export const DEADLINE_KINDS = ["rectification", "revisit"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** R-CMP-5 states of a deadline that is not met yet. */
export const OPEN_DUE_STATES = ["overdue", "due_today", "due_soon", "on_track"] as const satisfies readonly DeadlineState[];
export type OpenDueState = (typeof OPEN_DUE_STATES)[number];

/** The three states the managers count (on track needs no attention). */
export const COUNTED_DUE_STATES = ["overdue", "due_today", "due_soon"] as const satisfies readonly OpenDueState[];
export type CountedDueState = (typeof COUNTED_DUE_STATES)[number];

/** The export stops here: a spreadsheet of more rows is no longer a worklist. */
export const EXPORT_MAX_ROWS = 10_000;

// ---------------------------------------------------------------------------------------------
// Filter

export interface DashboardFilter {
  /** Complaint number or tenant name, contains. */
  q?: string;
  site?: string;
  department?: string;
  severity?: Severity;
  state?: OpenState;
  kind?: DeadlineKind;
  due?: OpenDueState;
  /** Received on or after this local date of the complaint's site. */
  from?: LocalDate;
  /** Received on or before this local date of the complaint's site. */
  to?: LocalDate;
}

/** Reads the GET params defensively: anything unknown or malformed is simply no filter. */
export function parseDashboardFilter(sp: RawParams): DashboardFilter {
  return {
    q: param(sp.q),
    site: param(sp.site, 50),
    department: param(sp.department, 50),
    severity: oneOf(SEVERITIES, sp.severity),
    state: oneOf(OPEN_STATES, sp.state),
    kind: oneOf(DEADLINE_KINDS, sp.kind),
    due: oneOf(OPEN_DUE_STATES, sp.due),
    from: dateParam(sp.from),
    to: dateParam(sp.to),
  };
}

/** The filter as GET params again (for pagination, the export link, the count cells' links). */
export function filterParams(filter: DashboardFilter): Record<string, string | undefined> {
  return { ...filter };
}

export function filterQuery(filter: DashboardFilter, over: Partial<DashboardFilter> = {}): string {
  return queryOf({ ...filter, ...over });
}

/** A user's text inside an ILIKE pattern matches literally (the default escape character is `\`). */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------------------------------------
// Company view

/** How many of the worst sites a company summary names (each a link to that site's dashboard). */
export const COMPANY_WORST_SITES = 5;

export type DashboardView = "company" | "sites";

/**
 * A manager of more sites than MANY_SITES (lib/many-sites.ts, the rule every page follows) who has not
 * chosen one sees the company view: one line per site (and each module's card as a company summary), no
 * per-department counts and no department filter until a site is chosen. With that many sites or fewer
 * the page shows every site and department.
 */
export function dashboardView(siteCount: number, site: string | undefined): DashboardView {
  return !site && !showsEachSite(siteCount) ? "company" : "sites";
}

/**
 * The filter the page applies: in the company view there is no department (its select is not shown,
 * so nothing on the page could clear it); with a site chosen, a department of another site (left over
 * from switching sites in the form) is dropped instead of emptying the page.
 */
export function effectiveFilter(filter: DashboardFilter, view: DashboardView, departmentIds: readonly string[]): DashboardFilter {
  if (view === "company" || (filter.department && !departmentIds.includes(filter.department))) {
    const { department: _department, ...rest } = filter;
    return rest;
  }
  return filter;
}

/** The sites with something to show, worst first (ties keep their order), at most `count`. */
export function worstSites<T>(rows: readonly T[], weight: (row: T) => number, count = COMPANY_WORST_SITES): T[] {
  return rows
    .map((row, index) => ({ row, index, weight: weight(row) }))
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, count)
    .map((r) => r.row);
}

// ---------------------------------------------------------------------------------------------
// Deadline states as instants, per site

export interface DueBounds {
  /** Last instant of the site's local today: an open deadline up to here is due today. */
  todayEnd: Date;
  /** First instant of the first local day that is no longer "due soon", per kind of deadline. */
  soonBefore: Record<DeadlineKind, Date>;
}

/**
 * rules.deadlineState for an open deadline compares local days and counts working days; here the
 * same answer is turned into instants per site, so SQL can classify with plain comparisons. A
 * rectification is "due soon" when workingDaysBetween(today, dueDay) ≤ 3, i.e. dueDay is before the
 * 4th working day after today (non-working days right before that 4th day are still "soon"); a
 * revisit when dueDay is at most 3 calendar days after today.
 */
export function dueBounds(calendar: Calendar, now: Date): DueBounds {
  const today = calendar.localDateOf(now);
  const firstNotSoon = calendar.localDateOf(calendar.addWorkingDays(now, DUE_SOON_WORKING_DAYS + 1).dueAt);
  return {
    todayEnd: calendar.endOfLocalDay(today),
    soonBefore: {
      rectification: calendar.startOfLocalDay(firstNotSoon),
      revisit: calendar.startOfLocalDay(addDays(today, DUE_SOON_CALENDAR_DAYS + 1)),
    },
  };
}

/** What the SQL CASE of lib/complaints/dashboard.queries.ts computes, in JS (the unit tests hold it to deadlineState). */
export function classifyOpenDeadline(bounds: DueBounds, dueAt: Date, now: Date, kind: DeadlineKind): OpenDueState {
  if (dueAt.getTime() < now.getTime()) return "overdue";
  if (dueAt.getTime() <= bounds.todayEnd.getTime()) return "due_today";
  if (dueAt.getTime() < bounds.soonBefore[kind].getTime()) return "due_soon";
  return "on_track";
}

// ---------------------------------------------------------------------------------------------
// Counts per site and per department

export type CountCells = Record<DeadlineKind, Record<CountedDueState, number>>;

export interface CountRow {
  id: string;
  label: string;
  cells: CountCells;
}

export interface DeadlineCountGroup {
  siteId: string;
  departmentId: string;
  departmentName: string;
  kind: DeadlineKind;
  dueState: OpenDueState;
  count: number;
}

function emptyCells(): CountCells {
  return {
    rectification: { overdue: 0, due_today: 0, due_soon: 0 },
    revisit: { overdue: 0, due_today: 0, due_soon: 0 },
  };
}

function isCounted(state: OpenDueState): state is CountedDueState {
  return state !== "on_track";
}

/**
 * Adds the SQL groups up into one row per site (every site given, zeros included) and one row per
 * department that has something to count. Department names repeat across sites, so with several
 * sites the site code is added to the label.
 */
export function tallyDeadlineCounts(
  sites: { id: string; code: string; name: string }[],
  groups: DeadlineCountGroup[],
): { bySite: CountRow[]; byDepartment: CountRow[]; total: CountCells } {
  const bySite = new Map(sites.map((s) => [s.id, { id: s.id, label: s.name, cells: emptyCells() }]));
  const byDepartment = new Map<string, CountRow>();
  const total = emptyCells();
  const codeOf = new Map(sites.map((s) => [s.id, s.code]));
  for (const g of groups) {
    if (!isCounted(g.dueState) || g.count === 0) continue;
    const site = bySite.get(g.siteId);
    if (!site) continue;
    let department = byDepartment.get(g.departmentId);
    if (!department) {
      const label = sites.length > 1 ? `${g.departmentName}（${codeOf.get(g.siteId)}）` : g.departmentName;
      department = { id: g.departmentId, label, cells: emptyCells() };
      byDepartment.set(g.departmentId, department);
    }
    for (const cells of [site.cells, department.cells, total]) cells[g.kind][g.dueState] += g.count;
  }
  const byLabel = (a: CountRow, b: CountRow) => a.label.localeCompare(b.label, "zh-CN");
  return { bySite: [...bySite.values()], byDepartment: [...byDepartment.values()].sort(byLabel), total };
}

/** The company view's counts: one row per site. */
export interface SiteDeadlineGroup {
  siteId: string;
  dueState: OpenDueState;
  count: number;
}

export type SiteDeadlineCells = Record<CountedDueState, number> & { open: number };

export interface SiteDeadlineRow {
  id: string;
  code: string;
  label: string;
  cells: SiteDeadlineCells;
}

/**
 * One row per site (zeros included), the worst first: most overdue, then due today, then due soon,
 * then in site-code order; and the company's total. `open` counts every open deadline, on track too.
 */
export function tallySiteDeadlines(
  sites: { id: string; code: string; name: string }[],
  groups: SiteDeadlineGroup[],
): { rows: SiteDeadlineRow[]; total: SiteDeadlineCells } {
  const empty = (): SiteDeadlineCells => ({ overdue: 0, due_today: 0, due_soon: 0, open: 0 });
  const bySite = new Map(sites.map((s) => [s.id, { id: s.id, code: s.code, label: s.name, cells: empty() }]));
  const total = empty();
  for (const g of groups) {
    const site = bySite.get(g.siteId);
    if (!site) continue;
    for (const cells of [site.cells, total]) {
      cells.open += g.count;
      if (isCounted(g.dueState)) cells[g.dueState] += g.count;
    }
  }
  const rows = [...bySite.values()].sort(
    (a, b) =>
      b.cells.overdue - a.cells.overdue ||
      b.cells.due_today - a.cells.due_today ||
      b.cells.due_soon - a.cells.due_soon ||
      a.code.localeCompare(b.code),
  );
  return { rows, total };
}

/**
 * The company view's list holds the same open deadlines as its counts (the same filter, the kind
 * included): its length is the counts' total for the list's due state, so it is not counted twice.
 */
export function listTotalOf(total: SiteDeadlineCells, due: OpenDueState | undefined): number {
  if (!due) return total.open;
  if (due === "on_track") return total.open - COUNTED_DUE_STATES.reduce((sum, d) => sum + total[d], 0);
  return total[due];
}

// ---------------------------------------------------------------------------------------------
// On-time rate periods

export type PeriodKind = "week" | "month";

export interface Period {
  key: string;
  kind: PeriodKind;
  /** First local date of the period. */
  start: LocalDate;
  /** First local date AFTER the period. */
  end: LocalDate;
  /** The period containing today: only what already fell due so far counts. */
  current: boolean;
}

/** Calendar weeks from Monday (the Chinese working week), the current one last. */
export function weekPeriods(today: LocalDate, count: number): Period[] {
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(monday, -7 * (count - 1 - i));
    return { key: `week:${start}`, kind: "week", start, end: addDays(start, 7), current: i === count - 1 };
  });
}

/** Calendar months, the current one last. */
export function monthPeriods(today: LocalDate, count: number): Period[] {
  const { year, month } = parseLocalDate(today);
  const first = (offset: number) => {
    const index = year * 12 + (month - 1) + offset;
    return makeLocalDate(Math.floor(index / 12), (index % 12) + 1, 1);
  };
  return Array.from({ length: count }, (_, i) => {
    const offset = i - (count - 1);
    return {
      key: `month:${first(offset).slice(0, 7)}`,
      kind: "month",
      start: first(offset),
      end: first(offset + 1),
      current: offset === 0,
    };
  });
}

export interface PeriodRate extends Period {
  /** Deadlines that fell due in the period (up to now). */
  due: number;
  /** Of those, met on time (done ≤ dueAt). */
  met: number;
  /** met ÷ due, or null when nothing fell due. */
  rate: number | null;
}

export function onTimeRate(met: number, due: number): number | null {
  return due > 0 ? met / due : null;
}

/** Whole percent for display; 99.6 % shows as 99 %, never as a 100 % that was not reached. */
export function percent(rate: number): number {
  return rate >= 1 ? 100 : Math.floor(rate * 100);
}

export function withRates(periods: Period[], counts: Map<string, { due: number; met: number }>): PeriodRate[] {
  return periods.map((p) => {
    const { due, met } = counts.get(p.key) ?? { due: 0, met: 0 };
    return { ...p, due, met, rate: onTimeRate(met, due) };
  });
}

export interface SiteRate {
  due: number;
  met: number;
  rate: number | null;
}

/** Each site's on-time rate over the given periods together (the company view's column: the last weeks). */
export function siteRates(periods: Period[], bySite: Map<string, Map<string, { due: number; met: number }>>): Map<string, SiteRate> {
  const out = new Map<string, SiteRate>();
  for (const [siteId, byKey] of bySite) out.set(siteId, combinedRate(periods.flatMap((p) => byKey.get(p.key) ?? [])));
  return out;
}

/** Several sites' rates as one (the company's line). */
export function combinedRate(rates: Iterable<{ due: number; met: number }>): SiteRate {
  let due = 0;
  let met = 0;
  for (const r of rates) {
    due += r.due;
    met += r.met;
  }
  return { due, met, rate: onTimeRate(met, due) };
}

/** 'complaints-20261127.xlsx' for the local date of the download. */
export function exportFileName(today: LocalDate): string {
  return `complaints-${today.replaceAll("-", "")}.xlsx`;
}
