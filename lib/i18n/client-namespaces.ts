import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Static reading of the import graph from a route's files: which message namespaces do the client
 * components reached from there use? Client components get only these namespaces (see
 * `components/i18n/client-messages.tsx`); the unit test compares them with what each route provides.
 */
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveImport(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (existsSync(file) && statSync(file).isFile() && /\.tsx?$/.test(file)) return file;
  }
  return null;
}

// Type-only imports carry no code, hence no messages.
const IMPORT = /(?:import|export)\s(?!type\s)[^"';]*?from\s*"([^"]+)"|import\s*\(\s*"([^"]+)"\s*\)|import\s+"([^"]+)"/g;
const USE_TRANSLATIONS = /useTranslations\(\s*(?:"([^"]*)")?\s*\)/g;
// A full key, also the start of a template ("areaType.${type}").
const STRING_LITERAL = /["'`]([A-Za-z]+)\.(?:[A-Za-z0-9_]|\$\{)/g;

/** Namespaces used by client code reachable from `entries` (files under `root`). */
export function clientNamespacesOf(root: string, entries: string[], known: ReadonlySet<string>): Set<string> {
  const used = new Set<string>();
  const seen = new Map<string, boolean>();
  const visit = (file: string, client: boolean) => {
    if (seen.get(file) === true || (seen.has(file) && !client)) return;
    seen.set(file, client);
    const source = readFileSync(file, "utf8");
    // A "use server" module imported by client code reaches the browser as references to its actions
    // only: its code and its messages (translated on the server) stay on the server.
    const isClient = !/^\s*["']use server["']/.test(source) && (client || /^\s*["']use client["']/.test(source));
    if (isClient) {
      for (const m of source.matchAll(USE_TRANSLATIONS)) {
        // No namespace: the keys are written out in full and collected below.
        if (m[1]) used.add(m[1].split(".")[0]!);
      }
      for (const m of source.matchAll(STRING_LITERAL)) if (known.has(m[1]!)) used.add(m[1]!);
    }
    for (const m of source.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec) continue;
      const target = resolveImport(root, file, spec);
      if (target) visit(target, isClient);
    }
  };
  for (const entry of entries) visit(entry, false);
  return used;
}
