/**
 * Sign in as each role, see that role's navigation, be refused on other roles' pages
 * and actions; wrong password; throttling. The expectations come from the permission table itself.
 */
import { expect, test } from "./fixtures";
import { ROUTES, navGroupsFor, roleHas } from "../../lib/permissions";
import zh from "../../lib/i18n/messages/zh-CN/core.json" with { type: "json" };
import { ACCOUNTS, PASSWORD, formReady, nav, signIn, type DemoRole } from "./support";

for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
  test(`${role} sees exactly their navigation and is refused elsewhere`, async ({ page }) => {
    await signIn(page, role);
    // The navigation is grouped by area of work; each page shows its area's pages, itself marked current.
    const groups = navGroupsFor(role);
    await expect(page.getByTestId("nav-areas").getByRole("link")).toHaveText(groups.map((g) => zh.navGroups[g.group]));

    for (const route of ROUTES) {
      const response = await page.goto(route.path);
      if (roleHas(role, route.permission)) {
        expect(response?.status(), `${role} ${route.path}`).toBe(200);
        await expect(page.getByTestId("forbidden")).toHaveCount(0);
        const area = groups.find((g) => g.routes.some((r) => r.path === route.path));
        if (area && area.routes.length > 1) {
          const areaNav = page.getByTestId("area-nav");
          await expect(areaNav.getByRole("link")).toHaveText(area.routes.map((r) => nav[r.nav as keyof typeof nav]));
          await expect(areaNav.getByRole("link", { name: nav[route.nav as keyof typeof nav], exact: true })).toHaveAttribute(
            "aria-current",
            "page",
          );
        }
      } else {
        expect(response?.status(), `${role} ${route.path}`).toBe(403);
        await expect(page.getByTestId("forbidden")).toBeVisible();
      }
    }
  });
}

test("anonymous visitors are sent to the sign-in page from every protected route", async ({ page }) => {
  for (const route of ROUTES) {
    await page.goto(route.path);
    await expect(page, route.path).toHaveURL(/\/login/);
  }
  await expect(page.getByRole("heading", { name: "登录", exact: true })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await formReady(page, "登录");
  await page.getByLabel("用户名").fill("clerk");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("failed sign-ins from one address wait longer and longer, even with the right password", async ({ page }) => {
  await page.goto("/login");
  await formReady(page, "登录");
  const error = page.getByTestId("login-error");
  const attempt = async (password: string) => {
    await page.getByLabel("用户名").fill("coordinator");
    await page.getByLabel("密码").fill(password);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "登录" }).click(),
    ]);
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
    const text = (await error.textContent()) ?? "";
    return { text, wait: Number(/（(\d+) 秒后）/.exec(text)?.[1] ?? 0) };
  };
  // 5 failures are free (lib/auth/throttle.ts)…
  for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).text).toBe("用户名或密码错误");
  // …then each wait doubles: sit out the waits until one is at least 4 s.
  let wait = 0;
  for (let i = 0; i < 10 && wait < 4; i++) {
    ({ wait } = await attempt(`still-wrong-${i}`));
    if (wait > 0 && wait < 4) await page.waitForTimeout(wait * 1000 + 300);
  }
  expect(wait).toBeGreaterThanOrEqual(4);
  const right = await attempt(PASSWORD);
  expect(right.text).toMatch(/^登录失败次数过多，请稍后再试（\d+ 秒后）$/);
  await expect(page).toHaveURL(/\/login/);
});

test("a server action replayed by a role without the right is refused, and a replay changes nothing twice", async ({ browser }) => {
  // The manager creates a unit through the real form; we capture the server-action request.
  const manager = await browser.newContext();
  const page = await manager.newPage();
  await signIn(page, "MANAGER");
  await page.goto("/registry/units/new");
  await formReady(page);
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel("项目").selectOption({ index: 1 });
  await page.getByLabel("单元号").fill(code);
  await page.getByLabel("楼栋").fill("A座");
  await page.getByLabel("楼层").fill("30F");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    page.getByRole("button", { name: "保存" }).click(),
  ]);
  await expect(page).toHaveURL(/\/registry\/units$/);
  const replay = {
    headers: {
      "next-action": request.headers()["next-action"],
      "content-type": request.headers()["content-type"],
      accept: "text/x-component",
    },
    data: request.postData() ?? "",
  };

  // Replayed by the manager: the unit exists already, nothing is created twice.
  const again = await page.request.post("/registry/units/new", replay);
  expect(await again.text()).toContain('"code":"conflict"');

  // Replayed by the front desk (no unit:manage): refused by the server.
  const frontDesk = await browser.newContext();
  const fdPage = await frontDesk.newPage();
  await signIn(fdPage, "FRONT_DESK");
  const forged = await fdPage.request.post("/registry/units/new", replay);
  expect(await forged.text()).toContain('"code":"forbidden"');

  // Anonymous: refused too.
  const anonymous = await browser.newContext();
  const anon = await anonymous.request.post("http://localhost:" + (process.env.E2E_PORT ?? 3100) + "/registry/units/new", {
    ...replay,
    maxRedirects: 0,
  });
  expect([200, 303, 307, 308]).toContain(anon.status());
  expect(await anon.text()).not.toContain('"ok":true');
  await Promise.all([manager.close(), frontDesk.close(), anonymous.close()]);
});
