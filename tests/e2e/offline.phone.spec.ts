/**
 * Work that survives a dead signal (issue 20), on a 390 px phone with the service worker allowed (the
 * other specs block it, playwright.config.ts). The supervisor loads today's rounds online (the worker
 * installs and keeps today's checklists), loses the connection (the browser context goes offline),
 * completes a round with a failed item and a photo, sees it waiting on the phone, and when the
 * connection returns sees it sent and recorded once. A round the server refuses afterwards (the window
 * closed meanwhile) shows the server's message on the item until discarded. The front desk signs a
 * newspaper delivery offline the same way. Signing out warns of unsent items and clears them.
 */
import type { Page } from "@playwright/test";
import { axeFindings } from "./a11y-support";
import { expect, test } from "./fixtures";
import { formReady, sign, signIn, signedIn } from "./support";

test.use({ serviceWorkers: "allow" });

/** A valid 1×1 PNG: the photo input decodes and shrinks it like a camera picture. */
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** Sets HQ's slot 1 (and 2) through the site form, as the system admin. */
async function setHqSlots(page: Page, slot1: [string, string], slot2: [string, string]) {
  await page.goto("/registry/sites");
  await page.getByRole("link", { name: "HQ" }).click();
  await formReady(page);
  await page.locator("#f-slot1Start").fill(slot1[0]);
  await page.locator("#f-slot1End").fill(slot1[1]);
  await page.locator("#f-slot2Start").fill(slot2[0]);
  await page.locator("#f-slot2End").fill(slot2[1]);
  await page.getByLabel("休息日也巡检", { exact: false }).check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/registry\/sites$/);
}

/** The service worker is registered for the whole app, active, and controls this page. */
async function serviceWorkerControls(page: Page) {
  const registration = () =>
    page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: new URL(ready.scope).pathname, active: ready.active?.state ?? null, script: ready.active?.scriptURL ?? "" };
    });
  await expect.poll(registration, { timeout: 20_000 }).toMatchObject({ scope: "/", active: "activated" });
  expect((await registration()).script).toContain("/serwist/sw.js");
  // clientsClaim: the page loaded before the worker was active is taken over by it.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** A due-now window of an area whose checklist has equipment items, opened from the today page. */
function dueNowLink(page: Page, areaKind: string) {
  return page.locator('[data-testid^="area-"]').filter({ hasText: areaKind }).locator('a[data-state="due_now"]').first();
}

/** Waits until the service worker has kept a page (the today page hands it today's checklists). */
async function kept(page: Page, path: string) {
  await expect
    .poll(() => page.evaluate(async (p) => !!(await caches.match(p)), path), { message: `${path} kept for offline use`, timeout: 20_000 })
    .toBe(true);
}

test.beforeAll(async ({ browser }) => {
  // Whatever the time of day the suite runs, slot 1 is open (00:00–23:58).
  const admin = await signedIn(browser, "ADMIN");
  await setHqSlots(admin, ["00:00", "23:58"], ["23:58", "23:59"]);
  await admin.context().close();
});

