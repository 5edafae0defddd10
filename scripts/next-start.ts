// How every script starts a Kewu production server (`npm start`, `npm run serve`, the bench, the
// crash and cluster tests): `next start` under Node with a heap sized for one server instance.
//
// Without a limit V8 sizes the heap for the machine (about a quarter of its memory) and, under
// concurrent requests, lets it grow to two or three times the live data before it collects. With
// KEWU_HEAP_MB set, the old generation is bounded (and the young generation's semispaces made
// smaller), so V8 collects earlier instead (docs/performance.md, "Server memory"). Unset, V8 sizes
// the heap itself: a bound that the heaviest pages' live data exceeds under concurrent load kills
// the instance, and on the scale data 224 MB and even 512 MB did (ten concurrent fifty-site Excel
// exports, dashboards, goods-pass lists and audit trails).
import path from "node:path";
import { REPO_ROOT } from "./db/server";

export const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

/** Young generation semispace, in MB (V8's default is 16 on 64-bit). */
const SEMI_SPACE_MB = 4;

/** Node's heap flags for a server instance: none, or the bound KEWU_HEAP_MB (64–16384) names. */
export function heapFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.KEWU_HEAP_MB?.trim();
  if (!raw) return [];
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 64 || mb > 16384)
    throw new Error(`KEWU_HEAP_MB must be a whole number of megabytes from 64 to 16384 (got ${JSON.stringify(raw)})`);
  return [`--max-old-space-size=${mb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

/** `node` arguments that start the production server on `port` (and `host`, when given). */
export function nextStartArgs(port: number | string, options: { host?: string; env?: NodeJS.ProcessEnv } = {}): string[] {
  return [...heapFlags(options.env), NEXT_BIN, "start", "-p", String(port), ...(options.host ? ["-H", options.host] : [])];
}
