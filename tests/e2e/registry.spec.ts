/**
 * A manager creates and edits a unit and a tenant, sees both in the audit trail;
 * bad input is answered in Chinese next to the field and nothing is written.
 */
import { expect, test } from "./fixtures";
import { formReady, signIn } from "./support";

test("a manager creates and edits a unit and a tenant, and the audit trail shows both", async ({ page }) => {
  await signIn(page, "MANAGER");
  const suffix = Date.now().toString(36).toUpperCase();

  // Unit: an empty form is refused field by field, in Chinese.
  await page.goto("/registry/units/new");
  await formReady(page);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByLabel("单元号")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-code-error")).toHaveText("此项为必填项");
  await expect(page.locator("#f-siteId-error")).toHaveText("此项为必填项");

  const code = `B-${suffix}`;
  await page.getByLabel("项目").selectOption({ label: "汇金中心" });
  await page.getByLabel("单元号").fill(code);
  await page.getByLabel("楼栋").fill("B座");
  await page.getByLabel("楼层").fill("21F");
  await page.getByLabel("面积（㎡）").fill("256.5");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/registry\/units$/);

  await page.getByLabel("单元号 / 楼栋 / 业户").fill(code);
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByRole("link", { name: code }).click();
  await formReady(page);
  await page.getByLabel("状态").selectOption({ label: "装修中" });
  await page.getByRole("button", { name: "保存" }).click();
  // A renovating unit needs its tenant: the server's rule shows under the field.
  await expect(page.locator("#f-tenantId-error")).toContainText("须选择业户");
  await page.getByLabel("业户").selectOption({ index: 1 });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/registry\/units$/);

  // Tenant with a contact.
  const tenantName = `上海测试${suffix}科技有限公司`;
  await page.goto("/registry/tenants/new");
  await formReady(page);
  await page.getByLabel("项目").selectOption({ label: "汇金中心" });
  await page.getByLabel("业户名称").fill(tenantName);
  await page.getByLabel("姓名").fill("周敏");
  await page.getByLabel("职务").fill("行政经理");
  await page.getByLabel("电话").fill("abc");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#f-contacts-0-phone-error")).toHaveText("请输入有效的电话号码（5–20 位数字，可含 + -）");
  await page.getByLabel("电话").fill("13812345678");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/registry\/tenants$/);
  await page.getByLabel("业户名称 / 单元号 / 电话").fill("13812345678");
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByRole("link", { name: tenantName }).click();
  await formReady(page);
  await page.getByLabel("备注").fill("二期入驻");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/registry\/tenants$/);

  // The audit trail: newest first, with the manager's name and before → after.
  await page.goto("/audit");
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "业户 · 修改" }).first()).toContainText("备注：（空） → 二期入驻");
  await expect(rows.filter({ hasText: "业户 · 新增" }).first()).toContainText(tenantName);
  await expect(rows.filter({ hasText: "单元 · 修改" }).first()).toContainText("状态：空置 → 装修中");
  await expect(rows.filter({ hasText: "单元 · 新增" }).first()).toContainText(code);
  await expect(rows.filter({ hasText: "单元 · 新增" }).first()).toContainText("王建国");
});

test("the English switch translates the interface", async ({ page }) => {
  await signIn(page, "CLERK");
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.getByRole("link", { name: "Tenants" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Switch language" }).click();
  await expect(page.getByRole("link", { name: "业户" }).first()).toBeVisible();
});

test("an edit made on a record changed meanwhile is refused with what changed, and offers to reload", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.goto("/registry/departments");
  const href = await page.locator('a[href^="/registry/departments/"]:not([href$="/new"])').first().getAttribute("href");
  // Two tabs open the same department from the same version.
  const other = await page.context().newPage();
  for (const p of [page, other]) {
    await p.goto(href!);
    await formReady(p);
  }
  const suffix = Date.now().toString(36);
  await other.getByLabel("联系人", { exact: true }).fill(`先改${suffix}`);
  await other.getByRole("button", { name: "保存" }).click();
  await expect(other).toHaveURL(/\/registry\/departments$/);

  await page.getByLabel("联系人", { exact: true }).fill(`后改${suffix}`);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("form-status")).toContainText("自您打开后");
  await expect(page.getByTestId("form-status")).toContainText("联系人");
  await page.getByRole("button", { name: "重新加载" }).click();
  await formReady(page);
  await expect(page.getByLabel("联系人", { exact: true })).toHaveValue(`先改${suffix}`);
  await page.getByLabel("联系人", { exact: true }).fill(`后改${suffix}`);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/registry\/departments$/);
});
