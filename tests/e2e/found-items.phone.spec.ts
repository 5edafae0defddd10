/**
 * At 390 px (§7.8, R-LOST-1): the front desk registers an item handed in from the garbage room, prints
 * its label, and releases it to its owner — refused without a signature, then claimed with the owner's
 * signature drawn on the screen; the register then shows it as claimed. Then (§12, R-WST-2) the clerk
 * logs a toner clearance on the phone and the overdue toner stream of the demo site is on schedule again.
 */
import { expect, test } from "./fixtures";
import { PHONE, formReady, signIn, signedIn } from "./support";

test("a found item registered and claimed with a drawn signature, then shown as claimed", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "FRONT_DESK");
  await page.goto("/found-items/new");
  await formReady(page, "登记");
  const description = `黑色钱包 E2E ${Date.now().toString(36)}`;
  await page.getByLabel("项目").selectOption({ label: "汇金中心" });
  await page.getByLabel("物品名称及特征").fill(description);
  await page.getByLabel("拾获地点").fill("B1 垃圾房");
  await page.getByLabel("拾获人").fill("王秀兰");
  await page.getByLabel("保管位置").fill("客务部保险柜 1 层");
  await page.getByRole("button", { name: "登记", exact: true }).click();

  await expect(page).toHaveURL(/\/found-items\/[^/]+$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("FI-HQ-");
  const number = (await heading.innerText()).split(" ").pop()!;
  await expect(page.getByText("保管中").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The label: the number large, with what, when and where.
  const itemUrl = page.url();
  await page.getByRole("link", { name: "打印物品标签" }).click();
  const label = page.getByTestId("found-item-label");
  await expect(label).toContainText(number);
  await expect(label).toContainText(description);
  await expect(label).toContainText("B1 垃圾房");
  await page.goto(itemUrl);

  // The owner comes: identity checked, but no signature yet → refused, nothing released.
  await formReady(page, "确认认领并放行");
  await page.getByLabel("认领人姓名").fill("沈立伟");
  await page.getByLabel("核验证件").selectOption({ label: "居民身份证" });
  await page.getByLabel("证件号后四位").fill("203X");
  await page.getByRole("button", { name: "确认认领并放行" }).click();
  await expect(page.getByText("请认领人在屏幕上签名并点“确认签名”，没有签名不能放行")).toBeVisible();
  await expect(page.getByTestId("claim-record")).toHaveCount(0);

  // The owner signs with a finger on the pad.
  const pad = page.getByTestId("claim-signature-canvas");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 120);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 22, box.y + 120 - Math.sin(i / 2) * 50, { steps: 3 });
  await page.mouse.up();
  await page.getByRole("button", { name: "确认签名" }).click();
  await expect(page.getByTestId("claim-signature-image")).toBeVisible();
  await page.getByRole("button", { name: "确认认领并放行" }).click();

  const record = page.getByTestId("claim-record");
  await expect(record).toBeVisible();
  await expect(record).toContainText("沈立伟");
  await expect(record).toContainText("居民身份证 ····203X");
  await expect(record.getByRole("img", { name: /认领人签名/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "确认认领并放行" })).toHaveCount(0);

  // The register lists it as claimed.
  await page.goto(`/found-items?state=CLAIMED&q=${encodeURIComponent(number)}`);
  const row = page.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("已认领");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the clerk logs a toner clearance on the phone; the overdue stream is on schedule again", async ({ browser }) => {
  test.setTimeout(90_000);
  const clerk = await signedIn(browser, "CLERK", PHONE);
  await clerk.goto("/waste?site=");
  // The demo HQ site's toner box was never emptied: overdue.
  const hq = clerk.getByRole("row").filter({ hasText: "汇金中心" }).filter({ hasText: "废墨盒 / 硒鼓" });
  await expect(hq).toContainText("逾期");

  await clerk.goto("/waste/record?stream=TONER");
  await formReady(clerk, "登记");
  await clerk.getByLabel("项目").selectOption({ label: "汇金中心" });
  await clerk.getByLabel("数量").fill("-2");
  await clerk.getByLabel("清运 / 回收单位或人员").fill("办公耗材供应商");
  await clerk.getByRole("button", { name: "登记", exact: true }).click();
  await expect(clerk.getByText("数量须大于 0")).toBeVisible();
  await clerk.getByLabel("数量").fill("12");
  // The unit select (its label "单位" is also part of "清运 / 回收单位或人员").
  await clerk.locator("#f-unit").selectOption({ label: "个" });
  await clerk.getByRole("button", { name: "登记", exact: true }).click();

  await expect(clerk).toHaveURL(/\/waste$/);
  await expect(hq).toContainText("按期");
  await expect(clerk.getByRole("row").filter({ hasText: "办公耗材供应商" }).first()).toContainText("12 个");
  expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
