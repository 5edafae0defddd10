import type { PrismaClient } from "../../lib/generated/prisma/client";

/** The three weekly meeting series per site with their expected attendees (issue 7, R-MTG-1). Not written yet: filled in by the module's work. */
export async function seedMeetingSeries(_db: PrismaClient, _options: { now?: Date; log: (line: string) => void }): Promise<void> {}
