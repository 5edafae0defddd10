/**
 * R-MTG-3 in the browser: a supervisor asks leave for next week's department meeting on a phone; the
 * manager (her superior) is notified, opens the meeting from the notification and approves before the
 * meeting; she is told; the clerk then records her as excused, which is accepted.
 */
import { expect, test } from "./fixtures";
import { schedule } from "./meetings-support";
import { PHONE, formReady, signedIn } from "./support";

test("leave asked on a phone, approved by the superior beforehand, recorded as excused", async ({ browser }) => {
  test.setTimeout(120_000);
  const clerk = await signedIn(browser, "CLERK", PHONE);
  const url = await schedule(clerk, "DEPARTMENT", 4);

  const supervisor = await signedIn(browser, "SUPERVISOR", PHONE);
  await supervisor.goto(url);
  await formReady(supervisor, "提交请假");
  await supervisor.getByLabel("请假事由").fill("外出参加消防培训");
  await supervisor.getByRole("button", { name: "提交请假" }).click();
  await expect(supervisor.getByText("请假申请已提交")).toBeVisible();

  const manager = await signedIn(browser, "MANAGER", PHONE);
  await manager.goto("/notifications");
  const notice = manager
    .getByRole("listitem")
    .filter({ hasText: /请假待审批：李秀英（部门例会/ })
    .first();
  await expect(notice).toContainText("外出参加消防培训");
  await notice.getByRole("link").click();
  await expect(manager).toHaveURL(url);
  await manager.getByRole("button", { name: "批准 李秀英 的请假", exact: true }).click();
  await expect(manager.getByText(/王建国 于 .* 处理/).first()).toBeVisible();

  await supervisor.goto("/notifications");
  await expect(supervisor.getByText(/请假已批准：李秀英（部门例会/).first()).toBeVisible();

  await clerk.goto(url);
  await formReady(clerk, "保存出勤");
  await clerk.getByRole("combobox", { name: /李秀英/ }).selectOption("EXCUSED");
  await clerk.getByRole("button", { name: "保存出勤" }).click();
  await expect(clerk.getByText("出勤已记录")).toBeVisible();
  await expect(clerk.getByRole("combobox", { name: /李秀英/ })).toHaveValue("EXCUSED");
});
