// `npm run seed:scale`: a large company in its own database (default `kewu_scale`), for the
// benchmark (scripts/bench). The demo database is never touched.
//
//   1. drop and recreate the database, apply the migrations;
//   2. the demo seed (accounts, checklists, the two demo sites);
//   3. the large company, generated inside PostgreSQL (./sql.ts): by default 50 sites, 20 000 units,
//      15 000 tenants and three years of operations (≥ 1 000 000 complaints with their rounds and
//      revisits, ≥ 3 000 000 inspection results, 200 000 goods passes, newspaper days, vacant-unit
//      records, meetings); then ANALYZE.
//
// Options: --db NAME, --scale F (multiplies every count: 0.01 for development), --months N (history
// length, default 36; the counts that grow with time — complaints, inspection results, goods passes —
// are taken at the same rate per month, so `--months 3` is the same company three months old), --sites N, --complaints N, --units N, --tenants N, --inspection-results N,
// --goods-passes N. Accounts: scale.manager / scale.clerk / scale.admin (every site),
// scale.supervisor / scale.coordinator / scale.frontdesk (site Z01), with the demo password.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../db/engine";
import { REPO_ROOT, dropDatabase, ensureDatabase, ensureDatabaseServer, withDatabaseName } from "../db/server";
import { FULL, scaleSteps, type ScaleSizes } from "./sql";

export interface ScaleSeedOptions {
  db: string;
  sizes: ScaleSizes;
  log?: (line: string) => void;
}

export function parseScaleArgs(argv: string[]): ScaleSeedOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string", default: "kewu_scale" },
      scale: { type: "string", default: "1" },
      months: { type: "string" },
      sites: { type: "string" },
      complaints: { type: "string" },
      units: { type: "string" },
      tenants: { type: "string" },
      "inspection-results": { type: "string" },
      "goods-passes": { type: "string" },
    },
    strict: true,
  });
  const f = Number(values.scale);
  const months = values.months ? Number(values.months) : FULL.months;
  const n = (v: string | undefined, full: number, min: number) => (v ? Number(v) : Math.max(min, Math.round(full * f)));
  /** A count that accumulates over the history: the full company's rate per month, for `months`. */
  const overTime = (v: string | undefined, full: number, min: number) => n(v, (full * months) / FULL.months, min);
  return {
    db: values.db!,
    sizes: {
      sites: n(values.sites, FULL.sites, 2),
      units: n(values.units, FULL.units, 40),
      tenants: n(values.tenants, FULL.tenants, 30),
      complaints: overTime(values.complaints, FULL.complaints, 500),
      inspectionResults: overTime(values["inspection-results"], FULL.inspectionResults, 1000),
      goodsPasses: overTime(values["goods-passes"], FULL.goodsPasses, 200),
      months,
    },
  };
}

