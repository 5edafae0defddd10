// Empties every app table of the test database between cases:
//   beforeEach(resetDatabase)
// One TRUNCATE … RESTART IDENTITY CASCADE of all tables in schema public except _prisma_migrations
// (TRUNCATE does not fire the AuditLog append-only row triggers).
import pg from "pg";

let client: pg.Client | undefined;
let truncateSql: string | undefined;

async function connection(): Promise<pg.Client> {
  if (client) return client;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("resetDatabase: DATABASE_URL is not set (run under the vitest integration project)");
  const fresh = new pg.Client({ connectionString: url });
  // The test database is dropped WITH (FORCE) at the end of the run: forget the client, don't crash.
  fresh.on("error", () => {
    if (client === fresh) client = undefined;
  });
  await fresh.connect();
  client = fresh;
  return fresh;
}

export async function resetDatabase(): Promise<void> {
  const db = await connection();
  if (truncateSql === undefined) {
    const { rows } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name
         FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename`,
    );
    truncateSql = rows.length ? `TRUNCATE TABLE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE` : "";
  }
  if (truncateSql) await db.query(truncateSql);
}
