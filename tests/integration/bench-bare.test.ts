/**
 * Where `npm run bench` finds the bare baseline (scripts/bench/bare.ts). It lives at ../shared/bench/bare-next
 * beside the working repository; a clone made in a temporary folder (as CI makes, and as the issue's
 * "fresh clone" run does) must still find it through the repository it was cloned from, and a bench that
 * cannot find it must say so before it seeds and builds for minutes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findBareApp, originFolder } from "../../scripts/bench/bare";

const root = mkdtempSync(path.join(os.tmpdir(), "kewu-bench-bare-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A company folder: work/main (a git repository) and work/shared/bench/bare-next. */
function layout() {
  const work = mkdtempSync(path.join(root, "work-"));
  const main = path.join(work, "main");
  const bare = path.join(work, "shared", "bench", "bare-next");
  mkdirSync(main, { recursive: true });
  mkdirSync(bare, { recursive: true });
  writeFileSync(path.join(bare, "package.json"), "{}");
  const git = (cwd: string, ...args: string[]) => expect(spawnSync("git", args, { cwd }).status).toBe(0);
  git(main, "init", "-q");
  git(main, "-c", "user.email=k@k", "-c", "user.name=k", "commit", "-q", "--allow-empty", "-m", "start");
  return { work, main, bare, git };
}

describe("the bench's bare baseline", () => {
  it("is found beside the checkout", () => {
    const { main, bare } = layout();
    expect(findBareApp({ repoRoot: main, env: {} as NodeJS.ProcessEnv })).toBe(bare);
  });

  it("is found from a fresh clone in another folder, through the repository it was cloned from", () => {
    const { main, bare, git } = layout();
    const clone = path.join(mkdtempSync(path.join(root, "clone-")), "kewu");
    git(root, "clone", "-q", main, clone);
    expect(originFolder(clone)).toBe(main);
    expect(findBareApp({ repoRoot: clone, env: {} as NodeJS.ProcessEnv })).toBe(bare);
  });

  it("follows --bare, then KEWU_BARE_DIR", () => {
    const { main, bare } = layout();
    const other = mkdtempSync(path.join(root, "other-"));
    writeFileSync(path.join(other, "package.json"), "{}");
    const env = { KEWU_BARE_DIR: other } as unknown as NodeJS.ProcessEnv;
    expect(findBareApp({ repoRoot: main, env })).toBe(other);
    expect(findBareApp({ repoRoot: main, env, explicit: bare })).toBe(bare);
  });

  it("names the folders it tried when the baseline is nowhere", () => {
    const { main, work } = layout();
    rmSync(path.join(work, "shared"), { recursive: true });
    expect(() => findBareApp({ repoRoot: main, env: {} as NodeJS.ProcessEnv })).toThrow(
      new RegExp(`not at ${path.join(work, "shared", "bench", "bare-next")}.*--bare PATH or KEWU_BARE_DIR`),
    );
    // A named folder that is not there is refused too, not replaced by a guess.
    expect(() => findBareApp({ repoRoot: main, env: {} as NodeJS.ProcessEnv, explicit: path.join(work, "nope") })).toThrow(/nope/);
  });
});
