/**
 * At 390 × 844 every main page of every role passes axe (WCAG 2.1 AA, no serious or critical
 * violation), never scrolls sideways, and its buttons and button-like links are at least 44 px high.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { axeFindings, openAs, pagesByRole, visit } from "./a11y-support";
import { PHONE } from "./support";

/** Visible buttons and button-styled links inside the page (header and main) lower than 44 px. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      "header button, header a, main button, main a.rounded-md, [data-primary-action]",
    )) {
      // Links of the closed phone menu are not on screen.
      if (!el.checkVisibility()) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.height < 44 || box.width < 44)
        found.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return found;
  });
}

for (const { role, paths } of pagesByRole()) {
  test(`axe, overflow and touch targets at 390 px: ${role}`, async ({ browser }) => {
    test.setTimeout(30_000 + paths.length * 15_000);
    const page = await openAs(browser, role, PHONE);
    const findings: string[] = [];
    for (const path of paths) {
      await visit(page, path);
      findings.push(...(await axeFindings(page)).map((f) => `${path}: ${f}`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) findings.push(`${path}: scrolls ${overflow} px sideways`);
      findings.push(...(await smallTargets(page)).map((f) => `${path}: small target ${f}`));
    }
    expect(findings).toEqual([]);
    await page.context().close();
  });
}
