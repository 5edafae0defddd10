// Crashes the owned PostgreSQL in the middle of a load, restarts it, and measures how long the app
// takes to answer again (from the moment the server accepts connections to the first good answer).
import { createServer } from "node:net";
import type { OwnedPostgres } from "./owned-postgres";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CrashReport {
  crashedAt: number;
  readyAt: number;
  recoverySeconds: number;
}

/**
 * After `crashAfterMs`: `pg_ctl stop -m immediate`, `downMs` of outage, restart. Then `probe` (an
 * answer of the app that needs the database) is polled every 50 ms until it succeeds (≤ `maxWaitMs`).
 */
export async function crashMidway(
  server: OwnedPostgres,
  options: { crashAfterMs: number; downMs: number; probe: () => Promise<boolean>; maxWaitMs?: number; log?: (line: string) => void },
): Promise<CrashReport> {
  const log = options.log ?? (() => {});
  await sleep(options.crashAfterMs);
  await server.crash();
  const crashedAt = Date.now();
  log(`PostgreSQL stopped with -m immediate`);
  await sleep(options.downMs);
  await server.start();
  const readyAt = Date.now();
  log(`PostgreSQL accepts connections again after ${((readyAt - crashedAt) / 1000).toFixed(1)} s down`);
  const deadline = readyAt + (options.maxWaitMs ?? 30_000);
  for (;;) {
    const ok = await options.probe().catch(() => false);
    if (ok) break;
    if (Date.now() > deadline)
      throw new Error(`the app did not answer within ${(options.maxWaitMs ?? 30_000) / 1000} s of PostgreSQL coming back`);
    await sleep(50);
  }
  return { crashedAt, readyAt, recoverySeconds: (Date.now() - readyAt) / 1000 };
}

/** The first port from `from` on which nothing listens (127.0.0.1). */
export async function freePort(from: number, to = from + 50): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}
