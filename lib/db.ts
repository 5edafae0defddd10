import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One Prisma client per process (t3 style); in dev, survive hot reloads through globalThis.
const globalForPrisma = globalThis as unknown as { kewuPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString, max: 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 },
    {
      onPoolError: (err) => console.error("[db] pool error", err),
    },
  );
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForPrisma.kewuPrisma ?? createPrismaClient(env().DATABASE_URL);

if (env().NODE_ENV !== "production") globalForPrisma.kewuPrisma = db;

export type Db = PrismaClient;
