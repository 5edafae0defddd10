import { readdir } from "node:fs/promises";
import path from "node:path";

/**
 * Readiness for a load balancer (GET /api/ready) and the start-up check (instrumentation.ts): the
 * database answers and its applied migrations are exactly the ones this build ships in
 * prisma/migrations. An instance with a different migration level must not serve: its queries
 * would name columns the database lacks, or miss ones it requires.
 */
export type Readiness = { ok: true; migrations: number } | { ok: false; reason: string; pending?: string[]; unknown?: string[] };

/** Anything with a tagged $queryRaw: the app's Prisma client or a test's. */
interface RawQuery {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

let shipped: Promise<string[]> | undefined;

/** The migration folders of this build (read once per process). */
export function shippedMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  const read = async () =>
    (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  if (dir !== MIGRATIONS_DIR) return read();
  shipped ??= read().catch((err) => {
    shipped = undefined;
    throw err;
  });
  return shipped;
}

export async function checkReadiness(db: RawQuery, dir = MIGRATIONS_DIR): Promise<Readiness> {
  let applied: string[];
  try {
    const table = await db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('public._prisma_migrations')::text AS t`;
    applied = table[0]?.t
      ? (
          await db.$queryRaw<
            { name: string }[]
          >`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
        ).map((r) => r.name)
      : [];
  } catch (err) {
    const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return {
      ok: false,
      reason: /permission denied/i.test(message) ? `cannot read the applied migrations: ${message}` : `database unreachable: ${message}`,
    };
  }
  const expected = await shippedMigrations(dir);
  const have = new Set(applied);
  const want = new Set(expected);
  const pending = expected.filter((m) => !have.has(m));
  const unknown = [...have].filter((m) => !want.has(m)).sort();
  if (pending.length === 0 && unknown.length === 0) return { ok: true, migrations: expected.length };
  const parts: string[] = [];
  if (pending.length)
    parts.push(`${pending.length} migration(s) of this build not applied to the database (run npm run db:migrate): ${pending.join(", ")}`);
  if (unknown.length)
    parts.push(`the database has ${unknown.length} migration(s) this build does not know (an older build): ${unknown.join(", ")}`);
  return { ok: false, reason: `migration level differs: ${parts.join("; ")}`, pending, unknown };
}

/** Set on SIGTERM: the instance is draining, the balancer should stop sending it requests. */
const lifecycle = globalThis as unknown as { kewuDraining?: boolean };
export const markDraining = () => {
  lifecycle.kewuDraining = true;
};
export const isDraining = () => lifecycle.kewuDraining === true;
