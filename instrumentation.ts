/**
 * Next.js calls register() once when a server process starts. First the configuration: without a
 * database or a session secret the server refuses to start and says what is missing (there is no
 * built-in secret). Background jobs (reminders, pg-boss) run in the Node.js runtime only; the module
 * is imported there only, so pg-boss never reaches the edge bundle. KEWU_DISABLE_JOBS=1 turns them
 * off (e.g. a second web process, or tests).
 *
 * Then the instance's fitness to serve: the database's applied migrations must be exactly this
 * build's (lib/health/ready.ts; KEWU_SKIP_MIGRATION_CHECK=1 skips it), and a configured bucket must
 * exist and accept the keys (lib/storage). Either failing stops the process, saying why.
 * With NEXT_MANUAL_SIG_HANDLE=1 (scripts/start.ts, scripts/serve.ts) SIGTERM runs the graceful
 * shutdown of lib/lifecycle/shutdown.ts: requests and jobs finish, no new ones are taken.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: abort reasons must not chain finished renders together (decision 022).
  const { materializeAbortReasons } = await import("./lib/lifecycle/abort-reasons");
  materializeAbortReasons();
  const { missingForServer } = await import("./lib/env");
  const missing = missingForServer();
  if (missing.length > 0) {
    console.error(`Kewu cannot start: missing ${missing.join(", ")}. 缺少配置：${missing.join("、")}（见 README「生产部署」）。`);
    process.exit(1);
  }
  // Sign-in throttling needs each request's TCP peer address (lib/auth/client-address.ts).
  const [{ Server }, { stampPeerAddresses }] = await Promise.all([import("node:http"), import("./lib/auth/client-address")]);
  stampPeerAddresses(Server as never);
  if (process.env.KEWU_SKIP_MIGRATION_CHECK !== "1") {
    const [{ db }, { checkReadiness }] = await Promise.all([import("./lib/db"), import("./lib/health/ready")]);
    const readiness = await checkReadiness(db);
    if (!readiness.ok) {
      console.error(`Kewu cannot start: ${readiness.reason}. 数据库迁移版本与本程序不一致，拒绝服务。`);
      process.exit(1);
    }
  }
  const { checkStorage } = await import("./lib/storage");
  await checkStorage().catch((err: Error) => {
    console.error(`Kewu cannot start: ${err.message}. 文件存储不可用。`);
    process.exit(1);
  });

  const jobs = process.env.KEWU_DISABLE_JOBS !== "1";
  const manualSignals = Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
  if (jobs) {
    const { startReminderQueueInBackground } = await import("./lib/reminders/queue");
    startReminderQueueInBackground({ handleSignals: !manualSignals });
  }
  if (manualSignals) {
    const [{ installShutdown, trackServers }, { stopReminderQueue }, { db }] = await Promise.all([
      import("./lib/lifecycle/shutdown"),
      import("./lib/reminders/queue"),
      import("./lib/db"),
    ]);
    const servers = trackServers(Server as never);
    installShutdown({
      servers,
      drainMs: Number(process.env.KEWU_SHUTDOWN_DRAIN_MS ?? 0),
      timeoutMs: Number(process.env.KEWU_SHUTDOWN_TIMEOUT_MS ?? 30_000),
      stopJobs: () => (jobs ? stopReminderQueue(20_000) : Promise.resolve()),
      disconnect: () => db.$disconnect(),
    });
  } else {
    // Next's own handler closes the server and exits; the balancer still sees "not ready" meanwhile.
    const { markDraining } = await import("./lib/health/ready");
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, markDraining);
  }
}
