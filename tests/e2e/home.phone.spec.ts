/** At 390 px: a supervisor signs in on a phone, opens the menu and reaches their pages. */
import { expect, test } from "@playwright/test";
import { ACCOUNTS, login } from "./support";

test("the supervisor's home and menu work at 390 px", async ({ page }) => {
  await login(page, ACCOUNTS.SUPERVISOR);
  await expect(page.getByRole("heading", { name: "李秀英，您好" })).toBeVisible();
  await expect(page.getByTestId("site-card-HQ")).toBeVisible();
  // No horizontal scrolling of the page itself.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByText("菜单").click();
  await page.getByRole("link", { name: "区域" }).first().click();
  await expect(page).toHaveURL(/\/registry\/areas/);
  await expect(page.getByRole("table")).toBeVisible();
});
