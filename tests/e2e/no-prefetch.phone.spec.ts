/**
 * At 390 px: a list of records does not make the phone fetch every record in advance. Kewu's pages are
 * dynamic without a loading boundary, so an automatic prefetch brought back no content, cost the phone
 * a request per link in view (twenty on a list page) and the server a layout render each
 * (components/ui/link.tsx). Opening a record still works, by its link, and in place: the links are plain
 * anchors and one listener hands a plain click to the router (components/shell/soft-navigation.tsx,
 * decision 023), so the document is not loaded again.
 */
import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("the complaint list sends no prefetch requests, and a record opens from its link", async ({ page }) => {
  await signIn(page, "MANAGER");
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(new URL(request.url()).pathname);
  });
  await page.goto("/complaints");
  const links = page.getByRole("table").getByRole("link");
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBeGreaterThan(1);
  // Every row in view once, and time for the router's idle prefetching.
  await page.mouse.wheel(0, 4000);
  await page.waitForTimeout(1500);
  expect(prefetches).toEqual([]);

  const number = (await links.first().innerText()).trim();
  // A mark on this document: it survives an in-place navigation, not a new document.
  await page.evaluate(() => Object.assign(window, { kewuSameDocument: true }));
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(new URL(request.url()).pathname);
  });
  await links.first().click();
  await expect(page).toHaveURL(/\/complaints\/(?!new$)[a-z0-9]+$/);
  await expect(page.getByText(number).first()).toBeVisible();
  expect(prefetches).toEqual([]);
  expect(documents).toEqual([]);
  expect(await page.evaluate(() => (window as { kewuSameDocument?: boolean }).kewuSameDocument)).toBe(true);

  // Back to the list the same way, through the menu's link.
  await page.goBack();
  await expect(page).toHaveURL(/\/complaints$/);
  expect(await page.evaluate(() => (window as { kewuSameDocument?: boolean }).kewuSameDocument)).toBe(true);
});