test("a round made without a signal waits on the phone and is sent once when the connection returns", async ({ page, context }) => {
  await signIn(page, "SUPERVISOR");
  await page.goto("/inspections");
  await serviceWorkerControls(page);
  const dueNow = dueNowLink(page, "客梯");
  await expect(dueNow).toBeVisible();
  const href = (await dueNow.getAttribute("href"))!;
  const areaTestId = (await page
    .locator('[data-testid^="area-"]')
    .filter({ has: page.locator(`a[href="${href}"]`) })
    .getAttribute("data-testid"))!;
  await kept(page, href);
  await kept(page, "/inspections");
  // Another spec may have recorded a round with one failure in this area today (another window).
  const failedRounds = page.getByTestId(areaTestId).locator(`a[data-state="done"]`).filter({ hasText: "1 项不合格" });
  const before = await failedRounds.count();

  await context.setOffline(true);
  await page.goto(href);
  await formReady(page, "提交检查");
  const item = page.locator('[data-testid^="item-"]').filter({ hasText: "按钮、楼层显示及轿厢照明正常" });
  await item.getByText("不合格", { exact: true }).click();
  const note = `离线：轿厢照明不亮 ${Date.now().toString(36)}`;
  await item.getByLabel("情况说明").fill(note);
  await item.locator('input[type="file"]').setInputFiles({ name: "lamp.png", mimeType: "image/png", buffer: PHOTO });
  await expect(item.locator('[data-status="done"]')).toHaveCount(1);
  await page.getByRole("button", { name: "提交检查" }).click();

  await expect(page).toHaveURL(/\/inspections$/);
  await expect(page.getByTestId("outbox-waiting")).toHaveText("待发送 1 项");
  await expect(page.getByTestId("outbox")).toContainText("当前没有网络连接");

  await context.setOffline(false);
  // Sent by itself: the outbox empties and disappears.
  await expect(page.getByTestId("outbox")).toHaveCount(0, { timeout: 20_000 });
  await page.reload();
  await expect(failedRounds).toHaveCount(before + 1);
  // Recorded once, with its note and its photo (uploaded first, then the round with the file's id):
  // exactly one of the area's failed rounds holds the note.
  const hrefs = await failedRounds.evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const withNote: string[] = [];
  for (const round of hrefs) {
    await page.goto(round);
    if ((await page.getByText(note).count()) > 0) withNote.push(round);
  }
  expect(withNote).toHaveLength(1);
  await page.goto(withNote[0]);
  await expect(page).toHaveURL(/\/inspections\/checks\//);
  await expect(page.getByText(note)).toHaveCount(1);
  await expect(page.getByTestId("result-fail")).toHaveCount(1);
  await expect(page.getByTestId("result-fail").locator("img")).toHaveCount(1);
});

test("a round refused after the fact (its window closed meanwhile) shows the server's message until discarded", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, "SUPERVISOR");
  await page.goto("/inspections");
  await serviceWorkerControls(page);
  const dueNow = dueNowLink(page, "大堂");
  const href = (await dueNow.getAttribute("href"))!;
  await kept(page, href);
  await kept(page, "/inspections");

  await context.setOffline(true);
  await page.goto(href);
  await formReady(page, "提交检查");
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(page.getByTestId("outbox-waiting")).toHaveText("待发送 1 项");

  // Meanwhile HQ's first slot is cut short: it ended at 00:01, before the round was made.
  const admin = await signedIn(browser, "ADMIN");
  await setHqSlots(admin, ["00:00", "00:01"], ["23:58", "23:59"]);
  await admin.context().close();

  await context.setOffline(false);
  const refused = page.locator('[data-testid="outbox-item"][data-state="refused"]');
  await expect(refused).toContainText("该时段已结束，已计为漏检", { timeout: 20_000 });
  await expect(page.getByTestId("outbox-waiting")).toHaveText("待发送 0 项");
  // Still there after a reload: never dropped silently.
  await page.reload();
  await expect(refused).toContainText("该时段已结束，已计为漏检");
  // The outbox with its refusal open passes the same accessibility rules as every page.
  expect(await axeFindings(page)).toEqual([]);
  page.once("dialog", (dialog) => void dialog.accept());
  await refused.getByRole("button", { name: "删除这条" }).click();
  await expect(page.getByTestId("outbox")).toHaveCount(0);

  const admin2 = await signedIn(browser, "ADMIN");
  await setHqSlots(admin2, ["00:00", "23:58"], ["23:58", "23:59"]);
  await admin2.context().close();
});

