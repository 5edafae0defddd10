/**
 * R-CAL-1: next year's provisional calendar shows the law's 补假 days; a manager entering the
 * official table is refused a table that leaves out a festival or repeats a date (next to the
 * field), sees the day-by-day changes, and only then saves.
 */
import { expect, test } from "./fixtures";
import { createCalendar, dayOfWeek, localDateInZone, provisionalCompensatoryDays, provisionalDaysOff } from "../../lib/calendar";
import { formReady, signIn } from "./support";

const WEEKDAYS = "日一二三四五六";

test("a manager previews and saves next year's holiday table; the month shows 补假 until then", async ({ page }) => {
  // Next year at the demo sites (Asia/Shanghai) is provisional: the package's data ends with this year.
  const year = Number(localDateInZone(new Date(), "Asia/Shanghai").slice(0, 4)) + 1;
  const provisional = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
  const daysOff = provisionalDaysOff(year);
  const lines = (days: { date: string; name: string }[]) => days.map(({ date, name }) => `${date} ${name}`).join("\n");
  await signIn(page, "MANAGER");

  const compensatory = provisionalCompensatoryDays(year)[0];
  if (compensatory) {
    await page.goto(`/calendar?month=${compensatory.date.slice(0, 7)}`);
    const cell = page.getByTestId(`day-${compensatory.date}`);
    await expect(cell).toHaveAttribute("data-working", "false");
    await expect(cell).toContainText(compensatory.name);
    await expect(cell).toContainText("补假（暂定）");
  }

  await page.goto("/calendar");
  await formReady(page, "预览变化");
  const holidays = page.locator(`#y${year}-holidays`);
  const workdays = page.locator(`#y${year}-workdays`);
  await expect(holidays).toHaveValue(lines(daysOff));

  // A festival left out is refused under the list, naming the missing day.
  await holidays.fill(lines(daysOff.filter(({ date }) => date !== `${year}-10-02`)));
  await page.getByRole("button", { name: "预览变化" }).click();
  await expect(page.locator(`#y${year}-holidays-error`)).toContainText(`缺少法定节假日：国庆节 ${year}-10-02`);

  // A make-up day listed twice is refused on its line.
  const bridge = [`${year}-10-04`, `${year}-10-05`, `${year}-10-06`, `${year}-10-07`, `${year}-10-08`].find(
    (date) => provisional.dayInfo(date).working,
  )!;
  const makeUp = `${year}-09-2${[0, 1, 2, 3, 4, 5, 6].find((d) => dayOfWeek(`${year}-09-2${d}`) === 0)}`; // a Sunday before 国庆
  await holidays.fill(`${lines(daysOff)}\n${bridge} 国庆节`);
  await workdays.fill(`${makeUp} 国庆节\n${makeUp}`);
  await page.getByRole("button", { name: "预览变化" }).click();
  await expect(page.locator(`#y${year}-workdays-error`)).toHaveText("第 2 行：日期与前面重复");

  // The preview lists each changed day; the save button only comes with it.
  await workdays.fill(`${makeUp} 国庆节`);
  await page.getByRole("button", { name: "预览变化" }).click();
  const preview = page.getByTestId(`preview-${year}`);
  await expect(preview).toContainText("（2 天）");
  await expect(preview.getByTestId(`change-${bridge}`)).toHaveText(
    `${bridge}（周${WEEKDAYS[dayOfWeek(bridge)]}）：工作日 · 暂定 → 休息日 · 国庆节`,
  );
  await expect(preview.getByTestId(`change-${makeUp}`)).toHaveText(`${makeUp}（周日）：休息日 · 暂定 → 工作日 · 国庆节`);
  await page.getByRole("button", { name: `确认保存 ${year} 年安排` }).click();
  await expect(page.getByTestId("form-status")).toHaveText("已保存");
  await expect(page.getByTestId(`year-${year}`)).toContainText("已录入官方通知");
});
