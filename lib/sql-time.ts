import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * An instant as a parameter of Prisma's `timestamp(3)` columns, which hold UTC wall-clock time: sent
 * as ISO text and converted in SQL, so neither the driver's nor the server's zone can shift it.
 */
export function sqlInstant(instant: Date | null): Prisma.Sql {
  return Prisma.sql`(${instant ? instant.toISOString() : null}::timestamptz AT TIME ZONE 'UTC')`;
}

/** Reads back a `timestamp(3)` (UTC) column as epoch milliseconds, without trusting the driver's zone handling either. */
export function sqlEpochMs(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(extract(epoch FROM ${column}) * 1000)::float8`;
}
