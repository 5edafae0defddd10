// How every script starts a Kewu production server (`npm start`, `npm run serve`, the bench, the
// crash and cluster tests): `next start` under Node with a heap sized for one server instance.
//
// Without a limit V8 sizes the heap for the machine (about a quarter of its memory) and, under
// concurrent requests, lets it grow to two or three times the live data before it collects: 750 MB
// resident after the bench. So the old generation is bounded, by default at DEFAULT_HEAP_MB (and the
// young generation's semispaces sized with it), and V8 collects earlier instead (docs/performance.md,
// "Server memory"). The bound was off while the heaviest requests' live data exceeded it (ten concurrent
// fifty-site Excel exports, each building its workbook in memory; fifty-site dashboards rendering every
// department); with the exports streamed and the dashboard's company view, 256 MB holds the bench's
// heaviest pages under ten connections on the scale data (352 MB resident). KEWU_HEAP_MB sets another
// bound; KEWU_HEAP_MB=0 leaves the sizing to V8. Outside the heap, glibc's malloc keeps an arena per
// thread that allocates (V8's compiler and GC threads, libuv's pool): serverEnv limits them to two, as
// MALLOC_ARENA_MAX does for most long-running servers (~15–20 MB less resident here, no slower).
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./db/server";

export const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

/**
 * Young generation semispace when KEWU_YOUNG_MB is not set, in MB (V8's own default on 64-bit). Under
 * ten connections a request's short-lived objects outlive smaller scavenges and are promoted, so the
 * bounded old generation is collected more often. Against 4 MB, with each page warm (10 s discarded),
 * 16 MB took 4–13 % less CPU a page for ~12 MB more resident; 32 MB took 12–18 % less on the lists but
 * not on the dashboard, for ~56 MB more (docs/performance.md, "Twelfth pass"). 16 leaves the memory
 * budget its margin; KEWU_YOUNG_MB=32 gives the lists the rest to an instance with memory to spare.
 */
export const DEFAULT_YOUNG_MB = 16;

/** The old generation's bound when KEWU_HEAP_MB is not set, in MB. */
export const DEFAULT_HEAP_MB = 256;

/**
 * Node's heap flags for a server instance: the bound KEWU_HEAP_MB names (64–16384; unset: DEFAULT_HEAP_MB),
 * none for 0; with a bound, the semispace KEWU_YOUNG_MB names (1–256; unset: DEFAULT_YOUNG_MB).
 */
export function heapFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.KEWU_HEAP_MB?.trim() || String(DEFAULT_HEAP_MB);
  const mb = Number(raw);
  if (mb === 0) return [];
  if (!Number.isInteger(mb) || mb < 64 || mb > 16384)
    throw new Error(`KEWU_HEAP_MB must be 0 (no bound) or a whole number of megabytes from 64 to 16384 (got ${JSON.stringify(raw)})`);
  const rawYoung = env.KEWU_YOUNG_MB?.trim() || String(DEFAULT_YOUNG_MB);
  const young = Number(rawYoung);
  if (!Number.isInteger(young) || young < 1 || young > 256)
    throw new Error(`KEWU_YOUNG_MB must be a whole number of megabytes from 1 to 256 (got ${JSON.stringify(rawYoung)})`);
  return [`--max-old-space-size=${mb}`, `--max-semi-space-size=${young}`];
}

/** `node` arguments that start the production server on `port` (and `host`, when given). */
export function nextStartArgs(port: number | string, options: { host?: string; env?: NodeJS.ProcessEnv } = {}): string[] {
  return [...heapFlags(options.env), NEXT_BIN, "start", "-p", String(port), ...(options.host ? ["-H", options.host] : [])];
}

/** Glibc malloc arenas of a server instance (MALLOC_ARENA_MAX; the environment's own value wins). */
const MALLOC_ARENAS = "2";

/** Where `next build` writes the configuration it resolved from next.config.ts (for standalone servers). */
const BUILT_CONFIG = path.join(REPO_ROOT, ".next", "required-server-files.json");

/**
 * The configuration the build resolved, as the JSON Next.js's own standalone server hands to `next start`
 * (`__NEXT_PRIVATE_STANDALONE_CONFIG`), or null without a build. Given it, the server does not read
 * next.config.ts: a TypeScript config is otherwise compiled at every start by SWC's native binding, which
 * then stays mapped, ~22 MB of resident memory for the life of the server (docs/performance.md, "Eleventh
 * pass"). The build's copy is the one its pages were built with; a changed next.config.ts needs a new build
 * either way.
 */
export function builtConfig(file = BUILT_CONFIG): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const config = (JSON.parse(text) as { config?: unknown }).config;
  return config && typeof config === "object" ? JSON.stringify(config) : null;
}

/**
 * The environment a server instance starts with: `env` plus the malloc arena limit (read by glibc at
 * start) and the build's resolved configuration (builtConfig); the environment's own values win.
 */
export function serverEnv<E extends NodeJS.ProcessEnv>(env: E): E {
  const config = builtConfig();
  return { MALLOC_ARENA_MAX: MALLOC_ARENAS, ...(config ? { __NEXT_PRIVATE_STANDALONE_CONFIG: config } : {}), ...env };
}
