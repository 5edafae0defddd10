/**
 * R-CLN-1 at 390 px: the cleaning supervisor works through today's day at HQ — the contractor's plan
 * heard, the lunchtime check with a re-staffing note, a tenant's opinion, damage sent to engineering,
 * the last patrol — then sends the daily report generated from those records (§10.7). The manager opens
 * it from the in-app notification and marks it read.
 *
 * So that today has a supervisor's day whatever day the suite runs, the manager first makes today a
 * working day at HQ through the calendar's override form (a make-up working day, itself a user flow)
 * when it is not one. The seed never records today.
 */
import { createCalendar, localDateInZone } from "../../lib/calendar";
import { expect, test } from "./fixtures";
import { PHONE, formReady, signedIn } from "./support";

const today = localDateInZone(new Date(), "Asia/Shanghai");

test.beforeAll(async ({ browser }) => {
  if (createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] }).isWorkingDay(today)) return;
  const manager = await signedIn(browser, "MANAGER");
  await manager.goto("/calendar");
  await formReady(manager, "保存调整");
  await manager.getByLabel("日期").first().fill(today);
  await manager.getByLabel("类型").selectOption("WORKDAY");
  await manager.getByRole("button", { name: "保存调整" }).click();
  await expect(manager.getByTestId("form-status")).toBeVisible();
  await manager.context().close();
});

test("the supervisor's day on a phone ends in the daily report, which the manager reads", async ({ browser }) => {
  const supervisor = await signedIn(browser, "SUPERVISOR", PHONE);
  await supervisor.goto("/cleaning");
  await expect(supervisor.getByRole("heading", { name: `${today} 保洁主管工作`, level: 1 })).toBeVisible();
  expect(await supervisor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // §10.3: the contractor's plan heard, with its time.
  const plan = supervisor.getByTestId("item-PLAN_HEARD");
  await formReady(supervisor, "记录意见");
  await plan.getByLabel("情况说明").fill("保洁公司今日到岗8人");
  await plan.getByRole("button", { name: "记录" }).click();
  await expect(plan.locator("[data-state]")).toHaveAttribute("data-state", /^(done|late)$/);
  await expect(plan).toContainText("保洁公司今日到岗8人");

  // §10.4: the lunchtime check found the arrangement wrong: the re-staffing is required and recorded.
  const lunch = supervisor.getByTestId("item-LUNCH_CHECK");
  await lunch.getByLabel("安排不合理，已与保洁公司协商调配").check();
  await lunch.getByRole("button", { name: "记录" }).click();
  await expect(lunch.locator("#f-LUNCH_CHECK-restaffingNote-error")).toHaveText("安排不合理时请填写调配说明");
  await lunch.getByLabel("调配说明").fill("大堂午间留1人值守");
  await lunch.getByRole("button", { name: "记录" }).click();
  await expect(lunch).toContainText("午间调配：大堂午间留1人值守");

  // §10.6: a tenant's opinion, which marks "opinions heard".
  await supervisor.getByRole("textbox", { name: "客户意见", exact: true }).fill("电梯厅垃圾桶满溢");
  await supervisor.getByRole("button", { name: "记录意见" }).click();
  await expect(supervisor.getByRole("region", { name: "客户意见与建议", exact: true })).toContainText("电梯厅垃圾桶满溢");
  await expect(supervisor.getByTestId("item-OPINIONS_HEARD").locator("[data-state]")).toHaveAttribute("data-state", /^(done|late)$/);

  // §10.9: damage goes to engineering as a work order.
  const damage = supervisor.getByRole("region", { name: "设施损坏报修（10.9）" });
  await damage.getByLabel("区域").selectOption({ index: 1 });
  await damage.getByLabel("损坏情况").fill("垃圾房门锁损坏");
  await damage.getByRole("button", { name: "通知工程部" }).click();
  await expect(damage.getByRole("link", { name: /^WO-HQ-/ })).toBeVisible();

  // §10.8: the last patrol.
  const last = supervisor.getByTestId("item-LAST_PATROL");
  await last.getByRole("button", { name: "记录" }).click();
  await expect(last.locator("[data-state]")).toHaveAttribute("data-state", /^(done|late)$/);

  // §10.7: the report, generated from the day's records, sent once.
  await supervisor.getByLabel("补充说明").fill("垃圾房已消杀");
  await supervisor.getByRole("button", { name: "生成并发送日报" }).click();
  const report = supervisor.getByTestId("daily-report");
  await expect(report).toContainText("保洁公司今日到岗8人");
  await expect(report).toContainText("电梯厅垃圾桶满溢");
  await expect(report).toContainText("垃圾房门锁损坏");
  await expect(supervisor.getByTestId("report-read")).toHaveText("经理尚未阅读");
  await expect(supervisor.getByRole("button", { name: "生成并发送日报" })).toHaveCount(0);
  await supervisor.context().close();

  // The manager opens it from the notification and reads it.
  const manager = await signedIn(browser, "MANAGER", PHONE);
  await manager.goto("/notifications");
  const note = manager
    .getByRole("listitem")
    .filter({ hasText: `${today} 保洁主管日报` })
    .first();
  await note.getByRole("link", { name: "查看" }).click();
  await expect(manager).toHaveURL(new RegExp(`/cleaning/days/${today}`));
  await expect(manager.getByTestId("daily-report")).toContainText("垃圾房已消杀");
  await manager.getByRole("button", { name: "已阅" }).click();
  await expect(manager.getByTestId("report-read")).toContainText("由 王建国 阅");
  await manager.context().close();
});
