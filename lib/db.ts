import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One Prisma client per process (t3 style); in dev, survive hot reloads through globalThis.
const globalForPrisma = globalThis as unknown as { kewuPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString, max: 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 },
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
