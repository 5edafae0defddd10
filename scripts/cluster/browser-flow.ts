// The cluster test's browser flow: Chromium (Playwright's API, Debian's binary) through HAProxy. The
// plan site's manager signs in with the login form, logs a complaint with a photo from the intake form
// (the photo input shrinks the picture in the browser and uploads it by itself, a server action), then
// reloads the record until both instances have served it and an instance other than the one that took
// the upload has served the photo (from the bucket); the complaint list then shows the record once.
// Every answer carries HAProxy's X-Served-By: the figures count them per instance.

import { chromium, type Page, type Response } from "@playwright/test";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { ActionRoute } from "../faults/http";
import type { Plan } from "../faults/workload";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "../../tests/support/chromium";
import { INSTANCES, PNG, perInstance, type Check, type Instance } from "./parts";

const TIMEOUT_MS = 30_000;

export async function browserFlowCheck(input: {
  lb: string;
  db: PrismaClient;
  plan: Plan;
  password: string;
  routes: { uploadFileAction: ActionRoute; createComplaintAction: ActionRoute };
}): Promise<Check> {
  const { lb, db, plan, routes } = input;
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: CHROMIUM_ARGS });
  const served: Record<string, number> = {};
  const rows: string[] = [];
  let uploadedBy: string | undefined;
  let createdBy: string | undefined;
  const photoServedBy: string[] = [];
  try {
    const context = await browser.newContext({ baseURL: lb, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    context.setDefaultTimeout(TIMEOUT_MS);
    const page = await context.newPage();
    page.on("response", (res: Response) => {
      const by = res.headers()["x-served-by"];
      if (!by) return;
      served[by] = (served[by] ?? 0) + 1;
      const action = res.request().headers()["next-action"];
      if (action === routes.uploadFileAction.id) uploadedBy = by;
      if (action === routes.createComplaintAction.id) createdBy = by;
      if (/\/api\/files\/[^/?]+$/.test(new URL(res.url()).pathname)) photoServedBy.push(by);
    });

    // Sign in with the form.
    await page.goto("/login");
    await enabled(page, "登录");
    await page.getByLabel("用户名").fill(plan.usernames.manager);
    await page.getByLabel("密码").fill(input.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("navigation", { name: "主导航" }).waitFor();
    const signInServed = perInstance(served);

    // Intake with a photo (R-CMP-1): the manager has one site, so the form has no site choice.
    const description = `集群演练：大堂门禁失灵 ${plan.tag}-${Date.now().toString(36)}`;
    await page.goto("/complaints/new");
    await enabled(page, "登记投诉");
    await page.getByRole("combobox", { name: "业户" }).fill(`演练业户${plan.siteCode}`);
    await page.getByRole("listbox").getByRole("option").first().click();
    await page.getByLabel("责任部门").selectOption({ label: `工程部${plan.siteCode}` });
    await page.getByLabel("投诉内容").fill(description);
    await page.locator('input[type="file"]').setInputFiles({ name: "lobby.png", mimeType: "image/png", buffer: Buffer.from(PNG) });
    await page.locator('li[data-status="done"]').first().waitFor();
    await page.getByRole("button", { name: "登记投诉" }).click();
    await page.waitForURL(/\/complaints\/(?!new$)[a-z0-9]+$/);
    const complaintId = new URL(page.url()).pathname.split("/").pop()!;
    const photo = page.getByRole("img", { name: "现场照片 1" });

    // Reload until both instances have served the record and the photo came from an instance other
    // than the one that took the upload (round-robin: a few reloads at most).
    const detailServedBy: Instance[] = [];
    const photoLoads: boolean[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const res = attempt === 0 ? null : await page.reload();
      const by = (res?.headers()["x-served-by"] ?? undefined) as Instance | undefined;
      if (by) detailServedBy.push(by);
      await photo.waitFor();
      photoLoads.push(await loaded(page, "现场照片 1"));
      const bothServedRecord = INSTANCES.every((n) => detailServedBy.includes(n));
      if (bothServedRecord && photoServedBy.some((n) => n !== uploadedBy)) break;
    }

    const row = await db.complaint.findUnique({
      where: { id: complaintId },
      select: { number: true, siteId: true, photos: { select: { id: true } } },
    });
    const sameText = await db.complaint.count({ where: { description } });
    const number = row?.number ?? "?";
    // The list, searched by the number, on whichever instance answers.
    const list = await page.goto(`/complaints?q=${encodeURIComponent(number)}`);
    const listed = await page.getByRole("table").getByRole("link", { name: number, exact: true }).count();

    rows.push(
      `sign-in served: ${signInServed}; photo upload (server action) by ${uploadedBy ?? "?"}, intake by ${createdBy ?? "?"}`,
      `complaint ${number}: record page served by ${detailServedBy.join(", ") || "-"} on reload; photo shown ${photoLoads.filter(Boolean).length}/${photoLoads.length} times, served by ${photoServedBy.join(", ") || "-"}`,
      `list ?q=${number} (served by ${list?.headers()["x-served-by"] ?? "?"}): ${listed} row(s); in the database: ${sameText} complaint(s) with this text, ${row?.photos.length ?? 0} photo(s) claimed`,
      `browser requests per instance over the flow: ${perInstance(served)}`,
    );
    const passed =
      row?.siteId === plan.siteId &&
      sameText === 1 &&
      listed === 1 &&
      row.photos.length === 1 &&
      INSTANCES.every((n) => (served[n] ?? 0) > 0 && detailServedBy.includes(n)) &&
      photoLoads.length > 0 &&
      photoLoads.every(Boolean) &&
      uploadedBy !== undefined &&
      photoServedBy.some((n) => n !== uploadedBy);
    return {
      name: "a browser flow through HAProxy: intake with a photo, the record and photo seen on both instances",
      passed,
      figures: rows.join("\n"),
    };
  } catch (err) {
    rows.push(`browser flow failed: ${err instanceof Error ? err.message.split("\n").slice(0, 4).join(" ") : String(err)}`);
    rows.push(`browser requests per instance so far: ${perInstance(served)}`);
    return {
      name: "a browser flow through HAProxy: intake with a photo, the record and photo seen on both instances",
      passed: false,
      figures: rows.join("\n"),
    };
  } finally {
    await browser.close();
  }
}

/** Forms keep their submit button disabled until hydrated (tests/e2e/support.ts formReady). */
async function enabled(page: Page, button: string) {
  const locator = page.getByRole("button", { name: button, exact: true });
  for (const deadline = Date.now() + TIMEOUT_MS; !(await locator.isEnabled().catch(() => false)); await page.waitForTimeout(100))
    if (Date.now() > deadline) throw new Error(`the button ${button} stayed disabled`);
}

/** The image has been decoded (a 404 or a broken body leaves naturalWidth 0). */
async function loaded(page: Page, alt: string): Promise<boolean> {
  const img = page.getByRole("img", { name: alt });
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(100))
    if (await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0).catch(() => false)) return true;
  return false;
}
