import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness for scripts and Playwright's webServer: the app answers and reaches its database. */
export async function GET() {
  await db.$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
}
