import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { registerChatQueue } from "@/lib/chat-channels/send";
import { FILES_CLEANUP_CRON, FILES_CLEANUP_QUEUE, deleteUnclaimedFiles } from "@/lib/files/cleanup";
import { runReminders, runScheduledReminders, type ReminderRunResult } from "./run";

/**
 * Background jobs (pg-boss 10, in schema `pgboss` of the app's own database, next to Prisma's
 * `public`). Started once per server process by instrumentation.ts.
 *
 * - TICK_QUEUE: a pg-boss cron schedule every 15 minutes. Its handler runs reminders for the sites
 *   where it is now a working day (site calendar) at or after 08:30 site time and that this process
 *   has not run yet on their local today. The "already ran" memory is per process; another process
 *   or a restart may run a site again the same day, which creates nothing new (dedupe keys).
 * - RUN_QUEUE: on demand, `{ siteIds?: string[] }` (all sites when omitted).
 * - FILES_CLEANUP_QUEUE: hourly, deletes uploads no record claimed (lib/files/cleanup.ts).
 * - CHAT_QUEUE: posts to chat channels, retried with back-off (lib/chat-channels/send.ts).
 *
 * pg-boss's cron fires each tick once across all processes (the job is de-duplicated per minute),
 * and the tick queue's "singleton" policy keeps two ticks from running at the same time.
 */

export const TICK_QUEUE = "kewu-reminders-tick";
export const RUN_QUEUE = "kewu-reminders-run";
export const TICK_CRON = "*/15 * * * *";
export const PGBOSS_SCHEMA = "pgboss";

export interface RunJobData {
  siteIds?: string[];
}

export interface StartOptions {
  /** Defaults to DATABASE_URL. */
  connectionString?: string;
  /** Run pg-boss's cron clock (default true). Tests turn it off so no tick fires mid-test. */
  schedule?: boolean;
  /** How often workers poll for jobs (pg-boss default 2 s). */
  pollingIntervalSeconds?: number;
  /** Stop pg-boss on SIGTERM/SIGINT (the server process; not tests). */
  handleSignals?: boolean;
}

interface QueueState {
  started?: Promise<PgBoss>;
  /** site id → site-local date of this process's last scheduled run */
  lastRunDates: Map<string, string>;
  retryTimer?: NodeJS.Timeout;
  signalsInstalled?: boolean;
}

// On globalThis so that a dev-server module reload does not start a second pg-boss.
const g = globalThis as unknown as { kewuJobs?: QueueState };
const state: QueueState = (g.kewuJobs ??= { lastRunDates: new Map() });

function readSiteIds(data: unknown): string[] | undefined {
  const ids = (data as RunJobData | null)?.siteIds;
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) throw new Error("RUN_QUEUE job: siteIds must be a list of ids");
  return ids;
}

async function start(options: StartOptions): Promise<PgBoss> {
  const connectionString = options.connectionString ?? env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({
    connectionString,
    schema: PGBOSS_SCHEMA,
    application_name: "kewu-jobs",
    max: 4,
    schedule: options.schedule ?? true,
  });
  boss.on("error", (err) => console.error("[jobs] pg-boss error", err));
  await boss.start();
  try {
    // All idempotent: every process (and every restart) declares the same queues and schedule.
    await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, policy: "singleton", retryLimit: 0, expireInSeconds: 600 });
    await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, policy: "standard", retryLimit: 2, retryDelay: 30, expireInSeconds: 600 });
    await boss.schedule(TICK_QUEUE, TICK_CRON, {}, { tz: "UTC" });
    const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    await boss.work(TICK_QUEUE, work, async () => {
      const result = await runScheduledReminders(new Date(), state.lastRunDates);
      if (result.sites > 0) console.log(`[jobs] reminders for ${result.sites} site(s): ${result.created} new notification(s)`);
      return result;
    });
    await boss.work<RunJobData>(RUN_QUEUE, work, async ([job]) => runReminders(new Date(), readSiteIds(job.data)));
    await boss.createQueue(FILES_CLEANUP_QUEUE, { name: FILES_CLEANUP_QUEUE, policy: "singleton", retryLimit: 0, expireInSeconds: 600 });
    await boss.schedule(FILES_CLEANUP_QUEUE, FILES_CLEANUP_CRON, {}, { tz: "UTC" });
    await boss.work(FILES_CLEANUP_QUEUE, work, () => deleteUnclaimedFiles());
    await registerChatQueue(boss, work);
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw err;
  }
  if (options.handleSignals) installSignalHandlers();
  return boss;
}

