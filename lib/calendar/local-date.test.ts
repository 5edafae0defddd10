import { describe, expect, it } from "vitest";
import {
  addDays,
  dayNumberOf,
  dayOfWeek,
  diffDays,
  endOfLocalDayInZone,
  formatInZone,
  isValidLocalDate,
  isValidTimeZone,
  localDateFromDayNumber,
  localDateInZone,
  startOfLocalDayInZone,
} from "./local-date";

describe("local dates (pure string arithmetic)", () => {
  it("validates 'YYYY-MM-DD' strictly", () => {
    for (const ok of ["2026-01-01", "2024-02-29", "2000-02-29", "2026-12-31"]) expect(isValidLocalDate(ok)).toBe(true);
    for (const bad of [
      "2026-02-29",
      "1900-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "26-01-01",
      "2026-01-01T00:00",
      "",
      null,
      20260101,
    ]) {
      expect(isValidLocalDate(bad)).toBe(false);
    }
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-09-30", 7)).toBe("2026-10-07");
    expect(() => addDays("2026-01-01", 0.5)).toThrow(RangeError);
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });

  it("counts the days between two dates", () => {
    expect(diffDays("2026-02-13", "2026-02-24")).toBe(11);
    expect(diffDays("2026-02-24", "2026-02-13")).toBe(-11);
    expect(diffDays("2025-12-31", "2027-01-01")).toBe(366); // 1 + 365 (2026 is not a leap year)
  });

  it("knows the day of the week of the date itself (0 = Sunday)", () => {
    expect(dayOfWeek("2026-01-01")).toBe(4); // Thursday (the 2026 notice: 1月1日（周四）)
    expect(dayOfWeek("2026-02-14")).toBe(6); // Saturday, a make-up working day
    expect(dayOfWeek("2026-02-15")).toBe(0); // Sunday
    expect(dayOfWeek("2026-03-02")).toBe(1); // Monday
    expect(dayOfWeek("2000-02-29")).toBe(2); // Tuesday
    expect(dayOfWeek("1969-12-31")).toBe(3); // Wednesday, before the UTC epoch
  });
});

