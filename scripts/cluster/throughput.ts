// A short measured throughput for the README's sizing: signed-in GETs of a list page (/complaints, the
// primary through PgBouncer) from a few concurrent clients, once against one instance directly and once
// through HAProxy over both; and the connections PgBouncer holds meanwhile (client connections = the
// instances' pools, server connections = what reaches PostgreSQL). Not a benchmark (bench/ is): one
// machine runs the database, both instances, the balancer and this client.

import pg from "pg";
import type { Session } from "../faults/http";
import { INSTANCES, perInstance, type Check } from "./parts";

interface Run {
  requests: number;
  failed: number;
  seconds: number;
  p50: number;
  p95: number;
  served: Record<string, number>;
}

async function hammer(
  session: Session,
  base: string,
  pathname: string,
  clients: number,
  ms: number,
  onTick?: () => Promise<void>,
): Promise<Run> {
  const latencies: number[] = [];
  const served: Record<string, number> = {};
  let failed = 0;
  const started = Date.now();
  const end = started + ms;
  const client = async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        const res = await session.fetch(pathname, {}, base);
        await res.arrayBuffer();
        if (res.status !== 200) failed++;
        else latencies.push(performance.now() - t0);
        const by = res.headers.get("x-served-by") ?? "direct";
        served[by] = (served[by] ?? 0) + 1;
      } catch {
        failed++;
      }
    }
  };
  const sampler = (async () => {
    while (onTick && Date.now() < end - 500) {
      await new Promise((r) => setTimeout(r, 1_000));
      await onTick().catch(() => {});
    }
  })();
  await Promise.all([...Array.from({ length: clients }, client), sampler]);
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { requests: latencies.length, failed, seconds, p50: at(0.5), p95: at(0.95), served };
}

export async function throughputCheck(input: {
  session: Session;
  lb: string;
  directApp1: string;
  bouncerAdminUrl: string;
  clients?: number;
  seconds?: number;
}): Promise<Check> {
  const clients = input.clients ?? 8;
  const ms = (input.seconds ?? 8) * 1000;
  const pathname = "/complaints";
  // Warm both instances' page code first (the first render compiles nothing, but fills caches).
  for (let i = 0; i < 4; i++) await (await input.session.fetch(pathname)).arrayBuffer();

  const one = await hammer(input.session, input.directApp1, pathname, clients, ms);
  const admin = new pg.Client({ connectionString: input.bouncerAdminUrl });
  await admin.connect();
  let peakClients = 0;
  let peakServers = 0;
  const sample = async () => {
    const c = (await admin.query<{ database: string }>("SHOW CLIENTS")).rows.filter((r) => r.database === "kewu_cluster").length;
    const s = (await admin.query<{ database: string }>("SHOW SERVERS")).rows.filter((r) => r.database === "kewu_cluster").length;
    peakClients = Math.max(peakClients, c);
    peakServers = Math.max(peakServers, s);
  };
  let both: Run;
  try {
    both = await hammer(input.session, input.lb, pathname, clients, ms, sample);
    await sample();
  } finally {
    await admin.end();
  }
  const rate = (r: Run) => (r.requests / r.seconds).toFixed(1);
  const figures = [
    `GET ${pathname} (signed in, 20 rows from the primary via PgBouncer), ${clients} concurrent clients, ${ms / 1000} s each:`,
    `one instance directly: ${rate(one)} req/s, p50 ${one.p50} ms, p95 ${one.p95} ms, failed ${one.failed}`,
    `through HAProxy (2 instances): ${rate(both)} req/s, p50 ${both.p50} ms, p95 ${both.p95} ms, failed ${both.failed}; served ${perInstance(both.served)}`,
    `PgBouncer during the balanced run: up to ${peakClients} client connections from the ${INSTANCES.length} instances (app pool max 10 + pg-boss max 4 each), up to ${peakServers} server connections to PostgreSQL`,
  ];
  const passed =
    one.requests > 0 &&
    both.requests > 0 &&
    one.failed === 0 &&
    both.failed === 0 &&
    INSTANCES.every((n) => (both.served[n] ?? 0) > 0) &&
    peakClients <= INSTANCES.length * 14;
  return {
    name: "measured throughput of a list page: one instance vs the balancer, connections through the pooler",
    passed,
    figures: figures.join("\n"),
  };
}
