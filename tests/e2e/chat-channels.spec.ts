/**
 * A manager adds a chat channel: an address that is not https is refused under its field with
 * nothing saved; a WeCom robot is saved and its address is never shown again (only its host).
 */
import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("a manager adds a WeCom group robot; http is refused next to the field", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.goto("/settings/chat-channels");
  await expect(page.getByRole("heading", { name: "群聊通知", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "添加群聊" }).first();
  // Enabled once hydrated.
  await expect(form.getByRole("button", { name: "添加群聊" })).toBeEnabled();
  await form.getByLabel("名称").fill("客服值班群");
  await form.getByLabel("Webhook 地址").fill("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRETKEY1");
  await form.getByRole("button", { name: "添加群聊" }).click();
  await expect(form.locator("[id$=-url-error]")).toHaveText("Webhook 地址必须以 https:// 开头");
  await expect(page.getByRole("article")).toHaveCount(0);

  await form.getByLabel("Webhook 地址").fill("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRETKEY1");
  await form.getByRole("button", { name: "添加群聊" }).click();
  const card = page.getByRole("article", { name: /客服值班群/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText("qyapi.weixin.qq.com");
  await expect(page.locator("body")).not.toContainText("SECRETKEY1");
  expect(await page.content()).not.toContain("SECRETKEY1");
});
