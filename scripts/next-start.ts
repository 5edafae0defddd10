// How every script starts a Kewu production server (`npm start`, `npm run serve`, the bench, the
// crash and cluster tests): `next start` under Node with a heap sized for one server instance.
//
// Without a limit V8 sizes the heap for the machine (about a quarter of its memory) and, under
// concurrent requests, lets it grow to two or three times the live data before it collects. A
// bounded old generation (and smaller young-generation semispaces) makes V8 collect earlier instead
// (docs/performance.md, "Server memory"). The bound must hold the live data of the heaviest pages
// under concurrent load: at 224 MB an instance ran out of heap on the scale data (ten concurrent
// fifty-site dashboards and goods-pass lists), so the default is 512 MB. KEWU_HEAP_MB changes it.
import path from "node:path";
import { REPO_ROOT } from "./db/server";

export const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

/** The old generation's bound, in MB (V8's --max-old-space-size). */
export const DEFAULT_HEAP_MB = 512;
/** Young generation semispace, in MB (V8's default is 16 on 64-bit). */
const SEMI_SPACE_MB = 4;

/** Node's heap flags for a server instance; KEWU_HEAP_MB (64–16384) overrides the bound. */
export function heapFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.KEWU_HEAP_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_HEAP_MB;
  if (!Number.isInteger(mb) || mb < 64 || mb > 16384)
    throw new Error(`KEWU_HEAP_MB must be a whole number of megabytes from 64 to 16384 (got ${JSON.stringify(raw)})`);
  return [`--max-old-space-size=${mb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

/** `node` arguments that start the production server on `port` (and `host`, when given). */
export function nextStartArgs(port: number | string, options: { host?: string; env?: NodeJS.ProcessEnv } = {}): string[] {
  return [...heapFlags(options.env), NEXT_BIN, "start", "-p", String(port), ...(options.host ? ["-H", options.host] : [])];
}
