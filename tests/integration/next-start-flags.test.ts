/**
 * The heap flags every production server starts with (scripts/next-start.ts): the old generation's bound
 * and the young generation's semispace, each from its variable or its default, and a clear refusal of a
 * value that is not one (an operator's typo must stop the start, not run a server without a bound).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_MB, DEFAULT_YOUNG_MB, heapFlags } from "../../scripts/next-start";

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
