/**
 * Flow (R-MTG-1..5): the clerk (minute-taker of the department meeting) schedules it, records the
 * attendance of the four expected people and the minutes with an action item owned by a supervisor; the
 * manager (convener) confirms; the editing controls are gone; the clerk adds an amendment that shows linked
 * below the original. A user who does not attend another series' meeting gets not-found.
 */
import { expect, test } from "./fixtures";
import { schedule, scheduleAt, shanghaiDate } from "./meetings-support";
import { formReady, signedIn } from "./support";

test("a department meeting from scheduling to confirmation, then an amendment", async ({ browser }) => {
  // Includes waiting for the meeting, scheduled a little ahead, to begin.
  test.setTimeout(300_000);
  const clerk = await signedIn(browser, "CLERK");

  // Two weeks ahead is refused next to the date field.
  await clerk.goto("/meetings");
  await clerk.getByTestId("series-DEPARTMENT").first().getByRole("link", { name: "安排会议" }).click();
  await formReady(clerk, "安排");
  await clerk.getByLabel("会议日期").fill(shanghaiDate(14));
  await clerk.getByRole("button", { name: "安排", exact: true }).click();
  await expect(clerk.getByText("会议最多只能提前 7 天安排（按项目当地日期）").first()).toBeVisible();

  // Yesterday is refused too: a meeting is scheduled ahead, never in the past (R-MTG-1).
  await clerk.getByLabel("会议日期").fill(shanghaiDate(-1));
  await clerk.getByRole("button", { name: "安排", exact: true }).click();
  await expect(clerk.getByText("会议时间已过，不能安排在过去，请选择以后的日期和时间").first()).toBeVisible();

  // In about a minute and a half: minutes are confirmed once the meeting has begun.
  const start = Math.ceil((Date.now() + 90_000) / 60_000) * 60_000; // a whole minute: the form takes HH:mm
  const url = await scheduleAt(clerk, "DEPARTMENT", start);
  await formReady(clerk, "保存出勤");

  // Attendance of the four expected people; "excused" without an approved leave is refused at the person.
  const statuses = clerk.locator('select[id^="f-entries-"]');
  await expect(statuses).toHaveCount(4);
  await statuses.nth(0).selectOption("EXCUSED");
  await clerk.getByRole("button", { name: "保存出勤" }).click();
  await expect(clerk.getByText(/没有在会前获上级批准的请假/).first()).toBeVisible();
  for (let i = 0; i < 4; i++) await statuses.nth(i).selectOption(i === 3 ? "LATE" : "PRESENT");
  await clerk.getByRole("button", { name: "保存出勤" }).click();
  await expect(clerk.getByText("出勤已记录")).toBeVisible();

  // The fixed agenda (R-MTG-2).
  await clerk.getByLabel("上周工作及存在问题").fill("大堂地面保洁不及时，已整改");
  await clerk.getByLabel("下周工作计划").fill("配合消防检查；空置单元清洁抽查");
  await clerk.getByLabel("经理布置事项").fill("主管每日巡查两次");
  await clerk.getByRole("button", { name: "保存纪要" }).click();
  await expect(clerk.getByText("会议纪要已保存")).toBeVisible();

  // An action item needs an owner and a due date (R-MTG-5).
  await clerk.getByRole("textbox", { name: "事项", exact: true }).fill("更换三楼走廊灯管");
  await clerk.getByRole("button", { name: "添加待办事项" }).click();
  await expect(clerk.getByText("请选择待办事项的负责人")).toBeVisible();
  await clerk.getByRole("combobox", { name: "负责人", exact: true }).selectOption({ label: "李秀英" });
  await clerk.getByLabel("完成期限").fill(shanghaiDate(10));
  await clerk.getByRole("button", { name: "添加待办事项" }).click();
  await expect(clerk.getByTestId("action-items").getByText("更换三楼走廊灯管")).toBeVisible();

  // The manager convenes and confirms, once the meeting has begun.
  await clerk.waitForTimeout(Math.max(0, start - Date.now() + 2_000));
  const manager = await signedIn(browser, "MANAGER");
  await manager.goto(url);
  await manager.getByRole("button", { name: "确认会议纪要" }).click();
  await expect(manager.getByText(/已由 王建国 于 .* 确认/).first()).toBeVisible();
  await expect(manager.getByRole("button", { name: "确认会议纪要" })).toHaveCount(0);

  // Locked: no editing controls for the minute-taker, only an amendment.
  await clerk.goto(url);
  await formReady(clerk, "添加更正");
  await expect(clerk.getByRole("button", { name: "保存出勤" })).toHaveCount(0);
  await expect(clerk.getByRole("button", { name: "保存纪要" })).toHaveCount(0);
  await expect(clerk.getByRole("button", { name: "添加待办事项" })).toHaveCount(0);
  await expect(clerk.getByTestId("agenda").getByText("主管每日巡查两次")).toBeVisible();
  await clerk.getByLabel("更正部分").selectOption("assignments");
  await clerk.getByLabel("更正内容").fill("主管每日巡查三次（含夜间一次）");
  await clerk.getByLabel("更正原因").fill("记录笔误");
  await clerk.getByRole("button", { name: "添加更正" }).click();
  const amendments = clerk.getByTestId("amendments");
  await expect(amendments.getByText("主管每日巡查三次（含夜间一次）")).toBeVisible();
  await expect(amendments.getByText(/更正「经理布置事项」· 刘芳/)).toBeVisible();
  // The original stays as confirmed.
  await expect(clerk.getByTestId("agenda").getByText("主管每日巡查两次")).toBeVisible();

  // The archive print shows attendance, the agenda, the item and the amendment.
  await clerk.goto(`${url}/print`);
  await expect(clerk.getByRole("heading", { name: "会议记录" })).toBeVisible();
  await expect(clerk.getByText("更换三楼走廊灯管")).toBeVisible();
  await expect(clerk.getByText(/主管每日巡查三次/)).toBeVisible();
});

test("a meeting of a series one does not attend does not exist for them", async ({ browser }) => {
  const supervisor = await signedIn(browser, "SUPERVISOR");
  // The cleaning supervisor convenes the cleaning meeting; the clerk does not attend it.
  const url = await schedule(supervisor, "CLEANING", 6);
  const clerk = await signedIn(browser, "CLERK");
  const response = await clerk.goto(url);
  expect(response?.status()).toBe(404);
  await expect(clerk.getByText("页面不存在。")).toBeVisible();
  await clerk.goto(`${url}/print`);
  await expect(clerk.getByText("页面不存在。")).toBeVisible();
});
