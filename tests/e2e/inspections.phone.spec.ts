/**
 * At 390 px: the cleaning supervisor's home is today's rounds; they open a window that is due now,
 * fail one item with a note, submit once, and find the window done (R-INS-1/3/4).
 *
 * So that a window is open whatever the time and day the suite runs, the system admin first sets HQ's
 * slots to cover the whole day, weekends included, through the site form (itself a user flow). The
 * seed never records rounds for today, so today's windows are the test's.
 */
import { expect, test } from "./fixtures";
import { formReady, signIn, signedIn } from "./support";

test.beforeAll(async ({ browser }) => {
  const admin = await signedIn(browser, "ADMIN");
  await admin.goto("/registry/sites");
  await admin.getByRole("link", { name: "HQ" }).click();
  await formReady(admin);
  await admin.locator("#f-slot1Start").fill("00:00");
  await admin.locator("#f-slot1End").fill("12:00");
  await admin.locator("#f-slot2Start").fill("12:00");
  await admin.locator("#f-slot2End").fill("23:59");
  await admin.getByLabel("休息日也巡检", { exact: false }).check();
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin).toHaveURL(/\/registry\/sites$/);
  await admin.context().close();
});

test("a supervisor completes a round with one equipment failure; engineering gets the work order; the manager's grid shows it", async ({
  page,
  browser,
}) => {
  await signIn(page, "SUPERVISOR");
  await expect(page).toHaveURL(/\/inspections$/);
  await expect(page.getByRole("heading", { name: "今日巡检", level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // An elevator's checklist has equipment items (lighting, doors, the emergency call).
  const elevator = page
    .locator('[data-testid^="area-"]')
    .filter({ hasText: "客梯" })
    .filter({ has: page.locator('a[data-state="due_now"]') })
    .first();
  const dueNow = elevator.locator('a[data-state="due_now"]').first();
  await expect(dueNow, "HQ's slots were widened in beforeAll, so a window is open now").toBeVisible();
  const areaName = (await elevator.locator("p").first().innerText()).trim();
  const areaTestId = (await elevator.getAttribute("data-testid"))!;
  const href = await dueNow.getAttribute("href");
  expect(href).toMatch(/^\/inspections\/[^/]+\/\d{4}-\d{2}-\d{2}-[12]$/);
  await dueNow.click();
  await expect(page).toHaveURL(href!);
  await formReady(page, "提交检查");

  // Every item starts as 合格; the note field appears only once an item is marked 不合格.
  const equipmentItem = page.locator('[data-testid^="item-"]').filter({ hasText: "按钮、楼层显示及轿厢照明正常" });
  await expect(equipmentItem.getByLabel("情况说明")).toHaveCount(0);
  await equipmentItem.getByText("不合格", { exact: true }).click();
  await expect(equipmentItem.getByRole("radio", { name: "不合格" })).toBeChecked();
  // Submitting without a note is refused under the field.
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(equipmentItem.getByText("不合格项请填写情况说明")).toBeVisible();
  const note = `轿厢照明灯管闪烁 ${Date.now().toString(36)}`;
  await equipmentItem.getByLabel("情况说明").fill(note);
  await page.getByRole("button", { name: "提交检查" }).click();

  await expect(page).toHaveURL(/\/inspections$/);
  // The checked window now opens the check's results.
  const done = page.getByTestId(areaTestId).locator('a[data-state="done"]').filter({ hasText: "1 项不合格" });
  await expect(done).toContainText("已完成");
  await expect(done).toHaveAttribute("href", /^\/inspections\/checks\/[^/]+$/);
  await done.click();
  await expect(page).toHaveURL(/\/inspections\/checks\//);
  await expect(page.getByTestId("check-summary")).toContainText("李秀英");
  await expect(page.getByTestId("check-summary")).toContainText("1 项不合格");
  // The failed item comes first, with its note and its work order.
  const first = page.locator('[data-testid^="result-"]').first();
  await expect(first).toHaveAttribute("data-testid", "result-fail");
  await expect(first).toContainText("按钮、楼层显示及轿厢照明正常");
  await expect(first).toContainText(note);
  await expect(page.getByTestId("result-pass").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "提交检查" })).toHaveCount(0);

  // The checklist address still says who checked it and links to the results.
  await page.goto(href!);
  await expect(page.getByTestId("checklist-notice")).toContainText("李秀英");
  await expect(page.getByRole("button", { name: "提交检查" })).toHaveCount(0);

  // R-INS-5: engineering finds the work order at once.
  const engineer = await signedIn(browser, "ENGINEER");
  await engineer.goto(`/work-orders?q=${encodeURIComponent(note)}`);
  await expect(engineer.getByRole("row").filter({ hasText: note })).toContainText(areaName);

  // The manager's day grid shows the round as done by the supervisor.
  const manager = await signedIn(browser, "MANAGER");
  // The old address still works: it moved into the inspections module, with its query kept.
  await manager.goto("/compliance?period=day");
  await expect(manager).toHaveURL(/\/inspections\/compliance\?period=day$/);
  const row = manager.getByRole("row").filter({ hasText: areaName }).first(); // the day grid comes first
  await expect(row).toContainText("李秀英");
  // …and opens the check's results from the grid.
  await row.getByRole("link", { name: "查看结果" }).first().click();
  await expect(manager).toHaveURL(/\/inspections\/checks\//);
  await expect(manager.getByTestId("check-summary")).toBeVisible();
  await Promise.all([engineer.context().close(), manager.context().close()]);
});
