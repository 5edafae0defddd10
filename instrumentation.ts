/**
 * Next.js calls register() once when a server process starts. First the configuration: without a
 * database or a session secret the server refuses to start and says what is missing (there is no
 * built-in secret). Background jobs (reminders, pg-boss) run in the Node.js runtime only; the module
 * is imported there only, so pg-boss never reaches the edge bundle. KEWU_DISABLE_JOBS=1 turns them
 * off (e.g. a second web process, or tests).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { missingForServer } = await import("./lib/env");
  const missing = missingForServer();
  if (missing.length > 0) {
    console.error(`Kewu cannot start: missing ${missing.join(", ")}. 缺少配置：${missing.join("、")}（见 README「生产部署」）。`);
    process.exit(1);
  }
  // Sign-in throttling needs each request's TCP peer address (lib/auth/client-address.ts).
  const [{ Server }, { stampPeerAddresses }] = await Promise.all([import("node:http"), import("./lib/auth/client-address")]);
  stampPeerAddresses(Server as never);
  if (process.env.KEWU_DISABLE_JOBS !== "1") {
    const { startReminderQueueInBackground } = await import("./lib/reminders/queue");
    startReminderQueueInBackground({ handleSignals: true });
  }
}
