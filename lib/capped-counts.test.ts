import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Each Prisma `.count({ … })` call's argument text, with the file it is in. */
function countCalls(): { file: string; args: string }[] {
  const calls: { file: string; args: string }[] = [];
  for (const file of sourceFiles(LIB)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\.count\(\{/g)) {
      // The object literal up to its matching brace.
      let depth = 0;
      let end = m.index + ".count(".length;
      for (; end < text.length; end++) {
        if (text[end] === "{") depth++;
        else if (text[end] === "}" && --depth === 0) break;
      }
      calls.push({ file: path.relative(LIB, file), args: text.slice(m.index + ".count(".length, end + 1) });
    }
  }
  return calls;
}

describe("capped counts (pagination.countLimit)", () => {
  it("finds the data layer's counts", () => {
    // The scan itself works: the lists' capped counts are among the calls it reads.
    const capped = countCalls().filter((c) => /\btake:/.test(c.args));
    expect(capped.map((c) => c.file)).toEqual(
      expect.arrayContaining(["goods-passes/lists.queries.ts", "meetings/queries.ts", "audit-trail/queries.ts", "waste/queries.ts"]),
    );
  });

  it("every count with a limit is ordered by site, so that it scans the site index and stops", () => {
    // Without orderBy Prisma orders by id: every matching row is read and sorted before the limit.
    const unordered = countCalls().filter((c) => /\btake:/.test(c.args) && !/\borderBy: BY_SITE\b/.test(c.args));
    expect(unordered).toEqual([]);
  });
});
