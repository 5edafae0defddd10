import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar";
import { scheduledRunDue } from "./schedule";

const shanghai = createCalendar({
  timeZone: "Asia/Shanghai",
  // 2026-03-07 is a Saturday made a working day; 2026-03-09 a Monday closed by the site.
  overrides: [
    { date: "2026-03-07", kind: "WORKDAY" },
    { date: "2026-03-09", kind: "HOLIDAY" },
  ],
  officialYears: [],
});

/** An instant given as Shanghai wall-clock time (UTC+8, no DST). */
const sh = (local: string) => new Date(`${local}+08:00`);

describe("the scheduled morning run", () => {
  it("runs on a working day from 08:30 site time, once per local day", () => {
    expect(scheduledRunDue(shanghai, sh("2026-03-03T08:29:59"), undefined)).toBe(false);
    expect(scheduledRunDue(shanghai, sh("2026-03-03T08:30:00"), undefined)).toBe(true);
    expect(scheduledRunDue(shanghai, sh("2026-03-03T16:45:00"), "2026-03-02")).toBe(true);
    expect(scheduledRunDue(shanghai, sh("2026-03-03T16:45:00"), "2026-03-03")).toBe(false);
  });

  it("follows the site calendar: weekends, make-up working days and site closures", () => {
    expect(scheduledRunDue(shanghai, sh("2026-03-08T09:00:00"), undefined)).toBe(false); // Sunday
    expect(scheduledRunDue(shanghai, sh("2026-03-07T09:00:00"), undefined)).toBe(true); // Saturday made a working day
    expect(scheduledRunDue(shanghai, sh("2026-03-09T09:00:00"), undefined)).toBe(false); // Monday closed
  });

  it("reads the clock in the site's zone, not UTC or the server's", () => {
    const london = createCalendar({ timeZone: "Europe/London", overrides: [], officialYears: [] });
    // 2026-07-01 (Wednesday) 08:00 UTC = 09:00 in London (BST) = 16:00 in Shanghai.
    const at = new Date("2026-07-01T08:00:00Z");
    expect(scheduledRunDue(london, at, undefined)).toBe(true);
    expect(scheduledRunDue(london, new Date("2026-07-01T07:29:00Z"), undefined)).toBe(false);
    // 2026-03-03 00:45 UTC = 08:45 Tuesday in Shanghai, but only 00:45 in London.
    expect(scheduledRunDue(shanghai, new Date("2026-03-03T00:45:00Z"), undefined)).toBe(true);
    expect(scheduledRunDue(london, new Date("2026-03-03T00:45:00Z"), undefined)).toBe(false);
  });
});
