import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { ROLES, navFor } from "../../lib/permissions";
import { signedIn, type DemoRole } from "./support";

/**
 * The main pages to walk: every role's home, and every other navigation page once, opened by the
 * first role (in the order below: the people who use it most) whose navigation shows it.
 */
const ORDER: DemoRole[] = ["FRONT_DESK", "SUPERVISOR", "ENGINEER", "CLERK", "MANAGER", "ADMIN"];

export function pagesByRole(): { role: DemoRole; paths: string[] }[] {
  const seen = new Set<string>();
  return ORDER.filter((r) => (ROLES as readonly string[]).includes(r)).map((role) => {
    const paths = ["/"];
    for (const route of navFor(role)) {
      if (route.path === "/" || seen.has(route.path)) continue;
      seen.add(route.path);
      paths.push(route.path);
    }
    return { role, paths };
  });
}

/** WCAG 2.1 A and AA rules; serious or critical findings fail. */
export async function axeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

export async function openAs(browser: Browser, role: DemoRole, options: BrowserContextOptions = {}) {
  return signedIn(browser, role, options);
}

/** Loads a page (server-rendered: its content is in once the load event fired). */
export async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.locator("main").first().waitFor();
}

/**
 * Lists of records (issue 16: every list row can be opened): the rows of the page's tables that hold
 * neither a link nor a button. Tables of figures (reports, tallies) and logs say so (DataTable's notRecords).
 */
export async function rowsThatDoNotOpen(page: Page): Promise<number> {
  return page
    .locator('table[role="table"]:not([data-not-records]) tbody tr')
    .evaluateAll((rows) => rows.filter((tr) => tr.querySelectorAll("td").length > 1 && !tr.querySelector("a[href], button")).length);
}
