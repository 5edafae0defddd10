import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

/**
 * Every spec imports `test` from here: it fails any test during which the browser reported a
 * Content-Security-Policy violation, in the test's own context or in any context the test opened
 * with browser.newContext(). The app must work under its policy (lib/security-headers.ts).
 */
const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      const watch = (ctx: BrowserContext) =>
        ctx.on("console", (message) => {
          if (CSP_MESSAGE.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
        });
      watch(context);
      const newContext = browser.newContext.bind(browser);
      (browser as { newContext: Browser["newContext"] }).newContext = async (...args) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      try {
        await provide();
      } finally {
        (browser as { newContext: Browser["newContext"] }).newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
