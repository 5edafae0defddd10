/**
 * A manager of a whole company (more than eight sites, decision 020): the dashboard's deadlines and
 * today's goods moves come as one line per site, the ten most urgent first, with a link to every
 * site's line and back (lib/many-sites.ts summaryLines, ?sites=all). The administrator creates the
 * sites and the manager through the registry, as a company that grows would; the demo's other
 * accounts are not assigned to them.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { formReady, signIn, submitSignIn } from "./support";

// Digits only: no other test's site name or code (HQ …) is found inside these.
const STAMP = String(Date.now()).slice(-6);
const NEW_SITES = 9;
const USERNAME = `mgr${STAMP}`;
const INITIAL = "Start-Pass-2026";
const CHOSEN = "Company-Wide-42";

async function createSite(page: Page, n: number) {
  await page.goto("/registry/sites/new");
  await formReady(page);
  await page.getByLabel("项目编码").fill(`MS${STAMP}${n}`);
  await page.getByLabel("项目名称").fill(`分公司${STAMP}-${n}号项目`);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page).toHaveURL(/\/registry\/sites$/);
}

test("a manager of eleven sites sees the ten most urgent sites' lines and can open every site's", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "ADMIN");
  for (let n = 1; n <= NEW_SITES; n++) await createSite(page, n);

  // The company's manager: every site, the demo's two and the nine new ones.
  await page.goto("/admin/users/new");
  await formReady(page);
  await page.getByLabel("用户名").fill(USERNAME);
  await page.getByLabel("初始密码").fill(INITIAL);
  await page.getByLabel("姓名").fill("集团经理");
  await page.getByLabel("角色").selectOption("MANAGER");
  const siteBoxes = page.locator("input[type=checkbox][name=siteIds]");
  const siteCount = await siteBoxes.count();
  expect(siteCount).toBeGreaterThanOrEqual(NEW_SITES + 2);
  for (let i = 0; i < siteCount; i++) await siteBoxes.nth(i).check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);

  // First sign-in: the password the administrator chose is replaced.
  await submitSignIn(page, USERNAME, INITIAL);
  await expect(page).toHaveURL(/\/account\/password/);
  await formReady(page, "修改密码");
  await page.getByRole("textbox", { name: "当前密码" }).fill(INITIAL);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(CHOSEN);
  await page.getByRole("textbox", { name: "再次输入新密码" }).fill(CHOSEN);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, { username: USERNAME, password: CHOSEN });

  // The dashboard's company view: ten lines, the most overdue first, then every site on request.
  await page.goto("/dashboard");
  await expect(page.getByText(`共 ${siteCount} 个项目，逾期最多的排在最前`)).toBeVisible();
  const deadlines = page.getByRole("table", { name: /各项目未完成期限/ });
  await expect(deadlines.locator("tbody tr")).toHaveCount(10);
  // The demo's sites have overdue complaints; the new ones none: they lead the lines.
  await expect(deadlines.locator("tbody tr").first()).not.toContainText(`分公司${STAMP}`);
  const toggle = page.getByTestId("site-lines-toggle");
  await expect(toggle).toHaveText(`显示全部 ${siteCount} 个项目`);
  await toggle.click();
  await expect(page).toHaveURL(/[?&]sites=all/);
  await expect(deadlines.locator("tbody tr")).toHaveCount(siteCount);
  await expect(toggle).toHaveText("只看逾期最多的 10 个项目");
  // A site's name opens that site's own dashboard, with its departments.
  await deadlines.getByRole("link", { name: `分公司${STAMP}-${NEW_SITES}号项目` }).click();
  await expect(page).toHaveURL(/\/dashboard\?site=/);
  await expect(page.getByTestId("site-lines-toggle")).toHaveCount(0);
  await page.goBack();
  await page.getByTestId("site-lines-toggle").click();
  await expect(page).not.toHaveURL(/sites=all/);
  await expect(deadlines.locator("tbody tr")).toHaveCount(10);

  // Today's goods moves, one line per site, the same way (R-GP-5).
  await page.goto("/goods-passes");
  const moves = page.locator("section[aria-labelledby=today-by-site]").getByRole("table");
  await expect(moves.locator("tbody tr")).toHaveCount(10);
  await expect(page.getByTestId("site-lines-toggle")).toHaveText(`显示全部 ${siteCount} 个项目`);
  await page.getByTestId("site-lines-toggle").click();
  await expect(moves.locator("tbody tr")).toHaveCount(siteCount);
  await expect(page.getByTestId("site-lines-toggle")).toHaveText("只看待盖章最多的 10 个项目");
});
