import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// The sign-out button loads next-auth's client only when pressed (components/shell/sign-out-button.tsx).
test("signing out ends the session: the staff pages then ask for the login again", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.getByRole("button", { name: "退出", exact: true }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("用户名")).toBeVisible();
});
