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
    for (const step of scaleSteps(sizes)) {
      await client.query("BEGIN");
      await client.query(step.sql);
      await client.query("COMMIT");
      log(`${step.label} (${since()})`);
    }
    await client.query("VACUUM ANALYZE");
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
    log(`vacuum analyze (${since()})\n` + counts.rows.map((r) => `  ${r.table.padEnd(24)} ${r.rows}`).join("\n"));
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  return url;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseScaleArgs(process.argv.slice(2));
  console.log(`seed:scale → ${options.db}`, options.sizes);
  seedScale(options).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
