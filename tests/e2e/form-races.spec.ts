/**
 * Forms never lose what the user did: a site picked on a slow phone before the page is interactive
 * survives hydration, and 保存 pressed while the client's signature is still uploading waits for it
 * (saying so) and saves with it.
 */
import { expect, test } from "./fixtures";
import { formReady, signedIn } from "./support";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a site picked before hydration survives it; save waits for a slow signature upload", async ({ browser }) => {
  test.setTimeout(150_000);
  const desk = await signedIn(browser, "FRONT_DESK");
  // Slow scripts: the server-rendered form is on screen well before React hydrates it.
  let slow = true;
  await desk.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
    if (slow) await delay(2_000);
    await route.continue();
  });
  await desk.goto("/complaints/new", { waitUntil: "commit" });
  const site = desk.getByLabel("项目");
  await site.selectOption({ label: "汇金中心" });
  slow = false;
  await formReady(desk, "登记投诉");
  await expect(site.locator("option:checked")).toHaveText("汇金中心");
  await desk.getByRole("combobox", { name: "业户" }).fill("A-");
  await desk.getByRole("listbox").getByRole("option").first().click();
  await desk.getByLabel("责任部门").selectOption({ label: "工程部" });
  await desk.getByLabel("投诉内容").fill("B座电梯按钮失灵");
  await desk.getByRole("button", { name: "登记投诉" }).click();
  await expect(desk).toHaveURL(/\/complaints\/(?!new$)[a-z0-9]+$/);
  await expect(desk.getByText("汇金中心").first()).toBeVisible();
  const url = desk.url();

  const supervisor = await signedIn(browser, "SUPERVISOR");
  await supervisor.goto(url);
  await supervisor.getByRole("button", { name: "开始整改" }).click();
  await formReady(supervisor, "记录整改结果");
  await supervisor.getByLabel("整改情况").fill("已更换按钮面板");
  await supervisor.getByRole("button", { name: "记录整改结果" }).click();
  await expect(supervisor.getByText("已整改").first()).toBeVisible();

  const clerk = await signedIn(browser, "CLERK");
  await clerk.goto(url);
  await formReady(clerk, "保存回访记录");
  // The signature's upload (a multipart server-action POST) takes three seconds.
  await clerk.route(url, async (route) => {
    if (route.request().method() === "POST" && (route.request().headers()["content-type"] ?? "").startsWith("multipart/form-data"))
      await delay(3_000);
    await route.continue();
  });
  const pad = clerk.getByTestId("signature-canvas");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await clerk.mouse.move(box.x + 30, box.y + 100);
  await clerk.mouse.down();
  for (let i = 1; i <= 10; i++) await clerk.mouse.move(box.x + 30 + i * 20, box.y + 100 - Math.sin(i / 2) * 40, { steps: 3 });
  await clerk.mouse.up();
  await clerk.getByRole("button", { name: "确认签名" }).click();
  const save = clerk.getByRole("form", { name: "保存回访记录" }).locator('button[type="submit"]');
  await save.click();
  await expect(save).toHaveText("签名上传中…");
  await expect(clerk.getByText("已回访").first()).toBeVisible({ timeout: 15_000 });
});
