/**
 * At 390 px: the cleaning supervisor's home is today's rounds; they open a window that is due now,
 * fail one item with a note, submit once, and find the window done (R-INS-1/3/4).
 *
 * So that a window is open whatever the time and day the suite runs, the system admin first sets HQ's
 * slots to cover the whole day, weekends included, through the site form (itself a user flow). The
 * seed never records rounds for today, so today's windows are the test's.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS, formReady, login } from "./support";

test.beforeAll(async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await login(admin, ACCOUNTS.ADMIN);
  await admin.goto("/registry/sites");
  await admin.getByRole("link", { name: "HQ" }).click();
  await formReady(admin);
  await admin.locator("#f-slot1Start").fill("00:00");
  await admin.locator("#f-slot1End").fill("12:00");
  await admin.locator("#f-slot2Start").fill("12:00");
  await admin.locator("#f-slot2End").fill("23:59");
  await admin.getByLabel("周末也巡检").check();
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin).toHaveURL(/\/registry\/sites$/);
  await admin.context().close();
});

test("a supervisor checks a due-now window on a phone", async ({ page }) => {
  await login(page, ACCOUNTS.SUPERVISOR);
  await expect(page).toHaveURL(/\/inspections$/);
  await expect(page.getByRole("heading", { name: "今日巡检", level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const dueNow = page.locator('a[data-state="due_now"]').first();
  await expect(dueNow, "the seed must give `supervisor` a window that is open now (see the header)").toBeVisible();
  const href = await dueNow.getAttribute("href");
  expect(href).toMatch(/^\/inspections\/[^/]+\/\d{4}-\d{2}-\d{2}-[12]$/);
  await dueNow.click();
  await expect(page).toHaveURL(href!);
  await formReady(page, "提交检查");

  // Every item starts as 合格; the note field appears only once an item is marked 不合格.
  const firstItem = page.locator('[data-testid^="item-"]').first();
  await expect(firstItem.getByLabel("情况说明")).toHaveCount(0);
  await firstItem.getByText("不合格", { exact: true }).click();
  await expect(firstItem.getByRole("radio", { name: "不合格" })).toBeChecked();
  // Submitting without a note is refused under the field.
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(firstItem.getByText("不合格项请填写情况说明")).toBeVisible();
  await firstItem.getByLabel("情况说明").fill("地面有水渍，已安排保洁擦干");
  await page.getByRole("button", { name: "提交检查" }).click();

  await expect(page).toHaveURL(/\/inspections$/);
  const done = page.locator(`a[href="${href}"]`);
  await expect(done).toHaveAttribute("data-state", "done");
  await expect(done).toContainText("已完成");
  await expect(done).toContainText("1 项不合格");

  // Opening the checked window again shows who checked it, and no form.
  await done.click();
  await expect(page.getByTestId("checklist-notice")).toContainText("李秀英");
  await expect(page.getByRole("button", { name: "提交检查" })).toHaveCount(0);
  await page.getByRole("link", { name: "返回今日巡检" }).click();
  await expect(page).toHaveURL(/\/inspections$/);
});
