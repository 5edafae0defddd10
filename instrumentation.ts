/**
 * Next.js calls register() once when a server process starts. Background jobs (reminders, pg-boss)
 * run in the Node.js runtime only; the module is imported there only, so pg-boss never reaches the
 * edge bundle. KEWU_DISABLE_JOBS=1 turns them off (e.g. a second web process, or tests).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.KEWU_DISABLE_JOBS !== "1") {
    const { startReminderQueueInBackground } = await import("./lib/reminders/queue");
    startReminderQueueInBackground({ handleSignals: true });
  }
}
