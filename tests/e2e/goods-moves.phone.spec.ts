/** At 390 px: today's moves per loading route (R-GP-5) are cards to tap, not a wall of text links. */
import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("today's move schedule on a phone: one 44 px card per move, time first, opening the pass", async ({ page }) => {
  await signIn(page, "FRONT_DESK");
  await page.goto("/goods-passes");
  const schedule = page.getByRole("region", { name: /今日搬运安排/ }).first();
  await expect(schedule).toBeVisible();
  const moves = schedule.getByRole("link");
  await expect(moves.first()).toBeVisible();
  const count = await moves.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const box = (await moves.nth(i).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await expect(moves.nth(i)).toContainText(/^\D*\d{2}:\d{2}–\d{2}:\d{2}/);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await moves.first().click();
  await expect(page).toHaveURL(/\/goods-passes\/(?!new)[a-z0-9]+$/);
});