test("signing out warns of unsent records and clears them from the phone", async ({ page, context }) => {
  await signIn(page, "SUPERVISOR");
  await page.goto("/inspections");
  await serviceWorkerControls(page);
  const href = (await dueNowLink(page, "卫生间").getAttribute("href"))!;
  await kept(page, "/inspections");
  // Every checklist of today kept: none is still being fetched when the user signs out.
  const links = await page.locator("a[data-offline]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(links).toContain(href);
  for (const link of links) await kept(page, link);
  await context.setOffline(true);
  await page.goto(href);
  await formReady(page, "提交检查");
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(page.getByTestId("outbox-waiting")).toHaveText("待发送 1 项");

  // Cancelling keeps everything.
  let warning = "";
  page.once("dialog", (dialog) => {
    warning = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "退出" }).click();
  await expect.poll(() => warning).toContain("还有 1 项记录没有发送");
  await expect(page.getByTestId("outbox-waiting")).toHaveText("待发送 1 项");

  // Confirmed: the outbox is emptied at once (even before the connection returns).
  let offlineNotice = "";
  page.once("dialog", (dialog) => {
    void dialog.accept();
    page.once("dialog", (notice) => {
      offlineNotice = notice.message();
      void notice.accept();
    });
  });
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page.getByTestId("outbox-waiting")).toHaveText("待发送 0 项");
  // Offline the session cannot end: the phone says so, and the user signs out again once online.
  await expect.poll(() => offlineNotice).toContain("请联网后再点「退出」");
  await context.setOffline(false);
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
  const left = () =>
    page.evaluate(async () => {
      // No page of the signed-out user is kept (the build's own files may stay).
      const pages: string[] = [];
      for (const name of await caches.keys())
        if (!/^(?:serwist-precache|kewu-static|kewu-icons)/.test(name))
          for (const request of await (await caches.open(name)).keys()) pages.push(new URL(request.url).pathname);
      const db = await new Promise<number>((resolve) => {
        const open = indexedDB.open("kewu-offline");
        open.onsuccess = () => {
          const tx = open.result.transaction("items", "readonly");
          const count = tx.objectStore("items").count();
          count.onsuccess = () => resolve(count.result);
        };
      });
      return { pages, items: db };
    });
  await expect.poll(left).toEqual({ pages: [], items: 0 });
});

/** Today's papers at the first site: received and handed over (done here unless another spec did it). */
async function todaysPapersHandedOver(page: Page) {
  await page.goto("/newspapers");
  if (!(await page.getByTestId("receipt-summary").isVisible())) {
    const quantities = page.locator('input[id^="f-qty-"]');
    for (let i = 0; i < (await quantities.count()); i++) {
      const input = quantities.nth(i);
      const hint = await page.locator(`#${await input.getAttribute("id")}-hint`).textContent();
      await input.fill(/应到 (\d+) 份/.exec(hint ?? "")?.[1] ?? "0");
    }
    await page.getByLabel("送报工作人员").fill("邮政投递员老周");
    await sign(page, "receipt-signature");
    await page.getByRole("button", { name: "签收", exact: true }).click();
    await expect(page.getByTestId("receipt-summary")).toBeVisible();
  }
  if (!(await page.getByTestId("handed-over").isVisible())) {
    await page.getByLabel("送报人员姓名").fill("小周");
    await page.getByRole("button", { name: "交送报人员" }).click();
    await expect(page.getByTestId("handed-over")).toBeVisible();
  }
}

test("a newspaper delivery signed without a signal is kept with its signature and recorded once when online", async ({ page, context }) => {
  await signIn(page, "FRONT_DESK");
  await todaysPapersHandedOver(page);
  await serviceWorkerControls(page);
  // Loaded again under the worker: the day's list is kept for a dead signal.
  await page.reload();
  const dayPath = await page.evaluate(() => location.pathname + location.search);
  await kept(page, dayPath);

  await context.setOffline(true);
  const card = page.locator('[data-testid="delivery-card"][data-state="PENDING"]').first();
  const household = (await card.locator("p").first().textContent())!;
  const stop = page.getByTestId("delivery-card").filter({ hasText: household });
  await card.getByRole("button", { name: "签收", exact: true }).click();
  const recipient = `离线签收${Date.now().toString(36).slice(-4)}`;
  await page.locator("#f-recipientName").fill(recipient);
  await sign(page, "delivery-signature");
  await page.getByRole("button", { name: "确认签收" }).click();
  await expect(stop.getByTestId("delivery-waiting")).toHaveText("已签收，待发送");
  await expect(page.getByTestId("outbox-waiting")).toHaveText("待发送 1 项");

  await context.setOffline(false);
  await expect(page.getByTestId("outbox")).toHaveCount(0, { timeout: 20_000 });
  await page.reload();
  // Signed once, by the name given offline; the household's papers are all delivered.
  await expect(stop).toHaveAttribute("data-state", "DELIVERED");
  await expect(stop).toContainText(`${recipient} 签收`);
  await expect(page.getByText(recipient)).toHaveCount(1);
});
