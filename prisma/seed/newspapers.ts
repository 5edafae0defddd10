import type { PrismaClient } from "../../lib/generated/prisma/client";

/** Titles, subscriptions and a month of newspaper days (issue 6). Not written yet: filled in by the module's work. */
export async function seedNewspapers(_db: PrismaClient, _options: { now?: Date; log: (line: string) => void }): Promise<void> {}
