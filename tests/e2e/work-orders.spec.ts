/**
 * R-INS-5 on screen: engineering takes the oldest open work order of 汇金中心 (left by the seeded
 * inspection rounds), records the fix with a note; the supervisor verifies it and it shows 已验收.
 */
import { expect, test } from "./fixtures";
import { formReady, signedIn } from "./support";

test("engineering fixes an open work order and the supervisor verifies it", async ({ browser }) => {
  test.setTimeout(120_000);
  const engineer = await signedIn(browser, "ENGINEER");
  await engineer.goto("/work-orders");
  await engineer.getByLabel("项目").selectOption({ label: "汇金中心" });
  await engineer.getByLabel("状态").selectOption({ label: "待维修" });
  await engineer.getByRole("button", { name: "查询" }).click();
  await expect(engineer).toHaveURL(/state=OPEN/);
  const table = engineer.getByRole("table", { name: "工程维修单" });
  const firstRow = table.getByRole("row").nth(1);
  await expect(firstRow.getByTestId("work-order-state")).toHaveText("待维修");
  await expect(firstRow).toContainText(/\d+ 天/);
  await firstRow.getByRole("link").first().click();
  await expect(engineer).toHaveURL(/\/work-orders\/[a-z0-9]+$/);
  const url = engineer.url();

  await formReady(engineer, "记录维修完成");
  await engineer.getByLabel("维修情况").fill("更换损坏的感应器，测试运行正常");
  await engineer.getByRole("button", { name: "记录维修完成" }).click();
  await expect(engineer.getByTestId("work-order-state")).toHaveText("已修复待验收");
  await expect(engineer.getByText("更换损坏的感应器，测试运行正常")).toBeVisible();
  // Engineering cannot verify its own fix.
  await expect(engineer.getByRole("button", { name: "验收通过" })).toHaveCount(0);

  const supervisor = await signedIn(browser, "SUPERVISOR");
  await supervisor.goto(url);
  await formReady(supervisor, "验收通过");
  await supervisor.getByRole("button", { name: "验收通过" }).click();
  await expect(supervisor.getByTestId("work-order-state")).toHaveText("已验收");
  await expect(supervisor.getByRole("button", { name: "验收通过" })).toHaveCount(0);
});
