/**
 * Reports (issues 6 and 7), read-only on seeded data: the manager sees the seeded missing meeting weeks
 * on /meetings/compliance and on the dashboard card (R-MTG-1), downloads the minutes archive and the
 * quarter's attendance; the front desk opens the newspapers' monthly report and downloads it; a
 * supervisor may not open either report.
 */
import type { Download } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

async function xlsxBytes(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

test("the manager sees missing meeting weeks and downloads the archive", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.goto("/meetings/compliance");
  await expect(page.getByRole("heading", { name: "例会考核", level: 1 })).toBeVisible();
  // Three series per site, twelve weeks each; the seed skipped some past weeks.
  const strips = page.getByTestId("week-strip");
  await expect(strips).toHaveCount(3);
  await expect(strips.first().locator("li")).toHaveCount(12);
  await expect(page.locator('li[data-state="missing"]').first()).toBeVisible();
  await expect(page.locator('li[data-state="held"] a').first()).toHaveAttribute("href", /^\/meetings\/[a-z0-9]+$/);
  await expect(
    page
      .getByTestId("missing-count")
      .filter({ hasText: /缺失 [1-9]/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /出勤统计/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /李秀英/ }).first()).toBeVisible();

  const [archive] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出会议纪要存档" }).click()]);
  expect(archive.suggestedFilename()).toMatch(/^例会纪要-HQ-\d{8}-\d{8}\.xlsx$/);
  expect((await xlsxBytes(archive)).subarray(0, 2).toString()).toBe("PK");

  const [attendance] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出季度出勤表" }).click()]);
  expect(attendance.suggestedFilename()).toMatch(/^例会出勤-.+-\d{4}-Q[1-4]\.xlsx$/);

  // The dashboard card points back to the compliance page.
  await page.goto("/dashboard");
  const card = page.getByTestId("missing-meetings-card");
  await expect(card.getByRole("heading", { name: /例会缺失/ })).toBeVisible();
  await expect(card.getByText(/缺 [1-9] 周/).first()).toBeVisible();
  await card.getByRole("link", { name: "查看例会考核" }).click();
  await expect(page).toHaveURL(/\/meetings\/compliance$/);
});

test("the front desk opens the newspapers' monthly report and downloads it", async ({ page }) => {
  await signIn(page, "FRONT_DESK");
  await page.goto("/newspapers/report");
  await expect(page.getByRole("heading", { name: "报纸收发月报", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "按报刊" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "按业户" })).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^报纸月报-[A-Z]+-\d{4}-\d{2}\.xlsx$/);
  expect((await xlsxBytes(file)).subarray(0, 2).toString()).toBe("PK");
});

test("a supervisor may open neither report", async ({ page }) => {
  await signIn(page, "SUPERVISOR");
  for (const path of ["/meetings/compliance", "/newspapers/report"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
  }
});
