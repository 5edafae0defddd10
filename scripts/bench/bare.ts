// Where the bench finds the bare baseline (../shared/bench/bare-next: one Next.js page running one query).
// It sits beside the working repository, not inside it, so a clone made elsewhere (a fresh clone in a
// temporary folder, as CI makes) does not have it at ../shared. In order: --bare, KEWU_BARE_DIR, the
// folder beside this checkout, and the folder beside the repository this one was cloned from.
import { existsSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const RELATIVE = path.join("..", "shared", "bench", "bare-next");

/** The local folder a clone's `origin` names, or null (no origin, or one on another machine). */
export function originFolder(repoRoot: string): string | null {
  const got = spawnSync("git", ["config", "--get", "remote.origin.url"], { cwd: repoRoot, encoding: "utf8" });
  const url = got.status === 0 ? got.stdout.trim() : "";
  if (url.startsWith("file://")) return url.slice("file://".length);
  return path.isAbsolute(url) ? url : null;
}

interface BareOptions {
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  repoRoot: string;
}

/** The folders tried, in order, for the bare baseline: only the one named, when one is. */
function bareCandidates(options: BareOptions): string[] {
  const given = options.explicit ?? options.env?.KEWU_BARE_DIR?.trim();
  if (given) return [path.resolve(given)];
  const origin = originFolder(options.repoRoot);
  return [path.resolve(options.repoRoot, RELATIVE), ...(origin ? [path.resolve(origin, RELATIVE)] : [])];
}

/**
 * The bare baseline's folder (one holding its package.json), or an error that names every folder tried
 * and how to name the right one.
 */
export function findBareApp(options: BareOptions): string {
  const tried = bareCandidates(options);
  const found = tried.find((dir) => existsSync(path.join(dir, "package.json")));
  if (found) return found;
  throw new Error(`the bare baseline (bare-next) is not at ${tried.join(" nor at ")}: name its folder with --bare PATH or KEWU_BARE_DIR`);
}
