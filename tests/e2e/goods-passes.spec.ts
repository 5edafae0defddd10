/**
 * Flow (R-GP-1..7): the front desk registers an "out" pass signed on screen by the tenant's
 * authorised signatory; a supervisor stamps it; the print view shows both copies; the gate releases it
 * once and refuses the second time.
 */
import { expect, test } from "./fixtures";
import { formReady, signedIn } from "./support";

/** Shanghai wall-clock date and time of now + `minutes`. */
function shanghai(minutes: number) {
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(
    new Date(Date.now() + minutes * 60_000),
  );
  const [date, time] = parts.split(" ");
  return { date, time };
}

test("an out pass with a signatory's signature: stamped, printed in two copies, released once", async ({ browser }) => {
  test.setTimeout(180_000);
  const desk = await signedIn(browser, "FRONT_DESK");

  // A tenant of 汇金中心 with an active authorised signatory (seeded).
  await desk.goto("/signatories");
  await desk.getByLabel("项目").selectOption({ label: "汇金中心" });
  await desk.getByRole("button", { name: "查询" }).click();
  const activeRow = desk
    .getByRole("row")
    .filter({ has: desk.getByRole("cell", { name: "有效", exact: true }) })
    .first();
  const tenantName = (await activeRow.getByRole("cell").first().innerText()).trim();

  await desk.goto("/goods-passes/new");
  await formReady(desk, "提交登记");
  await desk.getByLabel("项目").selectOption({ label: "汇金中心" });
  await desk.getByLabel("携出").check();
  await desk.getByRole("combobox", { name: "业户" }).fill(tenantName);
  await desk.getByRole("listbox").getByRole("option").first().click();
  // The unit select (its label carries the required mark "*").
  const unit = desk.locator("#f-unit");
  if ((await unit.inputValue()) === "") await unit.selectOption({ index: 1 });
  await desk.getByLabel("携物人姓名").fill("张师傅");
  await desk.getByLabel("身份证后 4 位").fill("123X");
  const start = shanghai(-5);
  const end = shanghai(55);
  await desk.locator("#f-windowStart").fill(start.date);
  await desk.locator("#f-windowStartTime").fill(start.time);
  await desk.locator("#f-windowEnd").fill(end.time);
  await desk.getByLabel("物品名称 1").fill("旧电脑主机");
  await desk.getByLabel("数量 1").fill("2");
  await desk.getByLabel("单位 1").fill("台");

  // The tenant's signatory signs next to the specimen; the clerk confirms they match.
  await desk.getByLabel("授权签字人签名").check();
  await expect(desk.locator("#f-signatoryId option")).toHaveCount(2);
  await desk.locator("#f-signatoryId").selectOption({ index: 1 });
  const specimen = desk.getByTestId("signature-compare").getByRole("img", { name: "备案签名样本" });
  await expect.poll(() => specimen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const pad = desk.getByTestId("pass-signature-canvas");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await desk.mouse.move(box.x + 30, box.y + 100);
  await desk.mouse.down();
  for (let i = 1; i <= 10; i++) await desk.mouse.move(box.x + 30 + i * 22, box.y + 100 - Math.cos(i / 2) * 40, { steps: 3 });
  await desk.mouse.up();
  await desk.getByRole("button", { name: "确认签名" }).click();
  await expect(desk.getByTestId("pass-signature-image")).toBeVisible();
  await desk.getByLabel("已核对签名与备案样本一致").check();

  // R-GP-5: try each loading route until one is free for this window and open at this hour.
  const routes = await desk.getByLabel("装卸通道").locator("option").allInnerTexts();
  for (const route of routes.slice(1)) {
    await desk.getByLabel("装卸通道").selectOption({ label: route });
    await desk.getByRole("button", { name: "提交登记" }).click();
    const outcome = await Promise.race([
      desk.waitForURL(/\/goods-passes\/(?!new)[a-z0-9]+$/, { timeout: 15_000 }).then(() => "created"),
      desk
        .getByTestId("window-proposals")
        .waitFor({ timeout: 15_000 })
        .then(() => "busy"),
      desk
        .getByText(/开放时间为每日/)
        .waitFor({ timeout: 15_000 })
        .then(() => "closed"),
    ]);
    if (outcome === "created") break;
  }
  await expect(desk).toHaveURL(/\/goods-passes\/(?!new)[a-z0-9]+$/);
  const passUrl = desk.url();
  await expect(desk.getByText("（盖章确认后编号）").or(desk.getByText("待盖章")).first()).toBeVisible();

  // A supervisor stamps it (R-GP-3): only now it gets its number.
  const supervisor = await signedIn(browser, "SUPERVISOR");
  await supervisor.goto(passUrl);
  await supervisor.getByRole("button", { name: "盖章确认" }).click();
  await expect(supervisor.getByRole("heading", { level: 1 })).toContainText(/HQ-\d{8}-\d{3}/);
  const number = /HQ-\d{8}-\d{3}/.exec(await supervisor.getByRole("heading", { level: 1 }).innerText())![0];

  // The print view: two copies side by side, each with number, QR and the signature.
  await supervisor.goto(`${passUrl}/print`);
  await expect(supervisor.getByText("第一联 存根")).toBeVisible();
  await expect(supervisor.getByText("第二联 门岗")).toBeVisible();
  await expect(supervisor.getByText(number)).toHaveCount(2);
  await expect(supervisor.getByRole("img", { name: "出入证编号二维码" })).toHaveCount(2);
  await expect(supervisor.getByText("旧电脑主机")).toHaveCount(2);

  // The gate (front desk on a phone) releases it once…
  await desk.goto(`/gate?q=${encodeURIComponent(number)}`);
  await expect(desk.getByTestId("gate-pass")).toContainText(tenantName);
  await desk.getByTestId("gate-release").click();
  await expect(desk.getByTestId("gate-released")).toBeVisible();
  // …and refuses it the second time, in red, with the reason.
  await desk.goto(`/gate?q=${encodeURIComponent(number)}`);
  await expect(desk.getByTestId("gate-refused")).toContainText("已放行");
  await expect(desk.getByTestId("gate-release")).toHaveCount(0);
});
