/**
 * Every main page of every role passes axe's WCAG 2.1 AA rules on a desktop (no serious or critical
 * violation), and every row of its lists of records can be opened.
 */
import { expect, test } from "./fixtures";
import { axeFindings, openAs, pagesByRole, rowsThatDoNotOpen, visit } from "./a11y-support";

for (const { role, paths } of pagesByRole()) {
  test(`axe WCAG 2.1 AA, desktop: ${role}`, async ({ browser }) => {
    test.setTimeout(30_000 + paths.length * 15_000);
    const page = await openAs(browser, role);
    const findings: string[] = [];
    for (const path of paths) {
      await visit(page, path);
      findings.push(...(await axeFindings(page)).map((f) => `${path}: ${f}`));
      const closed = await rowsThatDoNotOpen(page);
      if (closed > 0) findings.push(`${path}: ${closed} list rows without a link to open them`);
    }
    expect(findings).toEqual([]);
    await page.context().close();
  });
}
