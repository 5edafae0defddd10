import { expect, type Page } from "@playwright/test";
import zh from "../../lib/i18n/messages/zh-CN/core.json" with { type: "json" };

export const PASSWORD = "Kewu@2026";
export const nav = zh.nav;

/** Demo accounts from prisma/seed (one per role). `coordinator` is kept for the throttling test. */
export const ACCOUNTS = {
  ADMIN: "admin",
  MANAGER: "manager",
  SUPERVISOR: "supervisor",
  CLERK: "clerk",
  FRONT_DESK: "frontdesk",
  ENGINEER: "engineer",
} as const;

/** Signs in through the real form and next-auth endpoint. */
export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto("/login");
  await formReady(page, "登录");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Forms keep their save button disabled until hydrated; wait for it before typing. */
export async function formReady(page: Page, button = "保存") {
  await expect(page.getByRole("button", { name: button, exact: true })).toBeEnabled();
}