describe("instants in a site's zone (R-CAL-2)", () => {
  const lateSundayUtc = new Date("2026-03-01T17:00:00Z");

  it("takes the local date in the site's zone, not the server's", () => {
    // 2026-03-02 01:00 in Shanghai (Monday), but still Sunday in London and New York.
    expect(localDateInZone(lateSundayUtc, "Asia/Shanghai")).toBe("2026-03-02");
    expect(localDateInZone(lateSundayUtc, "Europe/London")).toBe("2026-03-01");
    expect(localDateInZone(lateSundayUtc, "Asia/Urumqi")).toBe("2026-03-01"); // 23:00 at UTC+6
    expect(localDateInZone(new Date("2026-03-01T18:00:00Z"), "Asia/Urumqi")).toBe("2026-03-02");
    expect(formatInZone(lateSundayUtc, "Asia/Shanghai")).toBe("2026-03-02 01:00");
    expect(formatInZone(lateSundayUtc, "Europe/London")).toBe("2026-03-01 17:00");
  });

  it("gives the first and last instant of a local day", () => {
    expect(startOfLocalDayInZone("2026-03-02", "Asia/Shanghai").toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(endOfLocalDayInZone("2026-03-02", "Asia/Shanghai").toISOString()).toBe("2026-03-02T15:59:59.999Z");
    expect(endOfLocalDayInZone("2026-03-02", "Asia/Urumqi").toISOString()).toBe("2026-03-02T17:59:59.999Z");
    expect(endOfLocalDayInZone("2026-03-02", "Europe/London").toISOString()).toBe("2026-03-02T23:59:59.999Z");
  });

  it("handles 23- and 25-hour days where the site has DST", () => {
    // London springs forward on Sun 2026-03-29 and falls back on Sun 2026-10-25.
    expect(startOfLocalDayInZone("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(endOfLocalDayInZone("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T22:59:59.999Z");
    expect(startOfLocalDayInZone("2026-10-25", "Europe/London").toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(endOfLocalDayInZone("2026-10-25", "Europe/London").toISOString()).toBe("2026-10-25T23:59:59.999Z");
  });

  it("starts a day whose midnight DST skips at the first existing instant", () => {
    // Santiago springs forward at 00:00 on Sun 2026-09-06 (→ 01:00) and falls back at 24:00 on Sat 2026-04-04.
    expect(startOfLocalDayInZone("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(endOfLocalDayInZone("2026-09-05", "America/Santiago").toISOString()).toBe("2026-09-06T03:59:59.999Z");
    expect(startOfLocalDayInZone("2026-04-04", "America/Santiago").toISOString()).toBe("2026-04-04T03:00:00.000Z");
    expect(endOfLocalDayInZone("2026-04-04", "America/Santiago").toISOString()).toBe("2026-04-05T03:59:59.999Z"); // 25 h
    expect(formatInZone(new Date("2026-09-06T04:00:00Z"), "America/Santiago")).toBe("2026-09-06 01:00");
  });

  it("shows the wall-clock time around every kind of offset change, whatever was shown before (offsets kept per day)", () => {
    // An independent reading of the same instant: Intl's own wall clock in the zone.
    const reference = (instant: Date, timeZone: string) =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .format(instant)
        .replace("T", " ");
    const transitions: [string, string][] = [
      ["America/Santiago", "2026-09-06T04:00:00Z"], // spring forward at local midnight
      ["America/Santiago", "2026-04-05T03:00:00Z"], // fall back
      ["Europe/Berlin", "2026-03-29T01:00:00Z"],
      ["Europe/Berlin", "2026-10-25T01:00:00Z"],
      ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"], // a half-hour change, not on a UTC hour
      ["Asia/Shanghai", "1991-04-13T18:00:00Z"], // China's last summer time
      ["Asia/Shanghai", "1991-09-14T17:00:00Z"],
    ];
    for (const [zone, at] of transitions) {
      const around = Array.from({ length: 4 * 60 }, (_, i) => new Date(Date.parse(at) + (i - 120) * 12 * 60_000));
      // Late instants of the day first, then early ones: the day's cached offset must not leak across the change.
      for (const instant of [...around].reverse()) expect(formatInZone(instant, zone)).toBe(reference(instant, zone));
    }
  });

  it("rejects bad zones and instants", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Asia/Atlantis")).toBe(false);
    expect(isValidTimeZone("+08:00")).toBe(false);
    expect(() => localDateInZone(new Date("nope"), "Asia/Shanghai")).toThrow(RangeError);
  });
});

describe("datetime-local fields in the site's zone", () => {
  it("reads 01:00 in Shanghai as 17:00 UTC the day before, and back", async () => {
    const { instantFromLocalDateTime, localDateTimeInZone } = await import("./local-date");
    const at = instantFromLocalDateTime("2026-03-02T01:00", "Asia/Shanghai");
    expect(at.toISOString()).toBe("2026-03-01T17:00:00.000Z");
    expect(localDateTimeInZone(at, "Asia/Shanghai")).toBe("2026-03-02T01:00");
    expect(instantFromLocalDateTime("2026-07-01T09:30", "Europe/London").toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(() => instantFromLocalDateTime("2026-02-30T09:00", "Asia/Shanghai")).toThrow(RangeError);
  });
});

describe("the remembered days (bounded maps of the day numbers)", () => {
  it("every day of 200 years reads the same through the maps as by the calendar, past the maps' bound", () => {
    // 73 000 days: more than the 50 000 kept, so the maps are emptied and refilled on the way.
    const first = dayNumberOf("1900-01-01");
    for (let n = first; n < first + 73_000; n += 1) {
      const date = localDateFromDayNumber(n);
      const utc = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (date !== utc || dayNumberOf(date) !== n || !isValidLocalDate(date)) throw new Error(`day ${n}: ${date} ≠ ${utc}`);
    }
    expect(localDateFromDayNumber(dayNumberOf("2096-02-29") + 1)).toBe("2096-03-01");
  });

  it("an invalid string stays invalid however often it is asked", () => {
    for (let i = 0; i < 3; i += 1) {
      expect(isValidLocalDate("2026-02-29")).toBe(false);
      expect(isValidLocalDate("2100-02-29")).toBe(false);
      expect(isValidLocalDate("2000-02-29")).toBe(true);
      expect(() => dayNumberOf("2026-13-01")).toThrow(RangeError);
    }
  });
});
