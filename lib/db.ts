import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One Prisma client per process (t3 style); in dev, survive hot reloads through globalThis.
const globalForPrisma = globalThis as unknown as { kewuPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string, pool: { connectionTimeoutMillis?: number } = {}): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString, max: 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, ...pool },
    // An idle connection broken by a database restart emits an error: logged, never thrown, so the
    // process keeps running and the pool opens fresh connections on the next query
    // (tests/integration/faults.test.ts crashes PostgreSQL under load to prove it).
    {
      onPoolError: (err) => console.error(`[db] idle connection lost: ${err.message}`),
      onConnectionError: (err) => console.error(`[db] connection lost: ${err.message}`),
    },
  );
  return new PrismaClient({ adapter });
}

function client(): PrismaClient {
  if (!globalForPrisma.kewuPrisma) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it; see README, Configuration)");
    globalForPrisma.kewuPrisma = createPrismaClient(url);
  }
  return globalForPrisma.kewuPrisma;
}

/** The client, created on first use so that importing the data layer (e.g. during `next build`) needs no database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const target = client();
    const value = Reflect.get(target, prop, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

export type Db = PrismaClient;

// ---------------------------------------------------------------------------------------------
// Read replica: the heavy read-only reports and exports (dashboard on-time rates, inspection
// compliance, newspaper monthly report, meeting archive and compliance, their Excel files) read from
// DATABASE_REPLICA_URL when it is set and healthy. Everything else, and above all what a user has just
// written, reads from the primary. A replica that is down, or lags more than REPLICA_MAX_LAG_SECONDS,
// is skipped with a logged warning: the reads go to the primary until the next probe says otherwise.
// ---------------------------------------------------------------------------------------------

/** How often the replica's health is probed, at most. */
export const REPLICA_PROBE_MS = 5_000;

interface ReplicaState {
  url: string;
  client: PrismaClient;
  healthy: boolean;
  checkedAt: number;
  probing?: Promise<void>;
  warned?: string;
}
const globalForReplica = globalThis as unknown as { kewuReplica?: ReplicaState | null };

function replica(): ReplicaState | null {
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return null;
  const current = globalForReplica.kewuReplica;
  if (current && current.url === url) return current;
  const client = createPrismaClient(url, { connectionTimeoutMillis: 2_000 });
  globalForReplica.kewuReplica = { url, client, healthy: false, checkedAt: 0 };
  return globalForReplica.kewuReplica;
}

function warn(state: ReplicaState, message: string) {
  // Once per distinct problem, not once per query.
  if (state.warned === message) return;
  state.warned = message;
  console.warn(`[db] read replica skipped, reading from the primary: ${message}`);
}

async function probe(state: ReplicaState): Promise<void> {
  const maxLag = env().REPLICA_MAX_LAG_SECONDS;
  try {
    // On a standby, the age of the last replayed transaction; on a primary (or a plain copy) no lag.
    // An idle primary makes an idle standby look old: when both positions match it is caught up.
    const [row] = await state.client.$queryRaw<{ lag: number | null }[]>`SELECT CASE
                WHEN NOT pg_is_in_recovery() THEN 0
                WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8
              END AS lag`;
    const lag = row?.lag ?? 0;
    state.healthy = lag <= maxLag;
    if (!state.healthy) warn(state, `it lags ${Math.round(lag)} s (more than REPLICA_MAX_LAG_SECONDS=${maxLag})`);
    else if (state.warned) {
      console.warn("[db] read replica healthy again");
      state.warned = undefined;
    }
  } catch (err) {
    state.healthy = false;
    warn(state, `it does not answer (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`);
  } finally {
    state.checkedAt = Date.now();
  }
}

/**
 * The client for a heavy read-only report: the replica when configured and healthy (probed at most
 * every REPLICA_PROBE_MS), else the primary. Never for anything that writes, nor for a read that must
 * see the user's own latest write.
 */
export async function dbRead(): Promise<PrismaClient> {
  const state = replica();
  if (!state) return client();
  if (Date.now() - state.checkedAt >= REPLICA_PROBE_MS) {
    state.probing ??= probe(state).finally(() => (state.probing = undefined));
    await state.probing;
  }
  return state.healthy ? state.client : client();
}

/** Tests: forget the replica's health so the next dbRead() probes again. */
export function resetReplicaProbe(): void {
  if (globalForReplica.kewuReplica) globalForReplica.kewuReplica.checkedAt = 0;
}

/**
 * `db`'s shape for report modules: each model call and raw query goes to dbRead()'s choice. If the
 * replica fails mid-query (connection lost), the query runs again on the primary and the replica is
 * skipped until the next probe. Calls return plain promises: not for `$transaction([...])`.
 */
export const reportDb: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    if (typeof prop !== "string") return undefined;
    const run = async (call: (c: PrismaClient) => Promise<unknown>) => {
      const chosen = await dbRead();
      if (chosen === client()) return call(chosen);
      try {
        return await call(chosen);
      } catch (err) {
        const state = globalForReplica.kewuReplica;
        if (!state || !isConnectionError(err)) throw err;
        state.healthy = false;
        state.checkedAt = Date.now();
        warn(state, `a query failed (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`);
        return call(client());
      }
    };
    if (prop.startsWith("$")) {
      return (...args: unknown[]) => run((c) => (Reflect.get(c, prop) as (...a: unknown[]) => Promise<unknown>).apply(c, args));
    }
    return new Proxy(
      {},
      {
        get(_model, method) {
          if (typeof method !== "string") return undefined;
          return (...args: unknown[]) =>
            run((c) => {
              const delegate = Reflect.get(c, prop) as Record<string, (...a: unknown[]) => Promise<unknown>>;
              return delegate[method](...args);
            });
        },
      },
    );
  },
});

function isConnectionError(err: unknown): boolean {
  const text = `${(err as { code?: string })?.code ?? ""} ${err instanceof Error ? err.message : ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|connect|P1001|P1017|DatabaseNotReachable/i.test(text);
}
