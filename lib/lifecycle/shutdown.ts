import type { Server } from "node:http";
import { markDraining } from "@/lib/health/ready";

/**
 * Graceful shutdown of one instance (SIGTERM from the orchestrator, Ctrl-C locally):
 *   1. /api/ready answers 503 ("shutting down") so the balancer takes the instance out;
 *   2. after `drainMs` (time for the balancer's next health check), the HTTP server stops accepting
 *      connections and the requests in flight finish; idle keep-alive connections are closed;
 *   3. background jobs (pg-boss) stop taking jobs and the running ones finish;
 *   4. the database pool closes, and the process exits 0 — or 1 if all this outlasts `timeoutMs`.
 *
 * Next's own signal handler (which closes the server and exits without waiting for jobs) is off when
 * NEXT_MANUAL_SIG_HANDLE=1 (set by scripts/start.ts and scripts/serve.ts); instrumentation.ts then
 * installs this one.
 */
export interface ShutdownSteps {
  servers: () => Iterable<Server>;
  drainMs: number;
  timeoutMs: number;
  stopJobs: () => Promise<void>;
  disconnect: () => Promise<void>;
  log?: (message: string) => void;
}

export async function shutdown(steps: ShutdownSteps): Promise<void> {
  const log = steps.log ?? ((m: string) => console.log(`[shutdown] ${m}`));
  markDraining();
  if (steps.drainMs > 0) {
    log(`draining: not ready, waiting ${steps.drainMs} ms for the balancer`);
    await new Promise((resolve) => setTimeout(resolve, steps.drainMs));
  }
  log("closing the HTTP server; requests in flight finish");
  await Promise.all(
    [...steps.servers()].map(
      (server) =>
        new Promise<void>((resolve) => {
          // A keep-alive connection goes idle when its last response ends: close those as they come.
          const idle = setInterval(() => server.closeIdleConnections(), 100);
          server.close(() => {
            clearInterval(idle);
            resolve();
          });
          server.closeIdleConnections();
        }),
    ),
  );
  log("stopping background jobs");
  await steps.stopJobs().catch((err) => console.error("[shutdown] jobs did not stop cleanly", err));
  await steps.disconnect().catch(() => {});
  log("done");
}

/** The HTTP servers of this process, as seen on their first request (Next.js does not hand them out). */
export function trackServers(ServerClass: { prototype: { emit: (event: string, ...args: unknown[]) => boolean } }): () => Set<Server> {
  const servers = new Set<Server>();
  const emit = ServerClass.prototype.emit;
  ServerClass.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
    if (event === "request" || event === "connection") servers.add(this);
    return emit.call(this, event, ...args);
  };
  return () => servers;
}

/** Installs the SIGTERM / SIGINT handler that runs `shutdown` once and exits. */
export function installShutdown(steps: ShutdownSteps): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    console.log(`[shutdown] ${signal}: finishing requests and jobs, taking no new ones`);
    const timer = setTimeout(() => {
      console.error(`[shutdown] still busy after ${steps.timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, steps.timeoutMs);
    timer.unref();
    void shutdown(steps).then(
      () => process.exit(0),
      (err) => {
        console.error("[shutdown] failed", err);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
