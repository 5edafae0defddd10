import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/**
 * Liveness for scripts and Playwright's webServer: the app answers and reaches its database (one
 * trivial query). Readiness for a load balancer (migrations current, not draining) is /api/ready.
 */
export async function GET() {
  await db.$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
}
