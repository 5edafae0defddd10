import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespacesOf } from "./client-namespaces";
import { MESSAGES } from "./messages";
import { pickMessages, SHARED_CLIENT_NAMESPACES } from "./pick";

const root = path.resolve(__dirname, "../..");
const catalogue = MESSAGES["zh-CN"];
const known = new Set(Object.keys(catalogue));
const ROUTE_FILES = /^(page|layout|error|not-found|global-error|loading|template)\.tsx$/;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : ROUTE_FILES.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const NAMESPACE_LIST = /"([^"]+)"/g;

/**
 * Namespaces the client components of `file` receive: those of the nearest provider above them. A page's
 * own (`export default withClientMessages([...], Page)`, components/i18n/client-messages.tsx) replaces
 * its layouts' (a nested NextIntlClientProvider does not merge with the one above); otherwise the
 * innermost layout's `<ClientMessages namespaces={[...]}>`. Every provider adds the shared namespaces.
 */
function providedTo(file: string): Set<string> {
  const provided = new Set<string>(SHARED_CLIENT_NAMESPACES);
  const own = [...readFileSync(file, "utf8").matchAll(/withClientMessages\(\s*\[([^\]]*)\]/g)];
  if (own.length > 0) {
    for (const m of own) for (const ns of m[1]!.matchAll(NAMESPACE_LIST)) provided.add(ns[1]!);
    return provided;
  }
  for (let d = path.dirname(file); d.startsWith(path.join(root, "app")); d = path.dirname(d)) {
    let source: string;
    try {
      source = readFileSync(path.join(d, "layout.tsx"), "utf8");
    } catch {
      continue;
    }
    const layout = [...source.matchAll(/<ClientMessages namespaces=\{\[([^\]]*)\]\}/g)];
    for (const m of layout) for (const ns of m[1]!.matchAll(NAMESPACE_LIST)) provided.add(ns[1]!);
    if (layout.length > 0) return provided;
  }
  return provided;
}

describe("client messages", () => {
  it("the shared namespaces are a small part of the catalogue", () => {
    const whole = JSON.stringify(catalogue).length;
    const shared = JSON.stringify(pickMessages(catalogue, SHARED_CLIENT_NAMESPACES)).length;
    expect(shared).toBeLessThan(whole / 10);
  });

  it("picks only the named namespaces", () => {
    expect(Object.keys(pickMessages(catalogue, ["complaints", "nope", "complaints"]))).toEqual(["complaints"]);
  });

  it("no provider hands the whole catalogue to client components", () => {
    // A NextIntlClientProvider without `messages` sends every message in each page's payload.
    const offenders = [...routeFiles(path.join(root, "app")), ...readdirRecursive(path.join(root, "components"))]
      .filter((f) => !f.endsWith(path.join("components", "i18n", "client-messages.tsx")))
      .filter((f) => readFileSync(f, "utf8").includes("<NextIntlClientProvider"));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("components translate from a named namespace", () => {
    // useTranslations() without a namespace reads any key of the catalogue: what it needs cannot be told
    // from its calls, and a later key from another namespace would be missing on the client without any
    // warning. The one exception is the form hook: it translates the message keys zod schemas carry
    // (validation.*, <module>.errors.*), which the reading below collects from the schemas a form imports.
    const allowed = [path.join("components", "ui", "use-action-form.ts")];
    const offenders = [...readdirRecursive(path.join(root, "components")), ...readdirRecursive(path.join(root, "app"))]
      .filter((f) => /useTranslations\(\s*\)/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual(allowed);
  });

  it("every route provides the namespaces its client components use", () => {
    const missing: string[] = [];
    for (const file of routeFiles(path.join(root, "app"))) {
      const provided = providedTo(file);
      for (const ns of clientNamespacesOf(root, [file], known)) if (!provided.has(ns)) missing.push(`${path.relative(root, file)}: ${ns}`);
    }
    expect(missing).toEqual([]);
  });

  it("no page receives namespaces its client components do not use", () => {
    // Each KB of messages travels in every view of the page (docs/performance.md): a list page must not
    // carry its module's form texts. Pages name theirs (withClientMessages); layouts only what all their pages use.
    const shared = new Set<string>(SHARED_CLIENT_NAMESPACES);
    // Renders nothing: it only redirects an old address (its layout's namespaces are never sent).
    const redirectsOnly = new Set([path.join("app", "(print)", "compliance", "print", "page.tsx")]);
    const unused: string[] = [];
    const pages = routeFiles(path.join(root, "app")).filter((f) => f.endsWith(`${path.sep}page.tsx`));
    for (const file of pages.filter((f) => !redirectsOnly.has(path.relative(root, f)))) {
      const used = clientNamespacesOf(root, [file], known);
      for (const ns of providedTo(file)) if (!shared.has(ns) && !used.has(ns)) unused.push(`${path.relative(root, file)}: ${ns}`);
    }
    expect(unused).toEqual([]);
  });
});

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? readdirRecursive(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}
