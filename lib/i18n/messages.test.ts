import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";

/** "a.b.c" → text for every leaf of a message tree. */
function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === "string") out.set(prefix, tree);
  else if (tree && typeof tree === "object")
    for (const [key, value] of Object.entries(tree)) for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

/** The ICU arguments a message uses: {name}, {count, plural, …}. */
function argumentsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:[,}])/g)].map((m) => m[1]))].sort();
}

describe("message files (zh-CN is the reference, English the switch)", () => {
  const zh = leaves(MESSAGES["zh-CN"]);
  const en = leaves(MESSAGES.en);

  it("every Chinese message has an English one and nothing in English is missing in Chinese", () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it("both languages use the same arguments in each message", () => {
    const differing = [...zh].filter(([k, text]) => en.has(k) && argumentsOf(text).join() !== argumentsOf(en.get(k)!).join());
    expect(differing.map(([k]) => k)).toEqual([]);
  });

  it("no message is empty", () => {
    expect([...zh, ...en].filter(([, text]) => text.trim() === "").map(([k]) => k)).toEqual([]);
  });
});
