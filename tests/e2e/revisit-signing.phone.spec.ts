/**
 * R-CMP-4 on a phone (390 px): after a phone revisit the clerk sends the client a one-time signing
 * link; the client opens it on their own phone without signing in, sees the revisit record, signs,
 * and the revisit completes; the link then refuses.
 */
import { expect, test } from "./fixtures";
import { formReady, signIn } from "./support";

test("staff send a signing link; the client signs on their phone without an account; the link then refuses", async ({ browser, page }) => {
  test.setTimeout(120_000);
  // The clerk, on a desktop browser of the office.
  const clerk = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  await signIn(clerk, "CLERK");
  // The seed leaves complaints rectified and waiting for their revisit; take one not yet revisited.
  await clerk.goto("/complaints?state=RECTIFIED");
  const hrefs = await clerk
    .getByRole("table")
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  let number = "";
  for (const href of hrefs) {
    await clerk.goto(href!);
    if ((await clerk.getByTestId("awaiting-signature").count()) === 0) {
      number = (await clerk.getByRole("heading", { level: 1 }).innerText()).split(" ").pop()!;
      break;
    }
  }
  expect(number).not.toBe("");

  await formReady(clerk, "保存回访记录");
  await clerk.getByLabel("电话回访").check();
  await clerk.getByLabel("满意", { exact: true }).check();
  await clerk.getByLabel("客户意见").fill("电话回访：问题已解决");
  await clerk.getByRole("button", { name: "保存回访记录" }).click();
  // Not complete without the client's signature: it waits for it.
  await expect(clerk.getByTestId("awaiting-signature")).toBeVisible();
  await expect(clerk.getByText("已整改").first()).toBeVisible();

  await clerk.getByRole("button", { name: "生成签字链接" }).click();
  const panel = clerk.getByTestId("signing-link");
  await expect(panel.getByRole("img", { name: "签字链接二维码" }).locator("svg")).toBeVisible();
  const link = await panel.getByRole("textbox", { name: "签字链接" }).inputValue();
  expect(link).toMatch(/\/sign\/[A-Za-z0-9_-]{43}$/);

  // The client, on their own phone (this project's 390 px page), with no session at all.
  await page.goto(new URL(link).pathname);
  await expect(page).toHaveURL(/\/sign\//); // not sent to the sign-in page
  await expect(page.getByRole("heading", { name: "回访记录签字" })).toBeVisible();
  const record = page.getByTestId("signing-record");
  await expect(record).toContainText(number);
  await expect(record).toContainText("电话回访：问题已解决");
  await expect(record).toContainText("满意");
  // The page fits the phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const pad = page.getByTestId("client-signature-canvas");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 120);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 22, box.y + 120 - Math.sin(i / 2) * 50, { steps: 3 });
  await page.mouse.up();
  await page.getByRole("button", { name: "确认签名" }).click();
  await expect(page.getByText("签字已提交，谢谢您的配合！")).toBeVisible();

  // The revisit is complete on the staff side.
  await clerk.reload();
  await expect(clerk.getByText("已回访").first()).toBeVisible();
  await expect(clerk.getByTestId("awaiting-signature")).toHaveCount(0);

  // The link works once.
  await page.goto(new URL(link).pathname);
  await expect(page.getByTestId("signing-invalid")).toBeVisible();
  await expect(page.getByTestId("signing-record")).toHaveCount(0);
});
