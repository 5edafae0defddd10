import type { PrismaClient } from "../../lib/generated/prisma/client";

/** Past weeks of meetings: attendance, confirmed minutes, action items, some missed weeks (issue 7). Not written yet: filled in by the module's work. */
export async function seedMeetingHistory(_db: PrismaClient, _options: { now?: Date; log: (line: string) => void }): Promise<void> {}
