/**
 * A password chosen by an administrator is replaced at the first sign-in: every page leads to the
 * change-password page until then; a wrong current password and a weak new one get a Chinese message
 * next to the field; after the change the user signs in again with the new password.
 */
import { expect, test } from "./fixtures";
import { formReady, signIn, submitSignIn } from "./support";

const USERNAME = `fd${Date.now().toString(36)}`;
const INITIAL = "Start-Pass-2026";
const CHOSEN = "Mein-Eigenes-42";

test("first sign-in with a password set by the administrator forces a change", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/admin/users/new");
  await formReady(page);
  await page.getByLabel("用户名").fill(USERNAME);
  await page.getByLabel("初始密码").fill(INITIAL);
  await page.getByLabel("姓名").fill("新前台");
  await page.locator("input[type=checkbox][name=siteIds]").first().check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);

  await submitSignIn(page, USERNAME, INITIAL);
  await expect(page).toHaveURL(/\/account\/password/);
  await expect(page.getByText("您的密码由管理员设置")).toBeVisible();
  // Any other page leads back here.
  await page.goto("/complaints");
  await expect(page).toHaveURL(/\/account\/password/);

  await formReady(page, "修改密码");
  await page.getByRole("textbox", { name: "当前密码" }).fill("wrong-password");
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(CHOSEN);
  await page.getByRole("textbox", { name: "再次输入新密码" }).fill(CHOSEN);
  await page.getByRole("button", { name: "修改密码" }).click();
  // The message sits next to its field.
  await expect(page.locator("#f-currentPassword-error")).toHaveText("当前密码不正确。");

  await page.getByRole("textbox", { name: "当前密码" }).fill(INITIAL);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("woaini1314");
  await page.getByRole("textbox", { name: "再次输入新密码" }).fill("woaini1314");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#f-newPassword-error")).toHaveText("这是常见密码，很容易被猜到，请换一个。");

  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(CHOSEN);
  await page.getByRole("textbox", { name: "再次输入新密码" }).fill(CHOSEN);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login/);

  await submitSignIn(page, USERNAME, INITIAL);
  await expect(page.getByText("用户名或密码错误")).toBeVisible();
  await signIn(page, { username: USERNAME, password: CHOSEN });
  await expect(page).not.toHaveURL(/\/account\/password/);
});
