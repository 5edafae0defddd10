// Playwright needs Chromium. These machines cannot download Playwright's own browser build, so we use
// Debian's package: present → nothing to do; missing and we are root with apt → install it; elsewhere
// → Playwright's own download (`playwright install chromium`), which works on ordinary networks.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;

if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium")) process.exit(0);

if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("Installing Debian's chromium for the end-to-end tests…");
  if (run("apt-get", ["update", "-qq"]) && run("apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk"])) process.exit(0);
  console.error("apt-get could not install chromium");
  process.exit(1);
}

console.log("No system Chromium: using Playwright's own download.");
process.exit(run("npx", ["playwright", "install", "chromium"]) ? 0 : 1);
