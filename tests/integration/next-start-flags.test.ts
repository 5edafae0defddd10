/**
 * The heap flags every production server starts with (scripts/next-start.ts): the old generation's bound
 * and the young generation's semispace, each from its variable or its default, and a clear refusal of a
 * value that is not one (an operator's typo must stop the start, not run a server without a bound).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_MB, DEFAULT_YOUNG_MB, builtConfig, heapFlags, serverEnv } from "../../scripts/next-start";

describe("heapFlags", () => {
  it("bounds the old generation and sizes the young one, from the defaults or KEWU_HEAP_MB / KEWU_YOUNG_MB", () => {
    expect(heapFlags({} as NodeJS.ProcessEnv)).toEqual([
      `--max-old-space-size=${DEFAULT_HEAP_MB}`,
      `--max-semi-space-size=${DEFAULT_YOUNG_MB}`,
    ]);
    expect(heapFlags({ KEWU_HEAP_MB: "512", KEWU_YOUNG_MB: "32" } as unknown as NodeJS.ProcessEnv)).toEqual([
      "--max-old-space-size=512",
      "--max-semi-space-size=32",
    ]);
    // No bound at all: V8 sizes both.
    expect(heapFlags({ KEWU_HEAP_MB: "0", KEWU_YOUNG_MB: "32" } as unknown as NodeJS.ProcessEnv)).toEqual([]);
  });

  it("refuses what is not a size", () => {
    expect(() => heapFlags({ KEWU_YOUNG_MB: "32MB" } as unknown as NodeJS.ProcessEnv)).toThrow(/KEWU_YOUNG_MB/);
    expect(() => heapFlags({ KEWU_YOUNG_MB: "0" } as unknown as NodeJS.ProcessEnv)).toThrow(/KEWU_YOUNG_MB/);
    expect(() => heapFlags({ KEWU_HEAP_MB: "32" } as unknown as NodeJS.ProcessEnv)).toThrow(/KEWU_HEAP_MB/);
  });
});

describe("builtConfig", () => {
  it("hands the build's resolved configuration to the server, so that next.config.ts is not compiled at start", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kewu-built-config-"));
    try {
      const file = path.join(dir, "required-server-files.json");
      writeFileSync(file, JSON.stringify({ version: 1, config: { poweredByHeader: false, distDir: ".next" }, files: [] }));
      expect(JSON.parse(builtConfig(file)!)).toEqual({ poweredByHeader: false, distDir: ".next" });
      // No build yet: nothing to hand over, and `next start` reads next.config.ts as usual.
      expect(builtConfig(path.join(dir, "missing.json"))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lets the environment's own value win", () => {
    expect(serverEnv({ __NEXT_PRIVATE_STANDALONE_CONFIG: "{}" } as unknown as NodeJS.ProcessEnv).__NEXT_PRIVATE_STANDALONE_CONFIG).toBe(
      "{}",
    );
    expect(serverEnv({ MALLOC_ARENA_MAX: "4" } as unknown as NodeJS.ProcessEnv).MALLOC_ARENA_MAX).toBe("4");
  });
});
