// Where a V8 CPU profile's time went (a server started with --cpu-prof, see ./export-cpu.ts): self time per
// package (node_modules/<name>, the app's own chunks, Node's internals), the top functions by self time,
// and — through the build's source maps — the time per file of Kewu's own source, both its own (self) and
// everything it called (inclusive: the file is somewhere on the stack).
//
//   npx tsx scripts/bench/cpu-profile.ts /tmp/prof/CPU.….cpuprofile [--top 30] [--skip-loading] [--bundled] [--after S]
//
// --after S leaves out the profile's first S seconds (a server warmed up under load before the
// stretch to read: its steady state, not V8's tiering).
//
// --skip-loading leaves out the samples taken while a module was being loaded (the server's start and
// each route's first request), so that a short profile shows the steady state.
import { AnyMap, originalPositionFor, type TraceMap } from "@jridgewell/trace-mapping";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: args, positionals } = parseArgs({
  options: {
    top: { type: "string", default: "30" },
    "skip-loading": { type: "boolean", default: false },
    after: { type: "string", default: "0" },
    bundled: { type: "boolean", default: false },
  },
  allowPositionals: true,
});
const profile = JSON.parse(readFileSync(positionals[0], "utf8")) as Profile;
const top = Number(args.top);

/** The package a script belongs to: node_modules/<name> (scoped too), the app's build output, or Node. */
function packageOf(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (m) return m[1];
  if (url.includes("/.next/")) return "app (.next)";
  if (url.startsWith("node:") || url === "") return url || "(native / V8)";
  return url;
}

// Source maps of the build's chunks, read once each (null: none).
const maps = new Map<string, TraceMap | null>();
function mapOf(url: string): TraceMap | null {
  if (!maps.has(url)) {
    let map: TraceMap | null = null;
    try {
      const file = `${url.startsWith("file:") ? fileURLToPath(url) : url}.map`;
      if (existsSync(file)) map = new AnyMap(readFileSync(file, "utf8"));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

/** A frame of Kewu's own source ("lib/complaints/queries.ts"), or null (a package, Node, Next's runtime). */
const sourceOfNode = new Map<number, string | null>();
function sourceOf(node: ProfileNode): string | null {
  if (!sourceOfNode.has(node.id)) {
    const { url, lineNumber, columnNumber } = node.callFrame;
    let source: string | null = null;
    if (url.includes("/.next/")) {
      const map = mapOf(url);
      const pos = map ? originalPositionFor(map, { line: lineNumber + 1, column: Math.max(0, columnNumber) }) : null;
      const s = pos?.source?.replace(/^.*?\[project\]\//, "").replace(/^(\.\.\/)+/, "");
      if (s && !s.includes("node_modules/")) source = s;
      // --bundled: the packages bundled into the app's chunks (next-intl, zod, date-fns …) by name too.
      else if (s && args.bundled) source = `(bundled) ${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1] ?? s}`;
    }
    sourceOfNode.set(node.id, source);
  }
  return sourceOfNode.get(node.id)!;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const stackOf = (id: number) => {
  const stack: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
  return stack;
};
const LOADING = /^(?:wrapSafe|compileSourceTextModule|instantiateModule|Module\._compile|Module\._load|require)$/;

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
const selfBySource = new Map<string, number>();
const inclusiveBySource = new Map<string, number>();
const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
let busy = 0;
let idle = 0;
let loading = 0;
let elapsed = 0;
const after = Number(args.after) * 1e6;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  elapsed += us;
  if (elapsed < after) return;
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === "(idle)") return void (idle += us);
  const stack = stackOf(id);
  if (args["skip-loading"] && stack.some((n) => LOADING.test(n.callFrame.functionName))) return void (loading += us);
  busy += us;
  const pkg = packageOf(url);
  add(byPackage, pkg, us);
  add(byFunction, `${functionName || "(anonymous)"}  ${pkg}:${lineNumber + 1}`, us);
  const own = sourceOf(node);
  if (own) add(selfBySource, own, us);
  for (const s of new Set(stack.map(sourceOf).filter((s): s is string => s !== null))) add(inclusiveBySource, s, us);
});

const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)}%`;
const list = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}:`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms(us)}  ${k}`);
};
console.log(
  `busy ${(busy / 1000).toFixed(0)} ms (idle ${(idle / 1000).toFixed(0)} ms` +
    `${args["skip-loading"] ? `, loading modules ${(loading / 1000).toFixed(0)} ms` : ""} left out)`,
);
list("self time by package", byPackage, 20);
list("top functions by self time", byFunction, top);
list("Kewu's source, self time", selfBySource, top);
list("Kewu's source, inclusive (the file is on the stack)", inclusiveBySource, top);
