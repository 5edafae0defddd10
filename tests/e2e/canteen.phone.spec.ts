/**
 * At 390 px (§11, R-CAT-1): the supervisor checks the canteen on a phone. The seed gives the demo
 * catering company an employee whose 健康证 expired ten days ago: it is flagged on the form. Lunch has
 * only three main dishes: the count shows as a failure with its number, the check cannot be submitted
 * without saying how the problem was handled, and the record shows the short count and the flag.
 *
 * The seed records canteen checks up to yesterday and no other spec touches the canteen: today's check
 * of the first site is this test's.
 */
import { expect, test } from "./fixtures";
import { formReady, signIn } from "./support";

test("a canteen check with a short lunch count and an expired health certificate flagged", async ({ page }) => {
  await signIn(page, "SUPERVISOR");
  await page.goto("/contractors/canteen");
  await expect(page.getByRole("heading", { name: "餐厅检查", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "开始今日检查" }).first().click();
  await expect(page).toHaveURL(/\/contractors\/canteen\/check/);
  await formReady(page, "提交检查");

  const flagged = page.getByTestId("expired-certificates");
  await expect(flagged).toContainText("韩小军");
  await expect(flagged).toContainText("已过期");

  await page.getByLabel("早餐花色品种").fill("9");
  await page.getByLabel("中餐主菜").fill("3");
  await page.getByLabel("中餐主食").fill("4");
  await page.getByLabel("晚餐品种").fill("abc");
  await expect(page.getByTestId("short-lunchMainDishes")).toHaveText("中餐主菜 3 种，少于规定的 5 种");

  // Not a number: refused under its field, nothing sent.
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(page.getByText("请填写 0 或正整数")).toBeVisible();
  await page.getByLabel("晚餐品种").fill("8");

  // A failure without its handling is refused by the server with the reason under the field.
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(page.locator("#f-resolution-error")).toHaveText("发现问题时请选择处理方式：当日纠正或上报经理");
  await expect(page).toHaveURL(/\/contractors\/canteen\/check/);

  await page.getByLabel("已当日纠正").check();
  await page.getByLabel("纠正情况").fill("已要求送餐公司加做两道主菜");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "提交检查" }).click();

  await expect(page).toHaveURL(/\/contractors\/canteen\/checks\//);
  await expect(page.getByTestId("count-lunchMainDishes")).toContainText("中餐主菜 3 种，少于规定的 5 种");
  await expect(page.getByTestId("flagged-certificates")).toContainText("健康证过期：韩小军");
  await expect(page.getByText("已要求送餐公司加做两道主菜")).toBeVisible();

  // The overview now counts the day as checked, with its failure.
  await page.goto("/contractors/canteen");
  await expect(page.getByRole("link", { name: "今日已检查" }).first()).toBeVisible();
});

test("the manager reads the contractors, certificates, training, violations and the monthly assessment on a phone", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.goto("/contractors");
  await expect(page.getByRole("heading", { name: "外包单位", level: 1 })).toBeVisible();
  await expect(page.getByTestId("certificate-韩小军").first()).toContainText("已过期");
  await expect(page.getByTestId("certificate-朱晓燕").first()).toContainText("即将到期");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await page.goto("/contractors/violations");
  await expect(page.getByRole("heading", { name: "违规记录", level: 1 })).toBeVisible();
  await expect(page.getByText("照价赔偿金额（元）：86.50").first()).toBeVisible();

  await page.goto("/contractors/training");
  await expect(page.getByText("《食品卫生法》与餐具高温消毒").first()).toBeVisible();

  await page.goto("/contractors/assessment");
  await expect(page.getByRole("heading", { name: "外包单位月度考核", level: 1 })).toBeVisible();
  await expect(page.getByText("空置单元保洁得分").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
