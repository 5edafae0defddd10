/**
 * Flow: the front desk logs a major complaint; a supervisor records the rectification; staff
 * revisit with a drawn signature; the manager sees the counts change and downloads the Excel file; the
 * printed revisit record shows the signature.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { formReady, signedIn } from "./support";

/** Open rectifications of 汇金中心 that need attention (overdue + due today + due soon). */
async function hqRectificationCount(page: Page): Promise<number> {
  await page.goto("/dashboard");
  const row = page.getByRole("table", { name: "按项目" }).getByRole("row").filter({ hasText: "汇金中心" });
  const cells = await row.getByRole("cell").allInnerTexts();
  return cells.slice(0, 3).reduce((sum, text) => sum + Number(text.trim()), 0);
}

test("a major complaint from intake to a signed revisit, seen on the manager's dashboard", async ({ browser }) => {
  test.setTimeout(180_000); // four people, four sessions
  const manager = await signedIn(browser, "MANAGER");
  const before = await hqRectificationCount(manager);

  // The front desk logs a major complaint.
  const desk = await signedIn(browser, "FRONT_DESK");
  await desk.goto("/complaints/new");
  await formReady(desk, "登记投诉");
  await desk.getByLabel("项目").selectOption({ label: "汇金中心" });
  await desk.getByRole("combobox", { name: "业户" }).fill("A-");
  await desk.getByRole("listbox").getByRole("option").first().click();
  await desk.getByLabel("重大投诉").check();
  await desk.getByLabel("类别").selectOption({ label: "维修" });
  await desk.getByLabel("责任部门").selectOption({ label: "工程部" });
  await desk.getByLabel("投诉内容").fill("A座大堂自动门无法关闭，影响安全");
  await desk.getByRole("button", { name: "登记投诉" }).click();
  await expect(desk).toHaveURL(/\/complaints\/(?!new$)[a-z0-9]+$/);
  const url = desk.url();
  await expect(desk.getByText("已接报").first()).toBeVisible();
  await expect(desk.getByText("重大投诉：1 个工作日内整改")).toBeVisible();

  expect(await hqRectificationCount(manager)).toBe(before + 1);
  // The record says who acts next.
  await expect(desk.getByTestId("next-step-who")).toHaveText("等待主管或经理开始整改");

  // The front desk's entry reads in the manager's audit trail: Chinese labels, local time with its zone, names.
  const complaintId = url.split("/").pop()!;
  await manager.goto(`/audit?q=${complaintId}`);
  const entry = manager.getByRole("row").filter({ hasText: "赵婷" }).first();
  await expect(entry).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+8/);
  await expect(entry.getByRole("link", { name: /^HQ-/ })).toHaveAttribute("href", `/complaints/${complaintId}`);
  const changes = entry.getByTestId("audit-changes");
  await expect(changes).toContainText("严重程度：重大投诉");
  await expect(changes).toContainText("部门：工程部");
  await expect(changes).not.toContainText(/departmentId|tenantId|MAJOR|T\d{2}:\d{2}/);

  // A supervisor records the rectification.
  const supervisor = await signedIn(browser, "SUPERVISOR");
  await supervisor.goto(url);
  await supervisor.getByRole("button", { name: "开始整改" }).click();
  await formReady(supervisor, "记录整改结果");
  await supervisor.getByLabel("整改情况").fill("已更换自动门感应器，测试开关正常");
  await supervisor.getByRole("button", { name: "记录整改结果" }).click();
  await expect(supervisor.getByText("已整改").first()).toBeVisible();

  expect(await hqRectificationCount(manager)).toBe(before);

  // The clerk revisits the client on site; the client signs on the screen.
  const clerk = await signedIn(browser, "CLERK");
  await clerk.goto(url);
  await formReady(clerk, "保存回访记录");
  await clerk.getByLabel("客户意见").fill("门已修好，很满意");
  await clerk.getByRole("button", { name: "保存回访记录" }).click();
  await expect(clerk.locator("#f-signatureFileId-error")).toHaveText("上门回访须由客户签字确认");

  const pad = clerk.getByTestId("signature-canvas");
  const box = (await pad.boundingBox())!;
  // A slip of the pen is taken back with 撤销: nothing is left to confirm.
  await clerk.mouse.move(box.x + 200, box.y + 40);
  await clerk.mouse.down();
  await clerk.mouse.move(box.x + 260, box.y + 60, { steps: 4 });
  await clerk.mouse.up();
  await clerk.getByRole("button", { name: "撤销" }).click();
  await expect(clerk.getByRole("button", { name: "撤销" })).toBeDisabled();
  await clerk.getByRole("button", { name: "确认签名" }).click();
  await expect(clerk.locator("#signature-error")).toHaveText("请先完成客户签字");
  await clerk.mouse.move(box.x + 30, box.y + 120);
  await clerk.mouse.down();
  for (let i = 1; i <= 12; i++) await clerk.mouse.move(box.x + 30 + i * 20, box.y + 120 - Math.sin(i / 2) * 50, { steps: 3 });
  await clerk.mouse.up();
  await clerk.getByRole("button", { name: "确认签名" }).click();
  await expect(clerk.getByTestId("signature-image")).toBeVisible();
  await clerk.getByRole("button", { name: "保存回访记录" }).click();
  await expect(clerk.getByText("已回访").first()).toBeVisible();

  // The printed 《回访记录表》 carries the signature image.
  await clerk.getByRole("link", { name: "打印回访记录表" }).click();
  await expect(clerk.getByRole("heading", { name: "回访记录表" })).toBeVisible();
  const signature = clerk.getByTestId("printed-signature");
  await expect(signature).toBeVisible();
  await expect.poll(() => signature.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(clerk.getByText("☑ 上门回访")).toBeVisible();

  // The manager downloads the filtered list as an Excel file.
  await manager.goto("/dashboard");
  const [download] = await Promise.all([manager.waitForEvent("download"), manager.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^complaints-\d{8}\.xlsx$/);
  const bytes = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(0, 2).toString()).toBe("PK");
});
