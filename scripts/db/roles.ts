// Least privilege in PostgreSQL: two roles.
//
// - The OWNER role runs the migrations and owns the tables, triggers and functions of schema public.
// - The APP role is what the running server connects as (DATABASE_URL): it reads and writes rows
//   (SELECT/INSERT/UPDATE/DELETE), and nothing more. It cannot ALTER or DROP a table or a trigger,
//   reads of `_prisma_migrations` only which migrations finished (the readiness check compares them with
//   its build's, lib/health/ready.ts) and never writes it, and on "AuditLog" it may only SELECT and INSERT: the
//   append-only trigger then binds the app as well, and a DELETE is refused before it fires.
//   It owns one schema, `pgboss`, where the background-job library keeps its own tables (pg-boss
//   migrates them itself and adds a table per queue, so they must be the app's). pg-boss's first
//   install begins with CREATE SCHEMA IF NOT EXISTS, which PostgreSQL refuses to a role without
//   CREATE on the database even when the schema exists; so the owner creates the schema for the app
//   role and installs pg-boss's tables as that role (SET ROLE), and the app never needs CREATE.
//
// grantAppRole() is idempotent and runs after every migration (npm start on the embedded server,
// npm run serve with DATABASE_OWNER_URL, npm run db:migrate on the embedded server): tables added
// by a new migration get their grants then.

import pg from "pg";
import PgBoss from "pg-boss";

export const APP_ROLE = "kewu_app";
export const JOBS_SCHEMA = "pgboss";

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The user name in a connection URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** CREATE ROLE … LOGIN PASSWORD … unless it exists (another process may create it at the same moment). */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (rowCount) return false;
    try {
      // Passwords are generated base64url text; a literal is needed (CREATE ROLE takes no parameters).
      await client.query(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
      return true;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === "42710" || code === "23505") return false; // created concurrently
      throw err;
    }
  });
}

/**
 * Grants `appRole` what the server needs in the database of `ownerUrl`, connected as the owner of
 * its tables. See the head of this file.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  await withClient(ownerUrl, async (client) => {
    await client.query(`
      GRANT USAGE ON SCHEMA public TO ${app};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
      REVOKE ALL ON TABLE public."_prisma_migrations" FROM ${app};
      GRANT SELECT (migration_name, finished_at, rolled_back_at) ON TABLE public."_prisma_migrations" TO ${app};
      REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE public."AuditLog" FROM ${app};
    `);
    await giveJobsSchema(client, appRole);
  });
}

/** The pg-boss schema belongs to the app role (created for it, or handed over when an older start made it). */
async function giveJobsSchema(client: pg.Client, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  const schema = quoteIdent(JOBS_SCHEMA);
  const { rows } = await client.query<{ owner: string }>("SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1", [
    JOBS_SCHEMA,
  ]);
  try {
    if (rows.length === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${app}`);
    else if (rows[0].owner !== appRole) await handOverJobsSchema(client, appRole);
    await installJobsTables(client, appRole);
  } catch (err) {
    if ((err as { code?: string }).code === "42501") {
      throw new Error(
        `The owner role may not act for ${appRole} (schema ${JOBS_SCHEMA}). Once, as a superuser: ` +
          `GRANT ${app} TO <owner role>; — see README, Production.`,
        { cause: err },
      );
    }
    throw err;
  }
}

/** pg-boss's own tables, created as the app role, when they are not there yet. */
async function installJobsTables(client: pg.Client, appRole: string): Promise<void> {
  const installed = async () =>
    (await client.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [`${JOBS_SCHEMA}.version`])).rows[0].t !== null;
  if (await installed()) return;
  const plan = PgBoss.getConstructionPlans(JOBS_SCHEMA).replace(/CREATE SCHEMA IF NOT EXISTS \S+/, "SELECT 1");
  await client.query(`SET ROLE ${quoteIdent(appRole)}`);
  try {
    await client.query(plan);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    if (!(await installed())) throw err; // otherwise another process installed them meanwhile
  } finally {
    await client.query("RESET ROLE");
  }
}

/** A schema made by an earlier start as another role: the schema and everything in it go to the app role. */
async function handOverJobsSchema(client: pg.Client, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  const schema = quoteIdent(JOBS_SCHEMA);
  try {
    await client.query("BEGIN");
    await client.query(`ALTER SCHEMA ${schema} OWNER TO ${app}`);
    const objects = await client.query<{ sql: string }>(
      `SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, $2::text) AS sql
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v')
       UNION ALL
       SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $2::text)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = $1
       UNION ALL
       SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, $2::text)
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 AND t.typtype IN ('e', 'd') `,
      [JOBS_SCHEMA, appRole],
    );
    for (const { sql } of objects.rows) await client.query(sql);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}
