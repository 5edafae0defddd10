// `npm test`: everything CI runs, in order, stopping at the first red step:
// lint + format check, type check, unit and integration tests (vitest, real PostgreSQL),
// end-to-end tests (Playwright in Chromium against a production build with a fresh demo database),
// then the bench's smoke run (scripts/bench: tiny data, that build, every benched page answers).
// Ends with one line "N passed, N failed" counted from the runners' JSON reports.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// Not test-results/: Playwright empties that folder when it starts.
const reports = path.join(root, "test-reports");
mkdirSync(reports, { recursive: true });
const vitestJson = path.join(reports, "vitest.json");
const playwrightJson = path.join(reports, "playwright.json");

function step(title: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`  ${title}: ${res.status === 0 ? "ok" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
  return res.status === 0;
}

function counts(): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  try {
    const v = JSON.parse(readFileSync(vitestJson, "utf8"));
    passed += v.numPassedTests ?? 0;
    failed += (v.numFailedTests ?? 0) + (v.success === false && !v.numFailedTests ? 1 : 0);
  } catch {
    /* step did not run */
  }
  try {
    const p = JSON.parse(readFileSync(playwrightJson, "utf8"));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
  } catch {
    /* step did not run */
  }
  return { passed, failed };
}

const npx = "npx";
const ok =
  step("Lint and format", npx, ["eslint", "."]) &&
  step("Format check", npx, ["prettier", "--check", "."]) &&
  step("Type check", npx, ["tsc", "--noEmit"]) &&
  step("Unit and integration tests", npx, ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]) &&
  step("Browser", npx, ["tsx", "scripts/ensure-browser.ts"]) &&
  step("End-to-end tests", npx, ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }) &&
  step("Bench smoke", npx, ["tsx", "scripts/bench/run.ts", "--smoke", "--skip-build"]);

const { passed, failed } = counts();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
