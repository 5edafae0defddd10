/**
 * Installable: the web app manifest, the icons and the head metadata that "add to home screen" needs
 * on Android Chrome (manifest) and iOS Safari (apple-touch-icon, apple-mobile-web-app-*), reachable
 * without a session (browsers fetch them without cookies) and present on the sign-in page and on a
 * staff page.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** The install metadata in the page's head now. */
function readHead(page: Page) {
  return page.evaluate(() => {
    const attr = (selector: string, name: string) => document.head.querySelector(selector)?.getAttribute(name) ?? null;
    return {
      manifest: attr('link[rel="manifest"]', "href"),
      appleTouchIcon: attr('link[rel="apple-touch-icon"]', "href"),
      themeColor: attr('meta[name="theme-color"]', "content"),
      appleCapable: attr('meta[name="mobile-web-app-capable"], meta[name="apple-mobile-web-app-capable"]', "content"),
      appleTitle: attr('meta[name="apple-mobile-web-app-title"]', "content"),
      viewport: attr('meta[name="viewport"]', "content"),
    };
  });
}

/**
 * Next.js streams a dynamic page's metadata, and the sign-in's client-side navigation swaps the head: a
 * read right after it could see the old head go and the new one not yet there (it failed so in CI twice,
 * once after waiting for the manifest link, which the old head still had). So the head is read until it
 * holds the metadata, or the poll times out.
 */
async function expectInstallableHead(page: Page) {
  await expect
    .poll(() => readHead(page), { timeout: 10_000 })
    .toMatchObject({
      manifest: "/manifest.webmanifest",
      appleTouchIcon: "/apple-touch-icon.png",
      themeColor: "#0369a1",
      appleCapable: "yes",
      appleTitle: "客务",
      viewport: expect.stringContaining("width=device-width"),
    });
}

test("the manifest and the icons are served to anyone, with the right types", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    lang: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: ManifestIcon[];
  };
  expect(manifest).toMatchObject({ name: "客务", short_name: "客务", lang: "zh-CN", start_url: "/", scope: "/", display: "standalone" });
  expect(manifest.theme_color).toBe("#0369a1");
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);

  const any192 = manifest.icons.find((i) => i.sizes === "192x192" && (i.purpose ?? "any").includes("any"));
  const any512 = manifest.icons.find((i) => i.sizes === "512x512" && (i.purpose ?? "any").includes("any"));
  const maskable = manifest.icons.find((i) => i.purpose?.includes("maskable"));
  for (const icon of [any192, any512, maskable]) {
    expect(icon).toBeDefined();
    const image = await request.get(icon!.src, { maxRedirects: 0 });
    expect(image.status(), icon!.src).toBe(200);
    expect(image.headers()["content-type"]).toBe(icon!.type);
    // A real PNG of the declared size (IHDR width and height).
    const bytes = await image.body();
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    const [w, h] = icon!.sizes.split("x").map(Number);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([w, h]);
  }

  for (const [path, type] of [
    ["/apple-touch-icon.png", "image/png"],
    ["/favicon.ico", "image/x-icon"],
    ["/icon.svg", "image/svg+xml"],
  ] as const) {
    const file = await request.get(path, { maxRedirects: 0 });
    expect(file.status(), path).toBe(200);
    expect(file.headers()["content-type"], path).toContain(type);
  }
});

test("the sign-in page and a staff page carry the install metadata", async ({ page }) => {
  await page.goto("/login");
  await expectInstallableHead(page);

  await signIn(page, "SUPERVISOR");
  await expectInstallableHead(page);
  await page.goto("/notifications");
  await expectInstallableHead(page);
});
