import { db } from "@/lib/db";
import { checkReadiness, isDraining } from "@/lib/health/ready";

export const dynamic = "force-dynamic";

/**
 * Readiness for the load balancer: 200 when the database is reachable and its migrations are this
 * build's; 503 with the reason otherwise, and while the instance shuts down (SIGTERM) so the
 * balancer stops sending it new requests. Liveness is /api/health.
 */
export async function GET() {
  if (isDraining())
    return Response.json({ ready: false, reason: "shutting down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  const readiness = await checkReadiness(db);
  if (!readiness.ok) console.warn(`[ready] not ready: ${readiness.reason}`);
  return Response.json(readiness.ok ? { ready: true, migrations: readiness.migrations } : { ready: false, reason: readiness.reason }, {
    status: readiness.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