/** Starts pg-boss once per process; later calls get the same instance. A failed start can be retried. */
export function startReminderQueue(options: StartOptions = {}): Promise<PgBoss> {
  if (!state.started) {
    const started = start(options);
    state.started = started;
    started.catch(() => {
      if (state.started === started) state.started = undefined;
    });
  }
  return state.started;
}

/**
 * For instrumentation.ts: starts without blocking the server's start and never throws. When the
 * database is unreachable it logs and tries again (1 min, doubling up to 15 min).
 */
export function startReminderQueueInBackground(options: StartOptions = {}, delayMs = 60_000): void {
  if (!(options.connectionString ?? env().DATABASE_URL)) {
    console.warn("[jobs] DATABASE_URL is not set: reminder jobs not started");
    return;
  }
  startReminderQueue(options).then(
    () => console.log("[jobs] reminder jobs started (pg-boss)"),
    (err) => {
      console.error(`[jobs] could not start reminder jobs; retrying in ${delayMs / 1000} s`, err);
      clearTimeout(state.retryTimer);
      state.retryTimer = setTimeout(() => startReminderQueueInBackground(options, Math.min(delayMs * 2, 15 * 60_000)), delayMs);
      state.retryTimer.unref();
    },
  );
}

/** Stops workers and the cron clock, waits for running jobs (up to `timeoutMs`), closes pg-boss's pool. */
export async function stopReminderQueue(timeoutMs = 10_000): Promise<void> {
  clearTimeout(state.retryTimer);
  state.retryTimer = undefined;
  const started = state.started;
  state.started = undefined;
  const boss = await started?.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

/** Queues an on-demand run (all sites when `siteIds` is omitted). The queue must be started. */
export async function enqueueReminderRun(siteIds?: string[]): Promise<string> {
  if (!state.started) throw new Error("Reminder jobs are not started");
  const boss = await state.started;
  const id = await boss.send(RUN_QUEUE, siteIds ? { siteIds } : {});
  if (!id) throw new Error("pg-boss did not accept the reminder job");
  return id;
}

/** Waits for a job of RUN_QUEUE to finish and returns its result; throws if it failed or timed out. */
export async function waitForReminderRun(jobId: string, timeoutMs = 30_000): Promise<ReminderRunResult> {
  if (!state.started) throw new Error("Reminder jobs are not started");
  const boss = await state.started;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await boss.getJobById<RunJobData>(RUN_QUEUE, jobId, { includeArchive: true });
    if (job?.state === "completed") return job.output as unknown as ReminderRunResult;
    if (job?.state === "failed" || job?.state === "cancelled") throw new Error(`Reminder job ${jobId} ${job.state}`);
    if (Date.now() > deadline) throw new Error(`Reminder job ${jobId} did not finish within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Next's own SIGTERM/SIGINT handler exits the process; this one starts a graceful stop alongside
 * (best effort: a job cut short is retried by pg-boss after it expires). If no other handler is
 * left, the signal is re-raised after the stop so the process still ends.
 */
function installSignalHandlers() {
  if (state.signalsInstalled) return;
  state.signalsInstalled = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopReminderQueue(5_000)
        .catch((err) => console.error("[jobs] stop failed", err))
        .finally(() => {
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
}