/** Builds the database and returns its URL. */
export async function seedScale({ db, sizes, log = console.log }: ScaleSeedOptions): Promise<string> {
  const started = performance.now();
  const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const { baseUrl } = await ensureDatabaseServer();
  await dropDatabase(baseUrl, db);
  await ensureDatabase(baseUrl, db);
  const url = withDatabaseName(baseUrl, db);
  await applyMigrations(url, path.join(REPO_ROOT, "prisma", "migrations"));
  log(`database ${db}: migrated (${since()})`);

  const demo = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  if (demo.status !== 0) throw new Error("the demo seed failed");
  log(`demo seed (${since()})`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'");
    // The rows are generated consistent (./sql.ts), so the load skips the row triggers: foreign-key
    // checks (five a complaint, two an inspection result) and the application's triggers (the rate
    // summary's forgetting, the cache versions' bumps, queued per row until commit). They were most of
    // the seed's time. `replica` needs a superuser (the embedded server's and these machines' postgres);
    // another role loads with every trigger on, slower and the same. What the triggers would have done
    // is done after: the keys are checked once per constraint (checkForeignKeys), the cache versions
    // bumped; the rate summary has nothing to forget for sites it has never seen.
    const bulk = await superuser(client);
    if (bulk) await client.query("SET session_replication_role = replica");
    for (const step of scaleSteps(sizes)) {
      await client.query("BEGIN");
      await client.query(step.sql);
      await client.query("COMMIT");
      log(`${step.label} (${since()})`);
    }
    if (bulk) {
      await client.query("SET session_replication_role = DEFAULT");
      await client.query(`UPDATE "CacheVersion" SET version = version + 1`);
    }
    await client.query("VACUUM ANALYZE");
    log(`vacuum analyze (${since()})`);
    // After VACUUM ANALYZE: on tables just loaded, without statistics or hint bits, the check's
    // anti-joins took 150 s; after it, a few seconds.
    if (bulk) {
      await checkForeignKeys(client);
      log(`foreign keys checked (${since()})`);
    }
    const counts = await client.query<{ table: string; rows: string }>(`
      SELECT 'Complaint' AS table, count(*)::text AS rows FROM "Complaint"
      UNION ALL SELECT 'ComplaintRectification', count(*)::text FROM "ComplaintRectification"
      UNION ALL SELECT 'ComplaintRevisit', count(*)::text FROM "ComplaintRevisit"
      UNION ALL SELECT 'Inspection', count(*)::text FROM "Inspection"
      UNION ALL SELECT 'InspectionResult', count(*)::text FROM "InspectionResult"
      UNION ALL SELECT 'GoodsPass', count(*)::text FROM "GoodsPass"
      UNION ALL SELECT 'NewspaperDay', count(*)::text FROM "NewspaperDay"
      UNION ALL SELECT 'NewspaperDelivery', count(*)::text FROM "NewspaperDelivery"
      UNION ALL SELECT 'VacantCleaningRecord', count(*)::text FROM "VacantCleaningRecord"
      UNION ALL SELECT 'Meeting', count(*)::text FROM "Meeting"
      UNION ALL SELECT 'Unit', count(*)::text FROM "Unit"
      UNION ALL SELECT 'Tenant', count(*)::text FROM "Tenant"
      UNION ALL SELECT 'Site', count(*)::text FROM "Site"
      UNION ALL SELECT 'AuditLog', count(*)::text FROM "AuditLog"`);
    log(counts.rows.map((r) => `  ${r.table.padEnd(24)} ${r.rows}`).join("\n"));
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  return url;
}

async function superuser(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
  return rows[0]?.rolsuper === true;
}

/**
 * Every foreign key of the schema, checked over the whole table: the rows a loaded table holds whose key
 * (all of its columns set) names no row of the table it references. Throws with the constraints and
 * their counts when there are any.
 */
export async function checkForeignKeys(client: pg.Client): Promise<void> {
  // A count per constraint, each written from the catalogue (names quoted by format %I). One statement
  // each: the same counts as one UNION ALL took two minutes on the scale data, a few seconds this way.
  const { rows: checks } = await client.query<{ name: string; sql: string }>(`
    SELECT c.conname AS name,
           format('SELECT count(*)::int AS n FROM %s x WHERE %s AND NOT EXISTS (SELECT 1 FROM %s y WHERE %s)',
                  c.conrelid::regclass, k.set, c.confrelid::regclass, k.eq) AS sql
      FROM pg_constraint c
      CROSS JOIN LATERAL (
        SELECT string_agg(format('x.%I IS NOT NULL', a.attname), ' AND ') AS set,
               string_agg(format('y.%I = x.%I', b.attname, a.attname), ' AND ') AS eq
          FROM unnest(c.conkey, c.confkey) AS p(child, parent)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = p.child
          JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = p.parent) k
     WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
     ORDER BY c.conname`);
  const broken: string[] = [];
  for (const check of checks) {
    const { rows } = await client.query<{ n: number }>(check.sql);
    if (rows[0].n > 0) broken.push(`${check.name}: ${rows[0].n}`);
  }
  if (broken.length > 0) throw new Error(`rows naming missing rows:\n  ${broken.join("\n  ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseScaleArgs(process.argv.slice(2));
  console.log(`seed:scale → ${options.db}`, options.sizes);
  seedScale(options).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
