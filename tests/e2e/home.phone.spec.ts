/** At 390 px: the front desk signs in on a phone, opens the menu and reaches their pages. */
import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("the front desk's home and menu work at 390 px", async ({ page }) => {
  await signIn(page, "FRONT_DESK");
  await expect(page.getByRole("heading", { name: "赵婷，您好" })).toBeVisible();
  await expect(page.getByTestId("site-card-HQ")).toBeVisible();
  // The page leads with today's tasks (before the site cards), each a 44 px target that opens its page.
  const tasks = page.getByRole("region", { name: "今日待办" });
  await expect(tasks).toBeVisible();
  const leads = await page.evaluate(() => {
    const region = document.querySelector('[aria-labelledby="next-actions"]');
    const card = document.querySelector('[data-testid="site-card-HQ"]');
    return !!region && !!card && !!(region.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(leads).toBe(true);
  const firstTask = tasks.getByRole("link").first();
  if ((await tasks.getByRole("link").count()) > 0) {
    expect((await firstTask.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await firstTask.click();
    await expect(page).toHaveURL(/\/(newspapers|gate)/);
    await page.goBack();
  } else await expect(tasks).toContainText("今天没有待办事项");
  // No horizontal scrolling of the page itself.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByText("菜单").click();
  // The menu opens to the areas of work, each with its pages.
  const menu = page.getByTestId("nav-menu");
  for (const area of ["投诉与回访", "前台", "基础资料"]) await expect(menu.getByRole("heading", { name: area })).toBeVisible();
  // Every menu entry is a 44 px touch target.
  for (const box of await menu.getByRole("link").evaluateAll((links) => links.map((l) => l.getBoundingClientRect().height)))
    expect(box).toBeGreaterThanOrEqual(44);
  await page.getByRole("link", { name: "业户" }).first().click();
  await expect(page).toHaveURL(/\/registry\/tenants/);
  await expect(page.locator("table")).toBeVisible();
  await expect(page.getByTestId("nav-menu").locator("summary")).toContainText("基础资料");
});
