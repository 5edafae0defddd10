// One production build for the cluster test, reused when it is current: after a build the hash of
// the sources that go into it (every file outside scripts/, tests/, docs/ … as it is on disk) is written to
// .next/kewu-source-hash; a later run skips `next build` when the hash is the same. A .next made
// any other way (npm run build, another script) has no such file and is rebuilt.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../db/server";

/** Paths that never reach the build. */
const NOT_BUILT = ["scripts", "tests", "docs", "README.md", ".ci", "e2e"].map((p) => `:(exclude)${p}`);
const STAMP = path.join(REPO_ROOT, ".next", "kewu-source-hash");

function git(args: string[], input?: string): string {
  const r = spawnSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", input, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** Hash of the working tree's files that go into the build (tracked and new, as they are on disk, committed or not). */
export function sourceHash(): string {
  const files = git(["ls-files", "--cached", "--others", "--exclude-standard", "--", ".", ...NOT_BUILT])
    .split("\n")
    .filter((file) => file && existsSync(path.join(REPO_ROOT, file)))
    .sort();
  const blobs = git(["hash-object", "--stdin-paths"], `${files.join("\n")}\n`).split("\n");
  const hash = createHash("sha256");
  files.forEach((file, i) => hash.update(`${file} ${blobs[i]}\n`));
  return hash.digest("hex");
}

/** Builds unless .next is current; returns whether it built. */
export function ensureBuild(env: NodeJS.ProcessEnv, log: (line: string) => void, force = false): boolean {
  const wanted = sourceHash();
  const current =
    existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === wanted;
  if (current && !force) {
    log(`reusing .next (built from these sources, ${wanted.slice(0, 12)})`);
    return false;
  }
  log("next build (a few minutes on a busy machine)");
  const next = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
  const build = spawnSync(process.execPath, [next, "build"], { cwd: REPO_ROOT, env, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
  writeFileSync(STAMP, `${wanted}\n`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`)
  ensureBuild({ ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, (l) => console.log(`[cluster] ${l}`));
