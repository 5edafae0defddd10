// prisma/schema.prisma and prisma/migrations must describe the same database.
//
// Database A gets the migrations (as `npm run db:migrate` applies them); database B gets the SQL
// Prisma generates for schema.prisma from scratch. Their structures (tables, columns, indexes,
// constraints, enums, sequences) must be identical. Triggers and functions are ignored (the
// hand-written audit trigger lives only in migrations, and Prisma's diff ignores them too), as is
// `_prisma_migrations`. Column order and enum label order are ignored because Prisma ignores them
// (a migration that adds a column appends it).
//
// On failure: run `npm run db:migration -- <name>` to generate the missing migration, or fix the
// migration/schema that was edited by hand.

import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, diffSchemas } from "../../scripts/db/engine";
import { REPO_ROOT, dropDatabase, ensureDatabase, withDatabaseName } from "../../scripts/db/server";

const serverUrl = inject("testServerUrl");

/**
 * What lives only in migrations because Prisma's schema cannot express it, as the structure lines below
 * begin: the CHECK of R-GP-5 (a goods-pass window lasts at most a day) and the partial, covering indexes
 * of the dashboard's open deadlines (R-CMP-5).
 */
const HAND_WRITTEN = [
  "constraint GoodsPass.GoodsPass_window_length (check): ",
  "index Complaint.Complaint_open_rectification_idx: ",
  "index Complaint.Complaint_open_revisit_idx: ",
  "index WorkOrder.WorkOrder_unfinished_idx: ",
];
const run = `${process.pid}_${Date.now()}`;
const databases = {
  migrations: `kewu_drift_${run}_m`,
  schema: `kewu_drift_${run}_s`,
  canary: `kewu_drift_${run}_c`,
};
const urlOf = (name: string) => withDatabaseName(serverUrl, name);

let schemaText: string;
let applied: string[];

beforeAll(async () => {
  schemaText = await readFile(path.join(REPO_ROOT, "prisma", "schema.prisma"), "utf8");
  await Promise.all(Object.values(databases).map((name) => ensureDatabase(serverUrl, name)));
  applied = await applyMigrations(urlOf(databases.migrations), path.join(REPO_ROOT, "prisma", "migrations"));
});

afterAll(async () => {
  await Promise.all(Object.values(databases).map((name) => dropDatabase(serverUrl, name)));
});

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Builds `dbName` from a Prisma schema text the way `prisma db push` would, from empty. */
async function buildFromSchema(dbName: string, schema: string) {
  const sql = await diffSchemas(serverUrl, null, schema);
  expect(sql).not.toBe("");
  await withClient(urlOf(dbName), (client) => client.query(sql));
}

/** The database structure as sorted, human-readable lines (one fact per line). */
async function structure(dbName: string): Promise<string[]> {
  return withClient(urlOf(dbName), async (client) => {
    const lines: string[] = [];
    const q = async (sql: string) => (await client.query(sql)).rows as Record<string, string>[];

    for (const r of await q(`
      SELECT c.relname AS table_name, c.relkind
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
         AND c.relname <> '_prisma_migrations'`)) {
      lines.push(`table ${r.table_name} (kind ${r.relkind})`);
    }

    for (const r of await q(`
      SELECT c.relname AS table_name, a.attname AS column_name,
             format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
             a.attidentity AS identity, a.attgenerated AS generated,
             CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
         AND c.relname <> '_prisma_migrations'`)) {
      lines.push(
        `column ${r.table_name}.${r.column_name}: ${r.type}` +
          `${r.not_null ? " NOT NULL" : " NULL"}` +
          `${r.default_expr ? ` DEFAULT ${r.default_expr}` : ""}` +
          `${r.identity ? ` IDENTITY(${r.identity})` : ""}` +
          `${r.generated ? ` GENERATED(${r.generated})` : ""}` +
          `${r.collation ? ` COLLATE ${r.collation}` : ""}`,
      );
    }

    for (const r of await q(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)) {
      lines.push(`index ${r.tablename}.${r.indexname}: ${r.indexdef}`);
    }

    for (const r of await q(`
      SELECT c.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS def
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = con.connamespace
       WHERE n.nspname = 'public' AND con.contype IN ('p', 'f', 'u', 'c', 'x')
         AND c.relname <> '_prisma_migrations'`)) {
      const kind = { p: "primary key", f: "foreign key", u: "unique", c: "check", x: "exclusion" }[r.contype];
      lines.push(`constraint ${r.table_name}.${r.conname} (${kind}): ${r.def}`);
    }

    for (const r of await q(`
      SELECT t.typname, array_to_string(array_agg(e.enumlabel ORDER BY e.enumlabel), ', ') AS labels
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE n.nspname = 'public'
       GROUP BY t.typname`)) {
      lines.push(`enum ${r.typname}: ${r.labels}`);
    }

    for (const r of await q(`
      SELECT sequencename, data_type::text AS data_type, increment_by, min_value, max_value, start_value
        FROM pg_sequences WHERE schemaname = 'public'`)) {
      lines.push(`sequence ${r.sequencename}: ${r.data_type} start ${r.start_value} by ${r.increment_by} [${r.min_value}, ${r.max_value}]`);
    }

    return lines.sort();
  });
}

function compare(fromMigrations: string[], fromSchema: string[]) {
  const inSchema = new Set(fromSchema);
  const inMigrations = new Set(fromMigrations);
  return {
    onlyInMigrations: fromMigrations.filter((line) => !inSchema.has(line)),
    onlyInSchema: fromSchema.filter((line) => !inMigrations.has(line)),
  };
}

describe("schema drift", () => {
  it("prisma/migrations produce exactly the database that schema.prisma describes", async () => {
    await buildFromSchema(databases.schema, schemaText);
    expect(applied.length).toBeGreaterThan(0);

    const fromMigrations = await structure(databases.migrations);
    const fromSchema = await structure(databases.schema);
    expect(fromMigrations.filter((l) => l.startsWith("table ")).length).toBeGreaterThan(0);

    // A difference here means a schema change without its migration (run `npm run db:migration -- <name>`)
    // or a migration that does more or less than the schema says.
    // Constraints and indexes Prisma's schema cannot express, written by hand in their migration:
    // named here, so that any other difference still fails.
    const handWritten = fromMigrations.filter((l) => HAND_WRITTEN.some((start) => l.startsWith(start)));
    expect(handWritten).toHaveLength(HAND_WRITTEN.length);
    expect(
      compare(
        fromMigrations.filter((l) => !handWritten.includes(l)),
        fromSchema,
      ),
    ).toEqual({ onlyInMigrations: [], onlyInSchema: [] });
  });

  it("detects a schema change that has no migration (the check bites)", async () => {
    const changed = `${schemaText}

model DriftCanary {
  id    Int    @id @default(autoincrement())
  label String @unique @db.VarChar(20)
}
`;
    await buildFromSchema(databases.canary, changed);
    const fromMigrations = await structure(databases.migrations);
    const { onlyInSchema } = compare(fromMigrations, await structure(databases.canary));

    expect(onlyInSchema).toEqual(
      expect.arrayContaining([
        "table DriftCanary (kind r)",
        "column DriftCanary.label: character varying(20) NOT NULL",
        'index DriftCanary.DriftCanary_label_key: CREATE UNIQUE INDEX "DriftCanary_label_key" ON public."DriftCanary" USING btree (label)',
      ]),
    );
  });
});
