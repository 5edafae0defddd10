/**
 * §3.2 on a phone (390 px): the manager opens a survey round and sends a tenant a one-time
 * questionnaire link; the tenant answers on their own phone without an account (the link then
 * refuses); staff summarise the opinion to a department, record the delivery (R-SUR-1), the
 * department's written measures (R-SUR-2), the rectification, and a revisit the client signs on the
 * spot (R-SUR-3), printed on the revisit record.
 */
import { expect, test } from "./fixtures";
import { formReady, signedIn } from "./support";

test("a tenant answers through the link on a phone; staff carry the opinion to a signed revisit", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const staff = await signedIn(browser, "MANAGER");

  // A new round on the first site without one collecting (the seeded rounds are closed).
  await staff.goto("/surveys");
  await formReady(staff, "开始新一轮调查");
  const title = `E2E调查${Date.now().toString(36)}`;
  await staff.getByLabel("名称").fill(title);
  await staff.getByRole("button", { name: "开始新一轮调查" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(staff.getByRole("heading", { name: "回收率（按楼栋）" })).toBeVisible();

  // A one-time link for the first tenant.
  const row = staff.getByRole("table", { name: "业户", exact: true }).locator("tbody tr").first();
  const tenantName = (await row.getByTestId(/^tenant-/).innerText()).trim();
  const details = row.locator("details");
  await details.locator("summary").click();
  await details.getByRole("button", { name: "生成问卷链接" }).click();
  const link = await details.getByTestId("signing-link").getByRole("textbox").inputValue();
  expect(link).toMatch(/\/sign\/[A-Za-z0-9_-]{43}$/);

  // The tenant, on their phone, with no session: only their own questionnaire.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "满意度调查问卷" })).toBeVisible();
  await expect(page.getByTestId("survey-intro")).toContainText(tenantName);
  const groups = page.getByRole("group");
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(3);
  await formReady(page, "提交问卷");
  // Submitting with a question unanswered is refused next to it.
  await page.getByRole("button", { name: "提交问卷" }).click();
  await expect(page.getByText("评分须为 1 到 5 的整数").first()).toBeVisible();
  for (let i = 0; i < count; i++) await groups.nth(i).getByLabel("4", { exact: true }).check();
  await page.getByLabel("意见和建议").fill("地下车库照明不足，晚上取车不安全");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "提交问卷" }).click();
  await expect(page.getByTestId("survey-thanks")).toBeVisible();
  // The link works once.
  await page.goto(new URL(link).pathname);
  await expect(page.getByTestId("signing-invalid")).toBeVisible();

  // Staff: the answered questionnaire counts, its opinion waits for the summary (汇总).
  await staff.reload();
  await expect(
    staff
      .getByRole("table", { name: "业户", exact: true })
      .locator("tbody tr")
      .filter({ has: staff.getByTestId(`tenant-${tenantName}`) }),
  ).toContainText("已答卷");
  const opinion = staff.getByTestId("opinion").filter({ hasText: "地下车库照明不足" });
  await expect(opinion).toBeVisible();
  await opinion.getByLabel("汇总意见").fill("地下车库照明不足");
  await opinion.getByRole("button", { name: "汇总并确定责任部门" }).click();
  await staff.getByRole("link", { name: "地下车库照明不足" }).click();

  // R-SUR-1: delivered within 2 days.
  await expect(staff.getByTestId("item-deadlines")).toContainText("送达期限");
  await formReady(staff, "登记送达");
  await staff.getByLabel("接收人").fill("工程部王工");
  await staff.getByRole("button", { name: "登记送达" }).click();
  // R-SUR-2: the department's written measures within 3 days.
  await formReady(staff, "登记书面反馈");
  await expect(staff.getByTestId("item-deadlines")).toContainText("书面反馈期限");
  await staff.getByLabel("整改措施（书面反馈）").fill("更换车库LED灯具，增加夜间巡逻");
  await staff.getByRole("button", { name: "登记书面反馈" }).click();
  await formReady(staff, "登记整改完成");
  await staff.getByRole("button", { name: "登记整改完成" }).click();

  // R-SUR-3: the revisit, signed by the client on the spot.
  await formReady(staff, "登记回访");
  await expect(staff.getByTestId("item-deadlines")).toContainText("回访期限");
  await staff.getByLabel("满意", { exact: true }).check();
  await staff.getByLabel("客户姓名").fill("张经理");
  const pad = staff.getByTestId("signature-canvas");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await staff.mouse.move(box.x + 30, box.y + 120);
  await staff.mouse.down();
  for (let i = 1; i <= 12; i++) await staff.mouse.move(box.x + 30 + i * 22, box.y + 120 - Math.sin(i / 2) * 50, { steps: 3 });
  await staff.mouse.up();
  await staff.getByRole("button", { name: "确认签名" }).click();
  await expect(staff.getByTestId("signature-image")).toBeVisible();
  await staff.getByRole("button", { name: "登记回访" }).click();
  await expect(staff.getByTestId("item-trail")).toContainText("已回访");
  await expect(staff.getByTestId("item-facts")).toContainText("张经理");

  await staff.getByRole("link", { name: "打印回访记录表" }).click();
  await expect(staff.getByRole("heading", { name: "回访记录表" })).toBeVisible();
  await expect(staff.getByTestId("printed-signature")).toBeVisible();
});
