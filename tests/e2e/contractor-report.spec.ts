/**
 * The managers' view of the contractors (issue 18 item 7) on seeded data: the dashboard's contractors
 * card counts per site — the seed gives each site an expired and a soon-expiring 健康证 and two
 * violations awaiting the contractor's response — and each line opens the page that handles it; the
 * monthly contractor report opens from the assessment, exports to Excel and prints on A4.
 */
import type { Download } from "@playwright/test";
import { expect, test } from "./fixtures";
import { axeFindings } from "./a11y-support";
import { signIn } from "./support";

async function xlsxBytes(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

test("the manager reads the contractors card, opens the monthly report, its Excel file and its print view", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.goto("/dashboard");
  const card = page.getByTestId("contractors-card");
  await expect(card.getByRole("heading", { name: /外包单位/ })).toBeVisible();
  const site = card.locator('[data-testid^="contractors-card-"]').first();
  await expect(site.getByTestId("contractors-expiredCertificates")).toHaveText(/健康证已过期或缺失\s*[1-9]/);
  await expect(site.getByTestId("contractors-expiringCertificates")).toHaveText(/健康证30天内到期\s*[1-9]/);
  await expect(site.getByTestId("contractors-openViolations")).toHaveText(/违规待外包单位回复\s*([2-9]|\d{2,})/);
  for (const line of ["missedSteps", "latePlans", "lateMenus", "lateSummaries", "overdueWaste", "dueFoundItems"])
    await expect(site.getByTestId(`contractors-${line}`)).toHaveText(/\d+$/);

  // A line opens the page where it is handled: the open violations.
  await site.getByTestId("contractors-openViolations").getByRole("link").click();
  await expect(page).toHaveURL(/\/contractors\/violations\?open=1$/);
  await expect(page.getByText("垃圾房内吸烟", { exact: true }).first()).toBeVisible();

  // The monthly report, from the assessment.
  await page.goto("/contractors/assessment");
  await page.getByRole("link", { name: "月度报告（打印 / 导出）" }).first().click();
  await expect(page).toHaveURL(/\/contractors\/report\?site=.+&month=\d{4}-\d{2}$/);
  await expect(page.getByRole("heading", { name: "外包单位月度考核报告", level: 1 })).toBeVisible();
  const sheet = page.getByTestId("contractor-report-sheet");
  await expect(sheet.getByRole("heading", { name: "外包单位（保洁·送餐）月度考核报告" })).toBeVisible();
  for (const section of ["一、违规、照价赔偿与培训", "三、送餐公司：食堂检查", "四、保洁主管日工作"])
    await expect(sheet.getByRole("heading", { name: section })).toBeVisible();
  await expect(sheet.getByRole("cell", { name: "检查次数" })).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);

  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^外包单位月报-[A-Z]+-\d{4}-\d{2}\.xlsx$/);
  expect((await xlsxBytes(file)).subarray(0, 2).toString()).toBe("PK");

  // The print view: the same report on an A4 sheet, without the app's navigation.
  await page.getByRole("link", { name: "打印", exact: true }).click();
  await expect(page).toHaveURL(/\/contractors\/report\/print\?site=.+&month=\d{4}-\d{2}$/);
  await expect(page.getByRole("heading", { name: "外包单位（保洁·送餐）月度考核报告" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);
  await expect(page.getByText("客务部经理：")).toBeVisible();
});

test("a supervisor gets neither the card's report nor its export", async ({ page }) => {
  await signIn(page, "SUPERVISOR");
  const response = await page.request.get("/contractors/report/export");
  expect(response.status()).toBe(403);
  await page.goto("/contractors/report");
  await expect(page.getByRole("heading", { name: "外包单位月度考核报告" })).toHaveCount(0);
});
