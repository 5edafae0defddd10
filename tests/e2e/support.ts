import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
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

export type DemoRole = keyof typeof ACCOUNTS;

/**
 * Signs in through the real form and next-auth endpoint: the demo account of a role, or an account a
 * test created itself.
 */
export async function signIn(page: Page, who: DemoRole | { username: string; password: string }) {
  const { username, password } = typeof who === "string" ? { username: ACCOUNTS[who], password: PASSWORD } : who;
  await submitSignIn(page, username, password);
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Submits the sign-in form only: what follows (the app, a forced password change, a refusal) is the caller's to check. */
export async function submitSignIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await formReady(page, "登录");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** A phone at 390 px, as the supervisors and the front desk use. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A fresh browser context in Chinese and Shanghai time, signed in as `role`: one page per person in a flow. */
export async function signedIn(browser: Browser, role: DemoRole, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", ...options })).newPage();
  await signIn(page, role);
  return page;
}

/** Forms keep their save button disabled until hydrated; wait for it before typing. */
export async function formReady(page: Page, button = "保存") {
  await expect(page.getByRole("button", { name: button, exact: true })).toBeEnabled();
}

/** Draws a scribble on a signature pad and confirms it (uploads the PNG, or keeps it on the phone offline). */
export async function sign(page: Page, padId: string) {
  const pad = page.getByTestId(`${padId}-canvas`);
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 25, box.y + 100 - Math.sin(i / 2) * 40, { steps: 3 });
  await page.mouse.up();
  await page.getByRole("button", { name: "确认签名" }).click();
  await expect(page.getByTestId(`${padId}-image`)).toBeVisible();
}
