/**
 * Security headers on every kind of response (pages, route handlers, a static file, a 404, a
 * redirect), a fresh CSP nonce per response that the page's scripts carry, sign-out that ends the
 * session on the server, and a sign-in that never leads off the site.
 */
import { expect, test } from "./fixtures";
import { ROUTES } from "../../lib/permissions";
import { ACCOUNTS, PASSWORD, formReady, signIn } from "./support";

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
    expect(csp, `${what}: ${directive}`).toContain(directive);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=(self)");
  // Served over plain http in this test: no HSTS (it is sent when NEXTAUTH_URL is https).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test("every route answers with the security headers, signed in or not", async ({ page }) => {
  const anonymous = ["/login", "/", "/complaints", "/api/health", "/api/auth/csrf", "/api/tenants/search?q=a", "/no-such-page"];
  for (const path of anonymous) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expectSecurityHeaders(res.headers(), `anonymous ${path} (${res.status()})`);
  }

  await signIn(page, "MANAGER");
  const html = await (await page.request.get("/")).text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const paths = [
    ...ROUTES.map((r) => r.path),
    asset!,
    "/favicon.ico",
    "/no-such-page",
    "/complaints/no-such-id",
    "/api/tenants/search?q=a",
    "/api/signatories/active?tenant=x",
    "/api/goods-passes/free-windows",
    "/api/files/no-such-file",
  ];
  for (const path of paths) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expectSecurityHeaders(res.headers(), `${path} (${res.status()})`);
  }
  expect((await page.request.get("/no-such-page")).status()).toBe(404);
});

test("each page gets its own nonce, and Next's scripts carry it", async ({ page }) => {
  const first = await page.request.get("/login");
  const second = await page.request.get("/login");
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  const nonce = nonceOf(first.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("signing out ends the session on the server: a copied cookie no longer works", async ({ page, browser }) => {
  await signIn(page, "CLERK");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/complaints");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();

  // The owner signs in again as usual.
  await signIn(page, "CLERK");
});

test("a session cookie changed by hand is no session: the page and its data are not served", async ({ page, browser }) => {
  await signIn(page, "MANAGER");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  // One character of the encrypted claims changed: the token no longer authenticates.
  const parts = session!.value.split(".");
  parts[3] = `${parts[3].slice(0, -1)}${parts[3].endsWith("A") ? "B" : "A"}`;
  const forger = await browser.newContext();
  await forger.addCookies([{ ...session!, value: parts.join(".") }]);
  const forged = await forger.newPage();
  await forged.goto("/complaints");
  await expect(forged).toHaveURL(/\/login/);
  expect((await forged.request.get("/api/tenants/search?q=a", { maxRedirects: 0 })).status()).not.toBe(200);
  await forger.close();

  // The untouched cookie still works.
  await page.goto("/complaints");
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
});

for (const target of ["/\\evil.com", "/%09/evil.com", "https://evil.com/", "//evil.com"])
  test(`after sign-in a callbackUrl of ${target} leads home, not off the site`, async ({ page }) => {
    // Raw in the query string, as an attacker's link would carry it.
    await page.goto(`/login?callbackUrl=${target}`);
    await formReady(page, "登录");
    await page.getByLabel("用户名").fill(ACCOUNTS.FRONT_DESK);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    expect(new URL(page.url()).pathname).toBe("/");
  });
