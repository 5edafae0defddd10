/** Shared by the meeting specs: site-local dates, scheduling a series' meeting. */
import type { Page } from "@playwright/test";
import { formReady } from "./support";

/** Shanghai local date `days` from today. */
export function shanghaiDate(days: number) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short" }).format(
    new Date(Date.now() + days * 86400_000),
  );
}

const MEETING_URL = /\/meetings\/[a-z0-9]{20,}$/;

/**
 * Opens the "schedule" page of the first series of `kind` and schedules it `days` ahead, or on an earlier
 * day when that one already has this series' meeting (a re-run against the same database).
 */
export async function schedule(page: Page, kind: string, days: number) {
  await page.goto("/meetings");
  await page.getByTestId(`series-${kind}`).first().getByRole("link", { name: "安排会议" }).click();
  await formReady(page, "安排");
  for (let offset = days; offset > days - 5; offset--) {
    await page.getByLabel("会议日期").fill(shanghaiDate(offset));
    await page.getByRole("button", { name: "安排", exact: true }).click();
    const taken = page.getByText("该例会在这一天已有会议，每个例会每天只能安排一次").first();
    await Promise.race([page.waitForURL(MEETING_URL), taken.waitFor()]);
    if (MEETING_URL.test(page.url())) return page.url();
    // That day is taken: start again from a clean form for the day before.
    await page.reload();
    await formReady(page, "安排");
  }
  throw new Error(`no free day to schedule the ${kind} meeting`);
}

/** Shanghai local date and time (HH:mm) of the instant `at` (a whole minute). */
function shanghaiDateTime(at: number) {
  const [date, time] = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" })
    .format(new Date(at))
    .split(" ");
  return { date, time };
}

/**
 * Schedules the first series of `kind` at the instant `at` (a whole minute, soon: a meeting is never
 * scheduled in the past, R-MTG-1).
 */
export async function scheduleAt(page: Page, kind: string, at: number) {
  await page.goto("/meetings");
  await page.getByTestId(`series-${kind}`).first().getByRole("link", { name: "安排会议" }).click();
  await formReady(page, "安排");
  const { date, time } = shanghaiDateTime(at);
  await page.getByLabel("会议日期").fill(date);
  await page.getByLabel("开始时间").fill(time);
  await page.getByRole("button", { name: "安排", exact: true }).click();
  await page.waitForURL(MEETING_URL);
  return page.url();
}
