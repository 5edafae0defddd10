// The cluster test's proof that report exports read from the replica (lib/db.ts reportDb) while the
// live pages read from the primary: replay is paused on the replica (it still receives the WAL, so it
// is "behind" by the measure of lib/db.ts probe), a complaint is logged through the balancer, and
//   - the dashboard's live list (/dashboard, primary) of each instance shows it at once;
//   - the deadline export (/dashboard/export, the replica) of each instance does not;
// replay resumes, and the export shows it. The instances run with a REPLICA_MAX_LAG_SECONDS large
// enough that a paused replica is still used (else they would fall back to the primary, as designed).

import { randomUUID } from "node:crypto";
import pg from "pg";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { readXlsx } from "../../tests/support/xlsx";
import { callAction, type ActionRoute, type Session } from "../faults/http";
import type { Plan } from "../faults/workload";
import { INSTANCES, sleep, type Check, type Instance } from "./parts";

export async function replicaReadsCheck(input: {
  db: PrismaClient;
  replicaUrl: string;
  plan: Plan;
  session: Session;
  direct: (name: Instance) => string;
  route: ActionRoute;
  maxLagSeconds: number;
}): Promise<Check> {
  const { db, plan, session, direct } = input;
  const name = "report exports read from the replica, live pages from the primary";
  const rc = new pg.Client({ connectionString: input.replicaUrl });
  await rc.connect();
  const rows: string[] = [];
  let paused = false;
  try {
    await rc.query("SELECT pg_wal_replay_pause()");
    paused = true;
    for (const deadline = Date.now() + 10_000; ; await sleep(100)) {
      const { rows: r } = await rc.query<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state");
      if (r[0].state === "paused") break;
      if (Date.now() > deadline) throw new Error(`replay did not pause (${r[0].state})`);
    }

    const created = await callAction(session, input.route, {
      requestId: randomUUID(),
      siteId: plan.siteId,
      tenantId: plan.tenantId,
      unitId: plan.unitId,
      source: "PHONE",
      category: "REPAIR",
      severity: "MAJOR",
      description: `集群演练：副本读取 ${randomUUID()}`,
      departmentId: plan.departmentId,
    });
    if (!created.ok) throw new Error(`the complaint was refused: ${created.code} ${created.message}`);
    const { id, number } = created.data as { id: string; number: string };
    const query = `site=${encodeURIComponent(plan.siteId)}&q=${encodeURIComponent(number)}`;

    const onPage = async (n: Instance) => {
      const res = await session.fetch(`/dashboard?${query}`, {}, direct(n));
      const html = await res.text();
      // The row's link (the search box repeats the number itself).
      return res.status === 200 && html.includes(`href="/complaints/${id}"`);
    };
    const inExport = async (n: Instance) => {
      const res = await session.fetch(`/dashboard/export?${query}`, {}, direct(n));
      if (res.status !== 200) throw new Error(`${n}: /dashboard/export answered ${res.status}`);
      const [sheet] = await readXlsx(new Uint8Array(await res.arrayBuffer()));
      return sheet.rows.filter((r) => r.includes(number)).length;
    };

    const whilePaused = {} as Record<Instance, { page: boolean; exported: number }>;
    for (const n of INSTANCES) whilePaused[n] = { page: await onPage(n), exported: await inExport(n) };
    const onReplica = Number((await rc.query<{ n: string }>(`SELECT count(*) AS n FROM "Complaint" WHERE id = $1`, [id])).rows[0].n);
    const onPrimary = await db.complaint.count({ where: { id } });
    const [state] = (
      await rc.query<{ behind: boolean; age: number | null }>(
        `SELECT pg_last_wal_receive_lsn() <> pg_last_wal_replay_lsn() AS behind,
                EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS age`,
      )
    ).rows;

    await rc.query("SELECT pg_wal_replay_resume()");
    paused = false;
    const resumedAt = Date.now();
    const afterResume = {} as Record<Instance, number>;
    for (const n of INSTANCES)
      for (const deadline = Date.now() + 15_000; ; await sleep(250)) {
        afterResume[n] = await inExport(n);
        if (afterResume[n] > 0 || Date.now() > deadline) break;
      }
    const caughtUpMs = Date.now() - resumedAt;

    rows.push(
      `replica replay paused; complaint ${number} logged through the balancer: on the primary ${onPrimary}, on the replica ${onReplica}`,
      `replica behind (WAL received, not replayed) ${state.behind}, last replayed transaction ${state.age === null ? "-" : `${state.age.toFixed(1)} s`} old (REPLICA_MAX_LAG_SECONDS=${input.maxLagSeconds})`,
      ...INSTANCES.map(
        (n) =>
          `${n}: /dashboard (primary) shows it ${whilePaused[n].page}; /dashboard/export (replica) rows with it ${whilePaused[n].exported}`,
      ),
      `replay resumed: export rows with it ${INSTANCES.map((n) => `${n} ${afterResume[n]}`).join(", ")} (within ${caughtUpMs} ms)`,
    );
    const passed =
      onPrimary === 1 &&
      onReplica === 0 &&
      state.behind &&
      INSTANCES.every((n) => whilePaused[n].page && whilePaused[n].exported === 0 && afterResume[n] === 1);
    return { name, passed, figures: rows.join("\n") };
  } catch (err) {
    rows.push(`failed: ${err instanceof Error ? err.message : String(err)}`);
    return { name, passed: false, figures: rows.join("\n") };
  } finally {
    if (paused) await rc.query("SELECT pg_wal_replay_resume()").catch(() => {});
    await rc.end();
  }
}
