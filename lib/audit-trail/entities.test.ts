import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";

/** Every entity the code writes an audit row for (`entity: "Complaint"`; the ALL-CAPS ones are file owners). */
function auditedEntities(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
        for (const m of readFileSync(full, "utf8").matchAll(/entity: "([A-Z][a-z][A-Za-z]*)"/g)) found.add(m[1]);
    }
  };
  walk(path.join(process.cwd(), "lib"));
  return [...found].sort();
}

describe("the audit trail names every kind of record it holds (issue 16)", () => {
  it.each(["zh-CN", "en"] as const)("%s: every audited entity has a label", (locale) => {
    const labels = (MESSAGES[locale] as unknown as { audit: { entities: Record<string, string> } }).audit.entities;
    const entities = auditedEntities();
    expect(entities.length).toBeGreaterThan(20);
    expect(entities.filter((e) => !labels[e])).toEqual([]);
  });
});
