import { existsSync } from "node:fs";

/**
 * How Kewu's browser tests launch Chromium (playwright.config.ts and the cluster test's browser
 * flow): Debian's Chromium where present (these machines cannot download Playwright's own browsers);
 * elsewhere CHROMIUM_PATH, or `npx playwright install chromium` with both unset. Without the
 * background-networking flags Chromium keeps trying hosts this closed network refuses.
 */
export const chromiumExecutablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
