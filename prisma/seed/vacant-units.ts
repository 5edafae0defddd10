import type { PrismaClient } from "../../lib/generated/prisma/client";

/** Cleaners, dedicated cleaners of vacant units and past months' cleaning records (issue 6). Not written yet: filled in by the module's work. */
export async function seedVacantUnits(_db: PrismaClient, _options: { now?: Date; log: (line: string) => void }): Promise<void> {}
